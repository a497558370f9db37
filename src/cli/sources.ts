// `lakivahti sources`: each source with its last run, status, error and next check.
import { listPausedSources, listSourceStates } from '../store/sources.js';
import { closeContext, openContext, reportConfigErrors } from '../app/context.js';
import { fiDateTime } from '../app/format.js';
import { parseCommand, Refused } from './args.js';
import { plainError, statusWord } from '../present/source-words.js';
import type { SourceState } from '../store/index.js';

export const usage = `usage: lakivahti sources [--json] [--db PATH] [--feeds DIR]

Each defined source with its last run, status, error and next check, or who paused it and when
(Helsinki time; --json prints one object a line with ISO 8601 instants, "paused": {"by", "at"} or
null). Reads the database without changing it. Exits 1 when no source definition could be read
(a missing feeds folder, or --feeds naming a file).
`;

/**
 * One source for people, in Finnish as the other commands and the sources page speak: its id (and an unverified URL),
 * status, last run, next check or who paused it, its failure streak, and its last error, worded as the page words it
 * with the stored (English, for operators) text after it. Machines read --json, whose fields and codes stay.
 */
function sourceLine(s: SourceState, verified: boolean, paused: { by: string; at: string } | null): string {
  const { running } = s;
  // A run whose process was killed is recorded as interrupted by the next crawl or serve; say so already.
  const status = !running ? statusWord(s.lastStatus ?? null)
    : running.ended ? `keskeytyi (prosessi ${running.pid} päättyi kesken ${fiDateTime(running.since, '-')} alkaneen haun; kirjataan seuraavassa haussa)`
    : `käynnissä ${fiDateTime(running.since, '-')} alkaen${running.pid === null ? '' : ` (prosessi ${running.pid}${running.host ? ` koneella ${running.host}` : ''})`}`;
  const error = s.lastError ? `\n    virhe: ${plainError(s.lastError)} (${s.lastError})` : '';
  const next = paused ? `keskeytetty: ${paused.by} ${fiDateTime(paused.at, '-')} alkaen (jatka hakua lähdesivulla)`
    : `seuraava haku: ${s.nextRunAt ? fiDateTime(s.nextRunAt) : 'käynnistettäessä'}`;
  return `${s.id}${verified ? '' : ' (osoitetta ei ole vahvistettu)'}  ${status}  viimeisin haku: ${fiDateTime(s.lastRunAt, '-')}  ${next}` +
    `${s.errorCount ? `  epäonnistuneita hakuja peräkkäin: ${s.errorCount}` : ''}${error}`;
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { json: { type: 'boolean' } });
  const ctx = openContext(values, { access: 'read' });
  try {
    reportConfigErrors(ctx);
    // No definition read at all (a missing or mistyped feeds folder): nothing to list is a failure, as crawl says, not an
    // empty success a script would take for "no sources configured".
    if (ctx.sources.length === 0 && ctx.configErrors.length > 0) throw new Refused('no source definition could be read (see above)', 1);
    const states = new Map(listSourceStates(ctx.db).map((s) => [s.id, s]));
    // Paused by an administrator on the web workbench: the scheduler and `crawl` skip it until it is resumed.
    const pauses = listPausedSources(ctx.db);
    for (const def of ctx.sources) {
      // A source defined since the last crawl has no row yet: it has simply never run.
      const s = states.get(def.id) ?? {
        id: def.id, name: def.name, url: def.url, etag: null, lastModified: null, lastRunAt: null, lastStatus: null,
        lastError: null, lastSuccessAt: null, errorCount: 0, nextRunAt: null, running: null,
      };
      // A definition whose URL has no public evidence says so, so a failing run there is not taken for an outage.
      const verified = def.verified !== false;
      const paused = pauses.get(def.id) ?? null;
      if (values.json) {
        process.stdout.write(JSON.stringify({ ...s, verified, paused }) + '\n');
        continue;
      }
      process.stdout.write(sourceLine(s, verified, paused) + '\n');
    }
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
