// The front page: each source's health and the newest items.
import type { RequestHandler } from 'express';
import { listItems, listSourceStates } from '../../store/index.js';
import type { WebDeps } from '../app.js';

export function homePage(deps: WebDeps): RequestHandler {
  return (_req, res) => {
    const states = new Map(listSourceStates(deps.db).map((s) => [s.id, s]));
    const sources = deps.sources.map((def) => ({ def, state: states.get(def.id) }));
    const items = listItems(deps.db, { limit: 100 }).map((i) => ({ ...i, sourceName: deps.sources.find((d) => d.id === i.source)?.name ?? i.source }));
    res.render('home', { title: 'Lakivahti', sources, items, configErrors: deps.configErrors });
  };
}
