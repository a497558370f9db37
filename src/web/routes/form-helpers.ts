// Handlebars helpers for the workbench's forms and the board, and the page's language ({{t "key"}}, {{uiLang}}).
import Handlebars, { type HelperOptions } from 'handlebars';
import type { Lang } from '../../model.js';
import { BOARD_STATUSES, type BoardStatus } from '../../store/index.js';
import { isLang, word } from '../../present/words-web.js';
import { BOARD_STATUS_LABELS } from '../../present/board-status.js';

/**
 * The language a page is rendered in (from its template context or res.locals): the signed-in person's choice,
 * else the `uiLang` a page without a person (signing in) was rendered with, else Finnish.
 */
export function pageLang(root: unknown): Lang {
  const r = root as { user?: { lang?: unknown }; uiLang?: unknown } | undefined;
  const lang = r?.user?.lang ?? r?.uiLang;
  return isLang(lang) ? lang : 'fi';
}

/** A word of the page's language, for a route's messages and refusals. */
export type Say = (key: string, values?: Record<string, unknown>) => string;

/** The words of the language of the page these locals render (the signed-in person's). */
export const wordsFor = (locals: unknown): Say => (key, values) => word(pageLang(locals), key, values);

const rootOf = (options: unknown) => (options as HelperOptions | undefined)?.data?.root;

/** A link from a feed or a person becomes an href only with an http(s) scheme (never javascript:, data:, …). */
export function httpUrl(url: unknown): string {
  if (typeof url !== 'string') return '';
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
  } catch {
    return '';
  }
}

export const formHelpers = {
  httpUrl,
  includes: (list: unknown, x: unknown) => Array.isArray(list) && list.includes(x),
  boardStatus: (s: unknown, options: HelperOptions) =>
    typeof s === 'string' && s in BOARD_STATUS_LABELS.fi ? BOARD_STATUS_LABELS[pageLang(rootOf(options))][s as BoardStatus] : '',
  roleLabel: (r: unknown, options: HelperOptions) => (r === 'admin' || r === 'reviewer' || r === 'reader' ? word(pageLang(rootOf(options)), `role.${r}`) : ''),
  /** A word of the page's language: {{t "nav.items"}}, with placeholders {{t "sources.failures" n=3}}. */
  t: (key: unknown, options: HelperOptions) => word(pageLang(rootOf(options)), String(key), options.hash as Record<string, unknown>),
  /** Whether a title's language is not the page's: then it carries its own lang attribute. */
  notPageLang: (language: unknown, options: HelperOptions) => isLang(language) && language !== pageLang(rootOf(options)),
  /** A word that holds markup (<strong>, <kbd>), its values escaped: {{tHtml "unsub.done" email=email}}. */
  tHtml: (key: unknown, options: HelperOptions) => new Handlebars.SafeString(word(pageLang(rootOf(options)), String(key),
    Object.fromEntries(Object.entries(options.hash as Record<string, unknown>).map(([k, v]) => [k, Handlebars.escapeExpression(String(v))])))),
  /** The page's language, for <html lang>. */
  uiLang: (options: HelperOptions) => pageLang(rootOf(options)),
  /** The first argument that is set: lets a partial take its object by name or as its whole context. */
  either: (a: unknown, b: unknown) => a ?? b,
  concat: (...parts: unknown[]) => parts.slice(0, -1).map(String).join(''),
  statusOptions: (options: HelperOptions) => BOARD_STATUSES.map((id) => ({ id, label: BOARD_STATUS_LABELS[pageLang(rootOf(options))][id] })),
};
