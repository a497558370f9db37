// The items table (the list page, the overview's buckets, an item's and a matter's other items) as one string build:
// registered as the `item-table` partial, so templates use it as `{{> item-table rows=… caption=…}}`. Its rows were
// most of a page's rendering time through the template engine (a helper call and a context per cell); the markup is
// the same, with every value escaped as handlebars escapes it.
import Handlebars from 'handlebars';
import type { RowView } from './routes/present.js';
import { fiDate } from './helpers.js';

const esc = Handlebars.escapeExpression;

/** What the partial takes: the rows (rowView's, an `unread` flag on the list page), the caption, and j/k/o/r keys. */
export interface ItemTableContext {
  rows: (RowView & { unread?: boolean })[];
  caption: string;
  /** The list page's keyboard navigation, with the form token its `r` posts. */
  keys?: boolean;
  csrf?: string;
}

const HEAD = '<thead><tr><th scope="col">Asia</th><th scope="col">Lähde</th><th scope="col">Julkaistu</th><th scope="col">Tavoitteet</th>'
  + '<th scope="col">Määräaika</th><th scope="col">Asian vaihe</th></tr></thead>';

function row(r: ItemTableContext['rows'][number]): string {
  const lang = r.lang ? ` lang="${esc(r.lang)}"` : '';
  let goals = '';
  for (const g of r.goals) goals += `<span class="goal">${esc(g.label)}</span> `;
  const d = r.deadline;
  return `<tr${r.unread ? ' class="unread"' : ''}>
<th scope="row" data-label="Asia"><a href="${esc(r.href)}"${lang}>${r.titleHtml}</a>${r.unread ? '<span class="visually-hidden"> (lukematon)</span>' : ''}${
  r.summaryHtml ? `<p class="snippet"${lang}>${r.summaryHtml}</p>` : ''}</th>
<td data-label="Lähde">${esc(r.sourceName)}${r.organisation ? `<span class="muted"> · ${esc(r.organisation)}</span>` : ''}</td>
<td data-label="Julkaistu">${esc(fiDate(r.published))}</td>
<td data-label="Tavoitteet">${goals}${r.notRelevant ? '<span class="muted">ei koske verkostoa</span>' : ''}${r.reviewedBy ? ' <span class="muted">(tarkistettu)</span>' : ''}</td>
<td data-label="Määräaika">${d ? `<span class="${esc(d.cls)}">${esc(d.date)} <span class="days">(${esc(d.left)})</span></span>` : ''}</td>
<td data-label="Asian vaihe">${r.matter ? `<a href="/matters/${r.matter}">${r.matterStage ? esc(r.matterStage) : `asiakokonaisuus ${r.matter}`}</a>` : ''}</td>
</tr>
`;
}

/** The table's HTML. */
export function itemTable(ctx: ItemTableContext): string {
  let out = `<table class="items"${ctx.keys ? ` data-keys${ctx.csrf ? ` data-csrf="${esc(ctx.csrf)}"` : ''}` : ''}>
<caption>${esc(ctx.caption)}</caption>
${HEAD}
<tbody>
`;
  for (const r of ctx.rows ?? []) out += row(r);
  return `${out}</tbody>
</table>`;
}
