// The web app's view engine: views/<name>.hbs rendered inside views/layouts/main.hbs with the partials and helpers,
// every template compiled once. Handlebars is called directly (one compiled function per file, partials and helpers
// registered once): a page renders in one synchronous call, where express-handlebars rebuilt its partials table and
// helper objects through several promises on every request, which the profile of the items page showed.
import type express from 'express';
import type { Lang } from '../model.js';
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { viewsDir } from '../paths.js';
import { createHelpers } from './helpers.js';
import { formHelpers, pageLang } from './routes/form-helpers.js';
import { itemTable, type ItemTableContext } from './item-table.js';
import { LANGS, word } from '../present/words-web.js';
import type { WebDeps } from './deps.js';
import { renderBody } from './kept-bodies.js';

type Template = Handlebars.TemplateDelegate;

/**
 * A template's `{{t "key"}}` and `{{{t "key"}}}` without values written in as the word of `lang` (escaped as the
 * helper's answer is), so that each language has its own compiled template and a page calls the helper only for
 * words with values. A word with a brace or a backslash is left to the helper (it could read as template syntax).
 */
export function resolveWords(source: string, lang: Lang): string {
  return source.replace(/\{\{(\{?)t "([\w.-]+)"\}\}(\}?)/g, (whole, open: string, key: string, close: string) => {
    if (!open !== !close) return whole;
    const text = word(lang, key);
    if (/[{}\\]/.test(text)) return whole;
    return open ? text : Handlebars.escapeExpression(text);
  });
}

/** Render views/<name>.hbs inside views/layouts/main.hbs, with partials and the Finnish helpers. */
export function configureViews(app: express.Express, deps: Pick<WebDeps, 'goalLabels' | 'goalLabelsSv'>): void {
  const hbs = Handlebars.create();
  const helpers = { ...createHelpers(deps.goalLabels, deps.goalLabelsSv), ...formHelpers };
  hbs.registerHelper(helpers);
  // Known helpers are called directly by the compiled code instead of being looked up at every use.
  const knownHelpers = Object.fromEntries(Object.keys(helpers).map((name) => [name, true]));
  // One compiled template per language (resolveWords); a template (or partial) picks its language's from the
  // template's root, as {{t}} does.
  const compile = (file: string): Template => {
    const source = fs.readFileSync(file, 'utf8').trim();
    const byLang = new Map(LANGS.map((lang) => [lang, hbs.compile(resolveWords(source, lang), { knownHelpers, knownHelpersOnly: true })]));
    return (context: unknown, options?: Handlebars.RuntimeOptions) => byLang.get(pageLang(options?.data?.root ?? context))!(context, options);
  };
  const partialsDir = path.join(viewsDir, 'partials');
  for (const file of fs.readdirSync(partialsDir).filter((f) => f.endsWith('.hbs')))
    hbs.registerPartial(file.slice(0, -'.hbs'.length), compile(path.join(partialsDir, file)));
  // The page's language from the template's root (the person's choice), as {{t}} takes it.
  hbs.registerPartial('item-table', (context: ItemTableContext, options?: { data?: { root?: unknown } }) => itemTable(context, pageLang(options?.data?.root)));
  const layout = compile(path.join(viewsDir, 'layouts', 'main.hbs'));
  const pages = new Map<string, Template>();
  app.engine('hbs', (file, options, done) => {
    try {
      let page = pages.get(file);
      if (!page) pages.set(file, (page = compile(file)));
      const context = options as Record<string, unknown>;
      // A page may hand in its kept body, or ask for the body to keep it (kept-bodies.ts).
      context.body = renderBody(context, page);
      done(null, layout(context).trim());
    } catch (err) {
      done(err as Error);
    }
  });
  app.set('view engine', 'hbs');
  app.set('views', viewsDir);
  // Express looks each view's file up once (it caches views only in production by default).
  app.enable('view cache');
}
