// The sources (/sources): each one's health — last run, status, the error in plain Finnish, items, next check.
import type { RequestHandler } from 'express';
import { countItemsBySource, listSourceStates } from '../../store/index.js';
import type { PageContext } from './context.js';
import { safeHref } from './item.js';
import { healthLine, sourceHealth } from './source-health.js';
import { viewer } from './viewer.js';

export function sourcesPage(ctx: PageContext): RequestHandler {
  return (_req, res) => {
    const { db } = ctx.deps;
    const health = sourceHealth(ctx.deps.sources, listSourceStates(db));
    const counts = countItemsBySource(db);
    res.render('pages/sources', {
      title: 'Lähteet – Lakivahti', ...viewer(res),
      line: healthLine(health, ctx.deps.configErrors.length),
      configErrors: ctx.deps.configErrors,
      sources: health.map((s) => ({
        id: s.def.id, name: s.def.name, href: safeHref(s.def.url), url: s.def.url, verified: s.def.verified !== false,
        health: s.health, statusText: s.statusText, error: s.error, technical: s.health === 'failing' ? s.state?.lastError : null,
        lastRunAt: s.state?.lastRunAt ?? null, lastSuccessAt: s.state?.lastSuccessAt ?? null, nextRunAt: s.state?.nextRunAt ?? null,
        errorCount: s.state?.errorCount ?? 0, items: (counts.get(s.def.id) ?? 0).toLocaleString('fi-FI'),
        itemsHref: `/items?source=${encodeURIComponent(s.def.id)}`,
      })),
    });
  };
}
