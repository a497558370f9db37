// Refuse XML that declares entities before any parser sees it: no expansion, no external entities.
import { parseError } from '../errors.js';

/** Throw a parse error if the document declares a DOCTYPE with entities (billion laughs, XXE). */
export function assertNoEntities(body: string): void {
  const head = body.slice(0, 64 * 1024);
  if (/<!ENTITY/i.test(head) || /<!DOCTYPE[^>]*\[/i.test(head) || /<!DOCTYPE[^>]*\bSYSTEM\b/i.test(head))
    throw parseError('the document declares XML entities (possible entity-expansion or external-entity attack); refused');
}
