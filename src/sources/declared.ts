// What each source module accepts under `options:`, apart from the module's code: definitions are checked when they
// load, and a module's code (cheerio, the feed parser, …) is loaded only when a source of its kind runs.
import type { OptionSpec } from '../model.js';

type Specs = Record<string, OptionSpec>;

/** Committees whose reports (…VM) and statements (…VL) are watched unless options.committees says otherwise. */
const DEFAULT_COMMITTEES = ['HaV', 'StV', 'PeV', 'VaV', 'PuV'];
/** The asset publisher instance holding pelastustoimi.fi's national releases (the side column holds regional news). */
const DEFAULT_INSTANCE = 'OhmjWcEECQFH';
/** Hankeikkuna's public project page people read (its view on valtioneuvosto.fi); {tunnus} is replaced. */
const PROJECT_PAGE = 'https://valtioneuvosto.fi/hanke?tunnus={tunnus}';

export const declaredOptions = {
  rss: {
    dateFromTitle: { type: 'boolean', default: false, description: 'an item without a date takes the first D.M.YYYY in its title' },
  },
  lausuntopalvelu: {
    maxPages: { type: 'integer', min: 1, default: 3, description: 'Atom pages followed through rel="next"' },
    maxDetailPages: { type: 'integer', min: 0, default: 20, description: 'participation pages read per run (open requests only)' },
  },
  eduskunta: {
    committees: { type: 'string-list', default: DEFAULT_COMMITTEES, description: 'committees whose reports and statements are fetched' },
    maxResults: { type: 'integer', min: 1, max: 100, default: 50, description: 'hits per search' },
    queries: { type: 'mapping-list', description: 'full search bodies that replace both default queries' },
  },
  finlex: {
    maxDocuments: { type: 'integer', min: 1, default: 50, description: 'statute documents fetched per run, highest numbers first' },
    maxPages: { type: 'integer', min: 1, default: 20, description: 'list pages (10 entries each) read per run' },
    firstRunDays: { type: 'integer', min: 1, default: 14, description: 'how far back a source that never succeeded looks' },
    overlapHours: { type: 'integer', min: 0, default: 2, description: 'the window starts this long before the last success' },
  },
  hankeikkuna: {
    // Legislative projects out for comment, newest change first (request shape as in hilliaho/kukasaataa).
    query: {
      type: 'mapping',
      default: { tyyppi: ['LAINSAADANTO'], valmisteluvaihe: ['LAUSUNTOMENETTELY'], size: 100, sort: [{ field: 'kohde.muokattu', order: 'DESC' }] },
      description: 'the POST body of kohteet/haku',
    },
    maxPages: { type: 'integer', min: 1, default: 2, description: 'pages followed through nextSearchAfter' },
    projectPage: { type: 'string', default: PROJECT_PAGE, description: 'public project page; {tunnus} is replaced (URL-encoded)' },
  },
  pelastustoimi: {
    instance: { type: 'string', default: DEFAULT_INSTANCE, description: 'the asset publisher portlet instance' },
    rss: { type: 'boolean', default: true, description: "try the portlet's RSS before reading the page" },
  },
} satisfies Record<string, Specs>;

export type ModuleName = keyof typeof declaredOptions;
