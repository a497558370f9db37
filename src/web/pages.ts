// The web view's read pages and its outputs for other tools: every GET route except the board (part A's).
import type express from 'express';
import type { WebDeps } from './deps.js';
import { pageContext } from './routes/context.js';
import { overviewPage } from './routes/overview.js';
import { itemsPage } from './routes/items.js';
import { itemPage } from './routes/item.js';
import { matterPage } from './routes/matter.js';
import { mountSourceActions, sourcesPage } from './routes/sources.js';
import { mountReads } from './routes/reads.js';
import { itemsFeed, matterFeed } from './routes/feeds.js';
import { deadlinesCalendar } from './routes/calendar.js';
import { itemsCsv } from './routes/items-csv.js';

/** Mount the overview, items, item, matter and sources pages, the feeds, calendar and CSV export, marking read and the sources' actions. */
export function mountPages(app: express.Express, deps: WebDeps, opts: { now?: () => Date } = {}): void {
  const ctx = pageContext(deps, opts.now);
  app.get('/', overviewPage(ctx));
  app.get('/items', itemsPage(ctx));
  app.get('/items.csv', itemsCsv(ctx));
  app.get('/items/:id', itemPage(ctx));
  app.get('/matters/:id', matterPage(ctx));
  app.get('/sources', sourcesPage(ctx));
  app.get('/feeds/items.atom', itemsFeed(ctx, 'atom'));
  app.get('/feeds/items.json', itemsFeed(ctx, 'json'));
  app.get('/feeds/matters/:id.atom', matterFeed(ctx, 'atom'));
  app.get('/feeds/matters/:id.json', matterFeed(ctx, 'json'));
  app.get('/feeds/deadlines.ics', deadlinesCalendar(ctx));
  // Per-person read state: set only by these POSTs.
  mountReads(app, deps);
  // Administrators' pause, resume and crawl now.
  mountSourceActions(app, deps);
}
