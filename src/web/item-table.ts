// The items table (the list page, the overview's buckets, an item's and a matter's other items) as one string build:
// registered as the `item-table` partial, so templates use it as `{{> item-table rows=… caption=…}}`. Its rows were
// most of a page's rendering time through the template engine (a helper call and a context per cell); the markup is
// the same, with every value escaped as handlebars escapes it. Its own words are the page's language's (words-web.ts).
import Handlebars from 'handlebars';
import type { Lang } from '../model.js';
import type { ItemRow } from '../store/index.js';
import { deadlineView, escapeHtml, type RowContext, type RowView } from './routes/present.js';
import { fiDate } from './helpers.js';
import { isLang, LANGS, word } from '../present/words-web.js';
import { stageName } from '../present/stage-names.js';
import { itemSources } from '../present/item-sources.js';

const esc = Handlebars.escapeExpression;

/** A row as the table shows it: rowView's, with an `unread` flag on the list page. */
export type TableRow = RowView & { unread?: boolean };

/**
 * What the partial takes: the rows (or their HTML as itemRowHtml made it, for rows the page keeps), the caption, and
 * j/k/o/r keys.
 */
export interface ItemTableContext {
  rows: (TableRow | { html: string })[];
  caption: string;
  /** The list page's keyboard navigation, with the form token its `r` posts. */
  keys?: boolean;
  csrf?: string;
}

/** The table's words in one language, escaped once (not looked up for every row). */
function tableWords(lang: Lang) {
  const w = (key: string) => esc(word(lang, `table.${key}`));
  const labels = { item: w('item'), source: w('source'), published: w('published'), goals: w('goals'), deadline: w('deadline'), stage: w('stage') };
  const [matterBefore, matterAfter] = w('matter').split('{n}');
  return {
    head: `<thead><tr>${Object.values(labels).map((l) => `<th scope="col">${l}</th>`).join('')}</tr></thead>`,
    // Hidden by pages.css (.items tbody th > span) as .visually-hidden is: the class was 50 × 24 bytes of a list page.
    unread: `<span> ${w('unread')}</span>`,
    notRelevant: `<span class="muted">${w('notRelevant')}</span>`,
    reviewed: ` <span class="muted">${w('reviewed')}</span>`,
    matter: (n: number) => `${matterBefore}${n}${matterAfter ?? ''}`,
  };
}

const WORDS = new Map(LANGS.map((l) => [l, tableWords(l)]));

/**
 * One row's HTML, its own words in `lang`; `unread` marks it unread (the list page), as the row's own flag does. Given
 * apart from the row: a copy of the row with the flag added (`{ ...row, unread }`) was two thirds of a list page's
 * row-building time.
 */
export const itemRowHtml = (r: TableRow, lang: Lang = 'fi', unread = r.unread === true): string => row(r, WORDS.get(lang)!, unread);

/**
 * A row built by appending its pieces, each value escaped as handlebars escapes it. No </th> or </td> and no line
 * between the cells: HTML closes a cell at the next cell and at </tr> (the same table in the browser), and the 50 rows
 * of a list page were 1.8 kB of it. No data-label on the cells: pages.css labels this table's columns on a phone (300
 * labels were a fifth of a list page).
 */
function row(r: TableRow, t: ReturnType<typeof tableWords>, unread = r.unread === true): string {
  let goals = '';
  for (const g of r.goals) goals += `${goals ? ' ' : ''}<span class="goal">${esc(g.label)}</span>`;
  const stage = r.matterStage ? esc(r.matterStage) : null;
  return cells(t, unread, esc(r.href), r.lang ? ` lang="${esc(r.lang)}"` : '', r.titleHtml, r.summaryHtml, r.sourceName, r.organisation,
    r.published, goals, r.notRelevant, !!r.reviewedBy, r.deadline, r.matter, stage);
}

/**
 * A stored row's HTML straight from the row, in `ctx.lang`: the markup of itemRowHtml(rowView(r, ctx, titleHtml,
 * summaryHtml), ctx.lang, unread) without making the rowView object (its goals' list, its deadline's and kind's words)
 * for a row whose HTML is made once and not kept (the list page's rows: 50 objects a page, promoted by a scavenge
 * while the page renders).
 */
export function storedRowHtml(r: ItemRow & { matterStage?: string | null }, ctx: RowContext, unread: boolean, titleHtml?: string, summaryHtml?: string): string {
  let goals = '';
  for (let i = 0; i < r.goals.length; i++) goals += `${i ? ' ' : ''}<span class="goal">${esc(ctx.goalLabel(r.goals[i]))}</span>`;
  const stage = r.matter ? stageName(r.matterStage, ctx.lang) : null;
  return cells(WORDS.get(ctx.lang)!, unread, `/items/${r.id}`, r.language !== ctx.lang && isLang(r.language) ? ` lang="${esc(r.language)}"` : '',
    titleHtml ?? escapeHtml(r.title), summaryHtml, itemSources(r).map((s) => ctx.sourceName(s)).join(', '), r.organisation, r.published, goals, r.relevant === false,
    !!r.reviewedBy, deadlineView(r.deadline, ctx.today, ctx.lang), r.matter, stage ? esc(stage) : null);
}

/** The row's markup from its values (each escaped by the caller where it is text: `href`, `langAttr`, `goalsHtml`, `stageHtml`). */
function cells(t: ReturnType<typeof tableWords>, unread: boolean, href: string, langAttr: string, titleHtml: string, summaryHtml: string | null | undefined,
  sourceName: string, organisation: string | null | undefined, published: string | null, goalsHtml: string, notRelevant: boolean | undefined,
  reviewed: boolean, d: { cls: string; date: string; left: string } | null | undefined, matter: number | null | undefined, stageHtml: string | null): string {
  let out = `<tr${unread ? ' class="unread"' : ''}><th scope="row"><a href="${href}"${langAttr}>${titleHtml}</a>`;
  if (unread) out += t.unread;
  if (summaryHtml) out += `<p class="snippet"${langAttr}>${summaryHtml}</p>`;
  out += `<td>${esc(sourceName)}`;
  if (organisation) out += `<span class="muted"> · ${esc(organisation)}</span>`;
  out += `<td>${esc(fiDate(published))}<td>${goalsHtml}`;
  if (notRelevant) out += t.notRelevant;
  if (reviewed) out += t.reviewed;
  out += '<td>';
  if (d) out += `<span class="${esc(d.cls)}">${esc(d.date)} <span class="days">(${esc(d.left)})</span></span>`;
  out += '<td>';
  if (matter) out += `<a href="/matters/${matter}">${stageHtml ?? t.matter(matter)}</a>`;
  return `${out}</tr>
`;
}

export function itemTable(ctx: ItemTableContext, lang: Lang = 'fi'): string {
  const t = WORDS.get(lang)!;
  let out = `<table class="items"${ctx.keys ? ` data-keys${ctx.csrf ? ` data-csrf="${esc(ctx.csrf)}"` : ''}` : ''}>
<caption>${esc(ctx.caption)}</caption>
${t.head}
<tbody>
`;
  for (const r of ctx.rows ?? []) out += 'html' in r ? r.html : row(r, t);
  return `${out}</tbody>
</table>`;
}
