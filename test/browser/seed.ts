// The workbench's test data: joint-response candidates in one matter and alone, a Swedish one, a hostile one.
import { contentHash } from '../../src/normalize/key.js';
import { addDays, helsinkiDate } from '../../src/parse/dates.js';
import { saveRun, syncSources, type Db } from '../../src/store/index.js';
import type { SourceDef, TaggedItem } from '../../src/model.js';
import { createAnalyzer, type Analyzer } from '../../src/tag/analyze.js';
import { indexTerms } from '../../src/tag/index-terms.js';

let analyzer: Analyzer | undefined;

export const SOURCES = [
  { id: 'lausuntopalvelu', name: 'Lausuntopalvelu.fi', url: 'https://www.lausuntopalvelu.fi/' },
  { id: 'hankeikkuna', name: 'Hankeikkuna', url: 'https://valtioneuvosto.fi/hankkeet' },
] as SourceDef[];

/** Today in Helsinki plus `days`, as YYYY-MM-DD. */
export const inDays = (days: number) => addDays(helsinkiDate(new Date()), days);

/** What a hostile feed item carries: each would set window.__pwned if the page let it run. */
export const HOSTILE_TITLE = '<script>window.__pwned = 1</script>Vaarallinen otsikko <img src=x onerror="window.__pwned = 2">';

function item(source: string, key: string, over: Partial<TaggedItem>): TaggedItem {
  const joint = over.tags?.joint ?? false;
  const i: Omit<TaggedItem, 'hash'> = {
    sourceId: source, key, guid: key, url: `https://example.fi/${key}`, title: key, summary: 'Tiivistelmä.', contentHtml: '',
    published: new Date(Date.now() - 86_400_000).toISOString(), updated: null, deadline: null, language: 'fi',
    organisation: 'Sisäministeriö', kind: source === 'hankeikkuna' ? 'project' : 'statement-request', stage: null, identifiers: [],
    consultation: null, searchTerms: '',
    tags: { relevant: true, goals: [{ goal: 'services', score: 9 }], primary: 'services', scores: { services: 9 }, evidence: [], joint, jointReason: joint ? 'lausuntopyyntö' : '', taxonomyVersion: 'seed' },
    ...over,
  };
  // The search terms a crawl would index, with the analyzer the server searches with.
  i.searchTerms = indexTerms(`${i.title} ${i.summary}`, i.language, (analyzer ??= createAnalyzer()));
  return { ...i, hash: contentHash(i) };
}

const jointTags = (goal = 'services') =>
  ({ relevant: true, goals: [{ goal, score: 9 }], primary: goal, scores: { [goal]: 9 }, evidence: [], joint: true, jointReason: 'lausuntopyyntö', taxonomyVersion: 'seed' });

/** Fill an open store; items get ids 1… in this order. */
export function seedWorkbench(db: Db): void {
  syncSources(db, SOURCES);
  const now = new Date().toISOString();
  const run = (sourceId: string, items: TaggedItem[]) => saveRun(db, {
    run: { sourceId, startedAt: now, finishedAt: now, status: 'ok', found: items.length, created: 0, updated: 0, error: null, notes: [] },
    nextRunAt: null, items,
  });
  run('lausuntopalvelu', [
    // #1: a statement request joined with the project (#5) through its diary number: one matter.
    item('lausuntopalvelu', 'pelastuslaki', { title: 'Lausuntopyyntö luonnoksesta laiksi pelastuslain muuttamisesta', deadline: inDays(20),
      identifiers: [{ type: 'diary', value: 'VN/1/2026', role: 'self' }],
      tags: { ...jointTags(), evidence: [{ rule: 'term', term: 'pelastus+laki', field: 'title', match: 'pelastuslain', goals: { services: 3.5 } }] } }),
    // #2: due within the week.
    item('lausuntopalvelu', 'valmius', { title: 'Lausuntopyyntö valmiussuunnittelun asetuksesta', deadline: inDays(3),
      identifiers: [{ type: 'diary', value: 'VN/2/2026', role: 'self' }], tags: jointTags('internal-security') }),
    // #3: a Swedish request.
    item('lausuntopalvelu', 'remiss', { title: 'Remiss om ändring av räddningslagen', language: 'sv', deadline: inDays(30),
      identifiers: [{ type: 'diary', value: 'VN/3/2026', role: 'self' }], tags: jointTags() }),
    // #4: hostile text and a javascript: link, on the board as a candidate.
    item('lausuntopalvelu', 'hostile', { title: HOSTILE_TITLE, url: 'javascript:window.__pwned = 3', deadline: inDays(10),
      contentHtml: '<p>Teksti <img src="x" onerror="window.__pwned = 4"></p>', identifiers: [{ type: 'diary', value: 'VN/4/2026', role: 'self' }], tags: jointTags() }),
  ]);
  run('hankeikkuna', [
    // #5: the project of #1's matter.
    item('hankeikkuna', 'hanke', { title: 'Pelastuslain muuttaminen', identifiers: [{ type: 'diary', value: 'VN/1/2026', role: 'about' }] }),
    // #6: a project in a matter of its own (to merge into #1's).
    item('hankeikkuna', 'hanke2', { title: 'Pelastustoimen rahoituksen selvitys', identifiers: [{ type: 'diary', value: 'VN/9/2026', role: 'self' }] }),
  ]);
}
