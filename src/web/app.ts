// The express app: one handler per page under routes/, each rendering views/<page>.hbs.
import express, { type ErrorRequestHandler } from 'express';
import { checkDb } from '../store/index.js';
import type { WebDeps } from './deps.js';
import { configureViews } from './views.js';
import { mountPages } from './pages.js';

export type { WebDeps } from './deps.js';

/** Build the web app over the store; handlers read through the store and never crawl. */
export function createWebApp(deps: WebDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  configureViews(app, deps);
  const problems = () => deps.problems?.() ?? [];
  app.use((_req, res, next) => {
    res.set('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Referrer-Policy', 'same-origin');
    // Every page shows what is wrong with the database (read-only, replaced file) in a banner.
    res.locals.problems = problems();
    next();
  });
  mountPages(app, deps);
  app.get('/healthz', (_req, res) => {
    const reasons = [...problems()];
    const query = checkDb(deps.db);
    if (query && !reasons.some((r) => r.includes(query))) reasons.push(`Tietokanta ei vastaa: ${query}`);
    res.status(reasons.length ? 503 : 200).json(reasons.length ? { ok: false, reasons } : { ok: true });
  });
  app.use((_req, res) => void res.status(404).render('not-found', { title: 'Sivua ei löydy' }));
  app.use(errorPage);
  return app;
}

/** Any failure: a Finnish page without stack or paths (whatever NODE_ENV), the detail on stderr for the operator. */
const errorPage: ErrorRequestHandler = (err, req, res, _next) => {
  const status = Number.isInteger(err?.status) && err.status >= 400 && err.status < 600 ? err.status : 500;
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), event: 'request_failed', method: req.method, path: req.path, status, error: detail }) + '\n');
  if (res.headersSent) return void res.end();
  const message = status < 500 ? 'Pyyntöä ei voitu käsitellä.' : 'Sivua ei voitu näyttää palvelimen virheen vuoksi. Virheen tiedot on kirjattu palvelimen lokiin.';
  res.status(status).render('error', { title: 'Virhe', message }, (renderErr, html) => {
    if (renderErr) res.type('text/plain; charset=utf-8').send(`Virhe: ${message}`);
    else res.type('html').send(html);
  });
};
