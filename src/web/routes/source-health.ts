// A source's health in plain Finnish or Swedish: its stored error worded for people, and the one-line summary of them all.
import type { Lang, SourceDef } from '../../model.js';
import type { SourceState } from '../../store/index.js';
import { word } from '../../present/words-web.js';
import { plainError, statusWord } from '../../present/source-words.js';
import { sourceNameIn } from '../../model.js';

export type Health = 'ok' | 'failing' | 'never';

/** A source as the health views show it. */
export interface SourceHealth {
  def: SourceDef;
  state: SourceState | undefined;
  health: Health;
  statusText: string;
  error: string | null;
}


/** Each defined source with its state, judged: failing when its last run failed, `never` when none has run. */
export function sourceHealth(defs: SourceDef[], states: SourceState[], lang: Lang = 'fi'): SourceHealth[] {
  const byId = new Map(states.map((s) => [s.id, s]));
  return defs.map((def) => {
    const state = byId.get(def.id);
    const status = state?.lastStatus ?? null;
    const health: Health = status === null ? 'never' : status === 'error' || status === 'interrupted' ? 'failing' : 'ok';
    return {
      def, state, health,
      statusText: statusWord(status, lang),
      error: health === 'failing' ? plainError(state!.lastError, lang) : null,
    };
  });
}

/**
 * Why "nothing open" cannot be said plainly, as a word key: no source has been read yet ('overview.noSources'), or not
 * every source could be ('overview.notAll'); null when all were. The overview and the board say the same.
 */
export function emptyCaveat(all: SourceHealth[], line: { ok: boolean }): 'overview.noSources' | 'overview.notAll' | null {
  if (!all.some((s) => s.health === 'ok')) return 'overview.noSources';
  return line.ok ? null : 'overview.notAll';
}

/** "10/10 kunnossa" ("10/10 fungerar"), or which are failing and which have not run yet; never an all-clear that is not. */
export function healthLine(all: SourceHealth[], configErrors: number, lang: Lang = 'fi'): { text: string; ok: boolean } {
  const ok = all.filter((s) => s.health === 'ok').length;
  const failing = all.filter((s) => s.health === 'failing').map((s) => sourceNameIn(s.def, lang));
  const never = all.filter((s) => s.health === 'never').length;
  const parts = [word(lang, 'health.ok', { ok, all: all.length })];
  if (failing.length) parts.push(word(lang, failing.length === 1 ? 'health.failingOne' : 'health.failingMany', { names: failing.join(', ') }));
  if (never) parts.push(word(lang, never === 1 ? 'health.neverOne' : 'health.neverMany', { n: never }));
  if (configErrors) parts.push(word(lang, 'health.configErrors', { n: configErrors }));
  return { text: parts.join('; '), ok: ok === all.length && all.length > 0 && configErrors === 0 };
}
