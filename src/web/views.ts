// The handlebars view engine of the web app, shared by the app and by tests that mount its pages alone.
import type express from 'express';
import { engine } from 'express-handlebars';
import path from 'node:path';
import { viewsDir } from '../paths.js';
import { createHelpers } from './helpers.js';
import { formHelpers } from './routes/form-helpers.js';
import type { WebDeps } from './deps.js';

/** Render views/<name>.hbs inside views/layouts/main.hbs, with partials and the Finnish helpers. */
export function configureViews(app: express.Express, deps: Pick<WebDeps, 'goalLabels'>): void {
  app.engine('hbs', engine({
    extname: '.hbs', defaultLayout: 'main', layoutsDir: path.join(viewsDir, 'layouts'),
    partialsDir: path.join(viewsDir, 'partials'), helpers: { ...createHelpers(deps.goalLabels), ...formHelpers },
  }));
  app.set('view engine', 'hbs');
  app.set('views', viewsDir);
  // Compile each template once, whatever NODE_ENV says (express caches views only in production by default, and
  // express-handlebars would otherwise read and compile the layout, partials and page on every request).
  app.enable('view cache');
}
