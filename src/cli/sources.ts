// `lakivahti sources`: each source with its last run, status, error and next check.
import { listPausedSources, listSourceStates } from '../store/sources.js';
import { closeContext, openContext, reportConfigErrors } from '../app/context.js';
import { fiDateTime } from '../app/format.js';
import { parseCommand } from './args.js';

export const usage = `usage: lakivahti sources [--json] [--db PATH] [--feeds DIR]

Each defined source with its last run, status, error and next check, or who paused it and when
(Helsinki time; --json prints one object a line with ISO 8601 instants, "paused": {"by", "at"} or
null). Reads the database without changing it.
`;

export async function sourcesCommand(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { json: { type: 'boolean' } });
  const ctx = openContext(values, { access: 'read' });
  try {
    reportConfigErrors(ctx, process.stderr);
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
      const { running } = s;
      // A run whose process was killed is recorded as interrupted by the next crawl or serve; say so already.
      const status = !running ? (s.lastStatus ?? 'never run')
        : running.ended ? `interrupted (process ${running.pid} ended during a run started ${fiDateTime(running.since, '-')}; recorded at the next crawl)`
        : `running since ${fiDateTime(running.since, '-')}${running.pid === null ? '' : ` (pid ${running.pid}${running.host ? ` on ${running.host}` : ''})`}`;
      const error = s.lastError ? `\n    error: ${s.lastError}` : '';
      const next = paused ? `paused by ${paused.by} since ${fiDateTime(paused.at, '-')} (resume it on the sources page)`
        : `next check: ${s.nextRunAt ? fiDateTime(s.nextRunAt) : 'at start'}`;
      process.stdout.write(
        `${s.id}${verified ? '' : ' (URL not verified)'}  ${status}  last run: ${fiDateTime(s.lastRunAt, '-')}  ${next}` +
          `${s.errorCount ? `  failures in a row: ${s.errorCount}` : ''}${error}\n`,
      );
    }
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
