// Rendering a digest to an e-mail: HTML that Outlook shows (tables, styles inlined by juice once into the template)
// and plain text.
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import juice from 'juice';
import { viewsDir } from '../paths.js';
import { fiDate } from '../app/format.js';
import type { Digest, GoalGroup, MovedEntry, NewEntry, RespondEntry } from '../digest/build.js';
import { WORDS } from './words.js';
import { oneLineShown } from '../app/control-chars.js';
import { shownControls } from '../shown-controls.js';

export interface RenderOptions {
  /** The web view's address, e.g. https://lakivahti.example.fi (LAKIVAHTI_BASE_URL); links lead there. */
  baseUrl: string;
  unsubscribeUrl: string;
  /** Marked as a preview at the top. */
  preview?: boolean;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** A period's days: a single day once ("6.12.2026"), else from and to ("30.11.2026–6.12.2026"). */
function period(start: unknown, end: unknown): string {
  const [from, to] = [fiDate(start), fiDate(end)];
  return from === to ? from : `${from}–${to}`;
}

let templates: { html: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate } | null = null;

function compiled() {
  if (templates) return templates;
  const hb = Handlebars.create();
  hb.registerHelper('date', (value: unknown) => fiDate(value));
  hb.registerHelper('period', (start: unknown, end: unknown) => period(start, end));
  const read = (name: string) => fs.readFileSync(path.join(viewsDir, 'email', name), 'utf8');
  templates = {
    // The styles are inlined once into the template, not into every message: the selectors match only the
    // template's own structure (classes and tags), never anything the data brings in.
    html: hb.compile(juice(read('digest.html.hbs'), { removeStyleTags: true }), { strict: false }),
    // Plain text is not HTML: nothing is escaped.
    text: hb.compile(read('digest.txt.hbs'), { noEscape: true }),
  };
  return templates;
}

/** The message's subject: the kind of digest and its period. */
export function subjectOf(d: Digest): string {
  const t = WORDS[d.lang];
  return `${d.kind === 'network' ? t.networkSubject : t.personalSubject} ${period(d.periodStart, d.periodEnd)}`;
}

/**
 * The stored text a digest's entries carry into a message, shown with oneLineShown: a source's title, organisation and
 * name, a board's owner, a change in words (its old and new values), why an item is listed (the words that matched),
 * a goal's label. The rest is the digest's own: ids and refs, dates (checked where they are stored), enums, links.
 */
const STORED_TEXT = ['title', 'organisation', 'owner', 'text', 'source', 'why', 'label'] as const satisfies
  readonly (keyof RespondEntry | keyof MovedEntry | keyof NewEntry | keyof GoalGroup)[];

/** An entry with its stored text shown (STORED_TEXT), never obeyed. */
function shownInMail<T extends object>(entry: T): T {
  const shown = { ...entry } as Record<string, unknown>;
  for (const field of STORED_TEXT) if (typeof shown[field] === 'string') shown[field] = oneLineShown(shown[field]);
  return shown as T;
}

/** Render one digest for one recipient. */
export function renderDigest(stored: Digest, o: RenderOptions): RenderedMail {
  // Stored text is shown, never obeyed, at output (what is stored is kept): the introduction keeps its line breaks.
  const intro = stored.intro === null ? null : stored.intro.split(/\r?\n/).map(shownControls).join('\n');
  const d: Digest = {
    ...stored, intro, respond: stored.respond.map(shownInMail), moved: stored.moved.map(shownInMail),
    groups: stored.groups.map((g) => ({ ...shownInMail(g), items: g.items.map(shownInMail) })),
  };
  const t = WORDS[d.lang];
  const base = o.baseUrl.replace(/\/+$/, '');
  const subject = subjectOf(d);
  const view = {
    ...d, t, subject, preview: o.preview ?? false, unsubscribeUrl: o.unsubscribeUrl,
    heading: d.kind === 'network' ? t.networkHeading : t.personalHeading,
    introLines: d.intro ? d.intro.split('\n') : [],
    // The network digest always says whether anything needs a joint response; a personal one only when it does.
    showRespond: d.kind === 'network' || d.respond.length > 0,
    respond: d.respond.map((r) => ({
      ...r, href: r.matter === null ? `${base}/items/${r.item}` : `${base}/matters/${r.matter}`,
      onBoard: r.status !== null, statusLabel: r.status ? t.statuses[r.status] : '',
    })),
    moved: d.moved.map((m) => ({ ...m, href: `${base}/matters/${m.matter}` })),
    groups: d.groups.map((g) => ({
      ...g, items: g.items.map((i) => ({ ...i, href: `${base}/items/${i.item}` })),
      moreWord: g.more === 1 ? t.moreOne : t.more,
      moreHref: g.goal ? `${base}/items?goal=${encodeURIComponent(g.goal)}` : `${base}/items`,
    })),
  };
  const { html, text } = compiled();
  return { subject, html: html(view), text: text(view).replace(/\n{3,}/g, '\n\n').trimStart() };
}
