// `lakivahti demo`: the whole app against local mirrors of every source's recorded snapshots.
import fs from 'node:fs';
import path from 'node:path';
import { fixturesDir, rootDir } from '../paths.js';
import { mirrorUrl, startMirror, type Mirror } from '../demo/mirror.js';
import { closeContext, openTaggingContext, reportConfigErrors } from '../app/context.js';
import { databaseCreator, removeDbFiles, writeMeta } from '../store/index.js';
import { parseCommand, Refused } from './args.js';
import { note } from '../stderr-line.js';
import { serve } from '../app/serve.js';
import { parseHost, parsePort, parseWebEnv, stopOn, untilSignal } from './serve.js';

export { usage } from './demo-usage.js';

/** Mark on a database the demo created (and so may reset). */
const DEMO_MARK = 'demo';

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { port: { type: 'string' }, host: { type: 'string' } });
  const port = parsePort(values.port);
  const host = parseHost(values.host);
  const web = parseWebEnv();
  const dbPath = values.db ?? path.join(rootDir, 'db', 'demo.sqlite');
  if (fs.existsSync(dbPath)) {
    if (databaseCreator(dbPath) !== DEMO_MARK)
      throw new Refused(
        `${dbPath} was not created by the demo, so it is left untouched (the demo empties its database, ` +
          'and this one may hold reviewers\' decisions). Give --db a new file name, or delete the file yourself ' +
          'if it really is an old demo database.',
      );
    removeDbFiles(dbPath);
  } else removeDbFiles(dbPath, { sideFilesOnly: true }); // left by a demo database deleted by hand: no other's
  // The mirrors listen on 127.0.0.1, which the fetcher refuses unless told otherwise.
  process.env.LAKIVAHTI_ALLOW_PRIVATE_NETWORKS = '1';
  const ctx = await openTaggingContext({ ...values, db: dbPath });
  writeMeta(ctx.db, 'created_by', DEMO_MARK);
  reportConfigErrors(ctx);
  const mirrors: Mirror[] = [];
  const signalled = untilSignal(); // before the first line that says it serves (see serve.ts)
  try {
    for (const def of ctx.sources) {
      const dir = path.join(fixturesDir, 'sources', def.id);
      if (!fs.existsSync(path.join(dir, 'mirror.json'))) {
        note(`no recorded snapshot for ${def.id}; it will show a fetch error`, { lines: true });
        def.url = 'http://127.0.0.1:9/no-snapshot';
        continue;
      }
      const mirror = await startMirror(dir);
      mirrors.push(mirror);
      def.url = mirrorUrl(def.url, mirror.origin);
    }
    const running = await serve(ctx, { port, host, schedule: true, web });
    // A signal during the first crawl stops the demo then, as it would stop serve, instead of after the crawl.
    const early = await Promise.race([running.scheduler?.caughtUp.then(() => null) ?? null, signalled]);
    if (early === null) process.stdout.write(`demo: crawled ${ctx.sources.length} mirrored sources; open http://${running.host}:${running.port}/\n`);
    await stopOn(early ?? (await signalled), running);
  } catch (err) {
    await closeContext(ctx);
    throw err;
  } finally {
    await Promise.all(mirrors.map((m) => m.close()));
  }
  return 0;
}
