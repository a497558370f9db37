// Rendered page bodies kept per data version of the database: a page whose body is made only of stored data (the
// overview, the board, an item) is the same for everyone who asks with the same language, role, address and day, so it
// is read and rendered once per version and handed out again until any write (store/data-version.ts) moves the version.
// The layout around it (who is signed in, the banner, a one-shot message) is rendered for each request as before.
import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import { dataVersion, type Db } from '../store/index.js';
import { pageLang } from './routes/form-helpers.js';

/**
 * Stands for the person's CSRF token in a kept body (a body with forms): random per process, so no stored text can
 * hold it; the token is put in its place for each request.
 */
export const TOKEN_MARK = `csrf-${randomBytes(16).toString('hex')}`;

/** A kept body, whether it holds TOKEN_MARK, and what the page keeps beside it (an item's title for the layout). */
interface Kept {
  html: string;
  marked: boolean;
  meta?: string;
}

/** The render option that hands the engine a kept body (views.ts), and the one that asks it for the body it renders. */
export interface BodyOptions {
  keptBody?: string;
  keepBody?: (html: string) => void;
}

/** How many bodies one page keeps for a version, the least recently used dropped first. */
const KEPT = 32;

/** One page's kept bodies: `render` answers from them or renders the page (`view`, from `model()`) and keeps its body. */
export function keptBodies(db: Db, max = KEPT) {
  let version: string | undefined;
  const bodies = new Map<string, Kept>();
  /** The body kept at `key` for this request's data version (most recently used from now on). */
  const find = (res: Response, key: string): Kept | undefined => {
    const now = requestVersion(res, db);
    if (now !== version) {
      version = now;
      bodies.clear();
    }
    const kept = bodies.get(key);
    if (kept) {
      // Most recently used last: the first is the one to drop.
      bodies.delete(key);
      bodies.set(key, kept);
    }
    return kept;
  };
  return {
    /** What was kept beside the body at `key` for this request's data version, if a body is kept there. */
    meta: (res: Response, key: string): string | undefined => find(res, key)?.meta,
    /**
     * Render `view` for this request: its body kept at `key` for this data version when there is one, else `model()`'s
     * rendered and kept (with `meta`). `key` must name everything of the request the body shows beyond stored data
     * (bodyKey does); null renders without keeping.
     */
    render(res: Response, view: string, key: string | null, layout: Record<string, unknown>, model: () => Record<string, unknown>, meta?: string): void {
      // No key: a body not worth keeping (a page the store does not keep either), rendered as any page is.
      if (key === null) return res.render(view, { ...layout, ...model() });
      const kept = find(res, key);
      if (kept) {
        const token = (res.locals.csrfToken as string | undefined) ?? '';
        return res.render(view, { ...layout, keptBody: kept.marked ? kept.html.replaceAll(TOKEN_MARK, () => token) : kept.html } satisfies BodyOptions);
      }
      const at = version;
      res.render(view, {
        ...layout, ...model(),
        keepBody: (html) => {
          // Kept for the version read before the data: a write meanwhile makes the next request render again.
          if (at !== version) return;
          if (bodies.size >= max) bodies.delete(bodies.keys().next().value!);
          bodies.set(key, { html, marked: html.includes(TOKEN_MARK), meta });
        },
      } satisfies BodyOptions & Record<string, unknown>);
    },
  };
}

/**
 * The body of a page (the engine's, views.ts): a kept one as it is, else `page` rendered, and when asked to keep it,
 * rendered with TOKEN_MARK for the CSRF token, kept, and handed out with the request's own token.
 */
export function renderBody(context: Record<string, unknown> & BodyOptions, page: (context: object) => string): string {
  if (typeof context.keptBody === 'string') return context.keptBody;
  if (!context.keepBody) return page(context);
  const html = page({ ...context, csrfToken: TOKEN_MARK });
  context.keepBody(html);
  const token = (context.csrfToken as string | undefined) ?? '';
  return html.replaceAll(TOKEN_MARK, () => token);
}

/**
 * What a body shows of the request beyond stored data: the page's language, the viewer's role (which forms it
 * shows), the address (forms post back to it) and the Helsinki day (days left to deadlines), plus `extra`.
 */
export function bodyKey(res: Response, today: string, extra = ''): string {
  const user = res.locals.user as { role?: string } | undefined;
  return `${pageLang(res.locals)} ${user?.role ?? '-'} ${today} ${res.locals.currentUrl as string} ${extra}`;
}

/** The data version this request read first (app.ts), or read now when it read none (a POST). */
export function requestVersion(res: Response, db: Db): string {
  return (res.locals.dataVersion as string | undefined) ?? dataVersion(db);
}
