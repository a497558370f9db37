// RawItem → Item: absolute URLs, clean text, Helsinki-aware dates, identifiers, a stable key; sanitize last.
import { StageError } from '../errors.js';
import { MATTER_STAGES, type Item, type RawItem, type SourceDef } from '../model.js';
import { helsinkiDate, parseDate, parseLocalDate } from '../parse/dates.js';
import { deadlineIn } from '../parse/deadlines.js';
import { extractIdentifiers } from '../parse/identifiers.js';
import { formatBytes } from '../bytes.js';
import { capHtml, CONTENT_MAX_BYTES } from './cap.js';
import { contentHash, dedupKey } from './key.js';
import { detectLanguage } from './language.js';
import { sanitizeHtml } from './sanitize.js';
import { cleanText, truncate } from './text.js';
import { absoluteUrl } from './url.js';
import { releaseKey } from './release-key.js';

export { absoluteUrl, resolveUrl } from './url.js';
export { cleanText, truncate } from './text.js';
export { sanitizeHtml } from './sanitize.js';
export { contentHash, dedupKey } from './key.js';
export { detectLanguage } from './language.js';
export { capHtml, CONTENT_MAX_BYTES, CUT_MARKER } from './cap.js';

const TITLE_MAX = 500;
const SUMMARY_MAX = 4000;
/** How much body text the deadline and identifier scans read. */
const SCAN_MAX = 20_000;
/** A title made from the summary: its first words. */
const FALLBACK_TITLE_MAX = 120;

const firstNonBlank = (...values: (string | null | undefined)[]): string | null =>
  values.find((v) => typeof v === 'string' && v.trim() !== '') ?? null;

/** The deadline the source gave, else the latest one the text names; `published` is an ISO instant or null. */
function deadlineOf(raw: RawItem, text: string, published: string | null): string | null {
  const given = parseDate(raw.deadline ?? null);
  if (given) return helsinkiDate(given);
  // extractDeadline(text, published) without parsing the instant back: parseDate reads an ISO instant as
  // itself when its year is 1900–2200, and as nothing otherwise (a Date or /Date(…)/ can be any year).
  const year = Number(published?.slice(0, 4));
  return deadlineIn(text, published && year >= 1900 && year <= 2200 ? helsinkiDate(published) : null);
}

/**
 * What the item is stated to be about: the source's own `about`, and for a committee report the bills its title
 * names ("… (HE 184/2026 vp)"): a report's title is the bill it reports on, while its text may mention others.
 */
function statedAbout(raw: RawItem, title: string, def: SourceDef): string[] {
  const about = raw.about ?? [];
  if ((raw.kind ?? def.itemKind) !== 'committee-report') return about;
  return [...about, ...extractIdentifiers(title).filter((i) => i.type === 'he').map((i) => i.value)];
}

/**
 * Normalize one item a source found; throws a normalize-stage error when it has no usable title. `note`
 * hears what was changed on the way that a reader should know about (content cut to the size cap).
 */
export function normalizeItem(raw: RawItem, def: SourceDef, note?: (message: string) => void): Item {
  const url = absoluteUrl(raw.url, def.url);
  const guid = raw.guid?.trim() || null;
  const summary = cleanText(raw.summary, SUMMARY_MAX) || cleanText(raw.content, SUMMARY_MAX);
  const title = cleanText(raw.title, TITLE_MAX) || truncate(summary, FALLBACK_TITLE_MAX);
  if (!title) throw new StageError('normalize', 'item has no title');

  const published = parseDate(raw.published ?? null);
  const body = cleanText(raw.content, SCAN_MAX);
  // Spaces, not newlines: the scans below treat all white space alike, and the deadline scan, which
  // collapses white space first, then has nothing to rewrite.
  const text = [title, summary, body].join(' ');
  const item: Item = {
    hash: '',
    sourceId: def.id,
    key: dedupKey({ guid, url, title, published }),
    guid,
    url,
    title,
    summary,
    contentHtml: '',
    published,
    updated: parseDate(raw.updated ?? null),
    deadline: deadlineOf(raw, text, published),
    // The link and guid often carry identifiers too (a Finlex akn URI, "CELEX:32026R2001"); those are mentions
    // unless the source stated them.
    identifiers: extractIdentifiers([text, raw.url ?? '', guid ?? ''].join('\n'), raw.identifiers ?? [], statedAbout(raw, title, def)),
    // `${title} ${summary}`, the start of `text`: a slice of it, not a copy.
    language: raw.language ?? detectLanguage(text.slice(0, title.length + 1 + summary.length), def.language),
    organisation: cleanText(raw.organisation, 200) || def.organisation || null,
    kind: raw.kind ?? def.itemKind,
    stage: cleanText(raw.stage, 200) || null,
    consultation: raw.consultation ?? null,
    ...(raw.inForce ? { inForce: parseLocalDate(raw.inForce) } : {}),
    ...stageDaysOf(raw.stageDays),
  };
  // Sanitizing is the last step: nothing above reads the sanitized HTML. Then the size cap, which cuts the
  // sanitized HTML (whose size is what is stored) at a safe boundary and marks the cut in the text.
  item.contentHtml = sanitizeHtml(firstNonBlank(raw.content, raw.summary), url ?? def.url);
  const capped = capHtml(item.contentHtml, item.language);
  if (capped) {
    item.contentHtml = capped.html;
    note?.(`content cut from ${formatBytes(capped.fromBytes)} to ${formatBytes(CONTENT_MAX_BYTES)}`);
  }
  if (item.kind === 'press-release') item.releaseKey = releaseKey(url, def.articleHosts ?? []);
  item.hash = contentHash(item);
  return item;
}

/** RawItem.stageDays as stored: the known stages in their order, each day a Helsinki date; nothing when none is readable. */
function stageDaysOf(days: RawItem['stageDays']): { stageDays?: string } {
  if (!days) return {};
  const out: Record<string, string> = {};
  for (const stage of MATTER_STAGES) {
    const day = Object.hasOwn(days, stage) ? parseLocalDate(days[stage]) : null;
    if (day) out[stage] = day;
  }
  return Object.keys(out).length ? { stageDays: JSON.stringify(out) } : {};
}
