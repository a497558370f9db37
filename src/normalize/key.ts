// The stable dedup key of an item (guid, else canonical URL, else a hash of title and date), and its content hash.
import { hash } from 'node:crypto';
import type { Item } from '../model.js';
import { helsinkiDate } from '../parse/dates.js';

/** Hex SHA-1 of a string; the one-shot hash, not a Hash object per call (half the time on a large run). */
const sha1 = (text: string): string => hash('sha1', text, 'hex');

/** What the key is computed from: fields already normalized (canonical URL, ISO date). */
export interface KeyFields {
  guid: string | null;
  url: string | null;
  title: string;
  published: string | null;
}

/** "guid:<guid>", else "url:<canonical url>", else "title:<sha1 of normalized title and Helsinki date>". */
export function dedupKey({ guid, url, title, published }: KeyFields): string {
  const g = guid?.trim();
  if (g) return `guid:${g}`;
  if (url) return `url:${url}`;
  const normalized = title.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  const day = published ? helsinkiDate(published) : '';
  return `title:${sha1(`${normalized}\n${day}`)}`;
}

/**
 * Hash of everything that counts as an upstream change (title, text, deadline, stage, links, consultation).
 * Identifiers count by type and value only: a role that changes alone is caught by the store's join keys
 * (items.link_keys), so stored items do not all turn into new versions when roles are first derived.
 */
export function contentHash(item: Omit<Item, 'hash'>): string {
  const { title, summary, contentHtml, deadline, stage, url, organisation, consultation } = item;
  const identifiers = item.identifiers.map(({ type, value }) => ({ type, value }));
  // The entry into force and a bill's stage days only when known, so items without them keep the hashes they were
  // stored with.
  const text = JSON.stringify([title, summary, contentHtml, deadline, stage, url, organisation, consultation, identifiers,
    ...(item.inForce ? [item.inForce] : []), ...(item.stageDays ? [item.stageDays] : [])]);
  return sha1(text);
}
