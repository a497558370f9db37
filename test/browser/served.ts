// The set-up the workbench's browser tests share: a seeded database served by `lakivahti serve` as a process, and
// chromium to look at it; `stop` closes the browser's profiles, the browser and the server, and removes the folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { openDb, type Db, type Role } from '../../src/store/index.js';
import { listeningAt, start, type Child } from '../helpers/process.js';
import { addUser } from '../helpers/web.js';
import { seedWorkbench } from './seed.js';
import { launch } from './support.js';

export interface ServedWorkbench {
  dir: string;
  /** The database file the server uses. */
  db: string;
  /** The server's address without a trailing slash. */
  base: string;
  browser: Browser;
  /** Browser profiles a test opens (openPage adds them), closed by `stop`. */
  contexts: BrowserContext[];
  stop(): Promise<void>;
}

/** Seed a workbench database (then `adjust` it), add the users (the test password), serve it (`env` added to its environment) and start chromium. */
export async function serveWorkbench(name: string, users: Array<[string, Role]>, adjust?: (conn: Db) => void, env?: Record<string, string>): Promise<ServedWorkbench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lakivahti-${name}-`));
  const db = path.join(dir, `${name}.sqlite`);
  const contexts: BrowserContext[] = [];
  let child: Child | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    child?.proc.kill('SIGTERM');
    await child?.done;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const conn = openDb(db);
    try {
      seedWorkbench(conn);
      adjust?.(conn);
      for (const [email, role] of users) await addUser(conn, email, role);
    } finally {
      conn.close();
    }
    child = start(['serve', '--port', '0', '--no-schedule', '--db', db], { env });
    const base = await listeningAt(child);
    browser = await launch();
    return { dir, db, base, browser, contexts, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
