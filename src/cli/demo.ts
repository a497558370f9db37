// `lakivahti demo`: the whole app against local mirrors of every source's recorded snapshots.
import fs from 'node:fs';
import path from 'node:path';
import { fixturesDir, rootDir } from '../paths.js';
import { mirrorUrl, startMirror, type Mirror } from '../demo/mirror.js';
import { openContext, parseCommand, reportConfigErrors } from './context.js';
import { parsePort, serve, untilSignal } from './serve.js';

export async function demoCommand(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { port: { type: 'string' } });
  // The mirrors listen on 127.0.0.1, which the fetcher refuses unless told otherwise.
  process.env.LAKIVAHTI_ALLOW_PRIVATE_NETWORKS = '1';
  const dbPath = values.db ?? path.join(rootDir, 'db', 'demo.sqlite');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  const ctx = openContext({ ...values, db: dbPath }, { tag: true });
  reportConfigErrors(ctx, process.stderr);
  const mirrors: Mirror[] = [];
  for (const def of ctx.sources) {
    const dir = path.join(fixturesDir, 'sources', def.id);
    if (!fs.existsSync(path.join(dir, 'mirror.json'))) {
      process.stderr.write(`demo: no recorded snapshot for ${def.id}; it will show a fetch error\n`);
      def.url = 'http://127.0.0.1:9/no-snapshot';
      continue;
    }
    const mirror = await startMirror(dir);
    mirrors.push(mirror);
    def.url = mirrorUrl(def.url, mirror.origin);
  }
  const running = await serve(ctx, { port: parsePort(values.port), schedule: true });
  await running.scheduler?.caughtUp;
  process.stdout.write(`demo: crawled ${ctx.sources.length} mirrored sources; open http://localhost:${running.port}/\n`);
  await untilSignal();
  await running.close();
  await Promise.all(mirrors.map((m) => m.close()));
  return 0;
}
