// `lakivahti sources`: each source with its last run, status, error and next check.
import { listSourceStates } from '../store/index.js';
import { openContext, parseCommand, reportConfigErrors, closeContext } from './context.js';

export async function sourcesCommand(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { json: { type: 'boolean' } });
  const ctx = openContext(values);
  reportConfigErrors(ctx, process.stderr);
  const defined = new Set(ctx.sources.map((d) => d.id));
  const states = listSourceStates(ctx.db).filter((s) => defined.has(s.id));
  for (const s of states) {
    if (values.json) {
      process.stdout.write(JSON.stringify(s) + '\n');
      continue;
    }
    const status = s.lastStatus ?? 'never run';
    const error = s.lastError ? `\n    error: ${s.lastError}` : '';
    process.stdout.write(
      `${s.id}  ${status}  last run: ${s.lastRunAt ?? '-'}  next check: ${s.nextRunAt ?? 'at start'}` +
        `${s.errorCount ? `  failures in a row: ${s.errorCount}` : ''}${error}\n`,
    );
  }
  await closeContext(ctx);
  return 0;
}
