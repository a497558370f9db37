// The express app: one handler per page under routes/, each rendering views/<page>.hbs.
import express from 'express';
import { engine } from 'express-handlebars';
import path from 'node:path';
import { viewsDir } from '../paths.js';
import type { Db } from '../store/index.js';
import type { SourceDef } from '../model.js';
import type { ConfigError } from '../config/sources.js';
import { helpers } from './helpers.js';
import { homePage } from './routes/home.js';

export interface WebDeps {
  db: Db;
  sources: SourceDef[];
  configErrors: ConfigError[];
}

/** Build the web app over the store; handlers read through the store and never crawl. */
export function createWebApp(deps: WebDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.engine('hbs', engine({ extname: '.hbs', defaultLayout: 'main', layoutsDir: path.join(viewsDir, 'layouts'), partialsDir: path.join(viewsDir, 'partials'), helpers }));
  app.set('view engine', 'hbs');
  app.set('views', viewsDir);
  app.use((_req, res, next) => {
    res.set('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Referrer-Policy', 'same-origin');
    next();
  });
  app.get('/', homePage(deps));
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.use((_req, res) => void res.status(404).render('not-found', { title: 'Sivua ei löydy' }));
  return app;
}
