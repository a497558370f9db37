// The front page: each source's health and the newest items.
import type { RequestHandler } from 'express';
import { listItems, listSourceStates } from '../../store/index.js';
import { helsinkiDate } from '../../parse/dates.js';
import type { WebDeps } from '../deps.js';

export function homePage(deps: WebDeps): RequestHandler {
  return (_req, res) => {
    const states = new Map(listSourceStates(deps.db).map((s) => [s.id, s]));
    const sources = deps.sources.map((def) => ({ def, state: states.get(def.id) }));
    const name = (id: string) => deps.sources.find((d) => d.id === id)?.name ?? id;
    const withSource = <T extends { source: string }>(rows: T[]) => rows.map((i) => ({ ...i, sourceName: name(i.source) }));
    const joint = withSource(listItems(deps.db, { jointFrom: helsinkiDate(new Date()), limit: 50 }));
    const items = withSource(listItems(deps.db, { limit: 100 }));
    res.render('home', { title: 'Lakivahti', sources, joint, items, configErrors: deps.configErrors });
  };
}
