// What every page handler shares: the application's stores and names, the search analyzer, and the clock.
import { createAnalyzer, type Analyzer } from '../../tag/analyze.js';
import { searchQuery } from '../../tag/index-terms.js';
import { helsinkiDate } from '../../parse/dates.js';
import { dataVersion, listOrganisations } from '../../store/index.js';
import type { WebDeps } from '../deps.js';
import type { KnownValues } from './item-query.js';
import type { RowContext } from './present.js';
import { sourceNameIn, type Lang } from '../../model.js';

export interface PageContext {
  deps: WebDeps;
  /** The analyzer searches use (Voikko when installed), made at the first search. */
  analyzer(): Analyzer;
  /** A source's name in `lang`: its Swedish name on a Swedish page where its definition gives one (Finnish when absent). */
  sourceName(id: string, lang?: Lang): string;
  /** A goal's label in `lang` (Finnish when absent). */
  goalLabel(id: string, lang?: Lang): string;
  now(): Date;
  /** What the items filter accepts. */
  known: KnownValues;
  /** Names, today's date and the page's language for list rows. */
  rows(lang?: Lang): RowContext;
}

/** The shared context of the pages over the application's dependencies. */
export function pageContext(deps: WebDeps, now: () => Date = () => new Date()): PageContext {
  let analyzer: Analyzer | undefined;
  const defs = new Map(deps.sources.map((s) => [s.id, s]));
  // Every items page offers the organisations as a filter; they change only when items are stored, so they are read
  // again only when the data version moves (the page's own, when it passes the version it read).
  let organisations: { version: string; names: string[] } | undefined;
  const ctx: PageContext = {
    deps,
    analyzer: () => (analyzer ??= createAnalyzer()),
    sourceName: (id, lang = 'fi') => {
      const def = defs.get(id);
      return def ? sourceNameIn(def, lang) : id;
    },
    goalLabel: (id, lang = 'fi') => (lang === 'sv' ? deps.goalLabelsSv?.[id] : undefined) ?? deps.goalLabels[id] ?? id,
    now,
    known: {
      goals: Object.keys(deps.goalLabels),
      sources: deps.sources.map((s) => s.id),
      organisations: (version = dataVersion(deps.db)) => {
        if (organisations?.version !== version) organisations = { version, names: listOrganisations(deps.db) };
        return organisations.names;
      },
      search: (text) => searchQuery(text, ctx.analyzer()),
    },
    rows: (lang = 'fi') => ({ sourceName: (id) => ctx.sourceName(id, lang), goalLabel: (id) => ctx.goalLabel(id, lang), today: helsinkiDate(now()), lang }),
  };
  return ctx;
}
