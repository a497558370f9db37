// A spy on the real SQLite statements: the SQL of every statement one database runs (each still runs), from each
// test's start; for tests of what a page asks of the database.
import { afterEach, beforeEach } from 'vitest';
import Database from 'better-sqlite3';

type Run = (this: Database.Statement, ...args: unknown[]) => unknown;

/** The SQL `db()` runs during each test, in order (emptied after each; clear it to count from a later point). */
export function statementsRun(db: () => Database.Database | undefined): string[] {
  const ran: string[] = [];
  const statement = Database.prototype.prepare.call(new Database(':memory:'), 'SELECT 1');
  const proto = Object.getPrototypeOf(statement) as Record<'get' | 'all' | 'run' | 'iterate', Run>;
  const originals = { get: proto.get, all: proto.all, run: proto.run, iterate: proto.iterate };
  beforeEach(() => {
    for (const name of Object.keys(originals) as (keyof typeof originals)[])
      proto[name] = function (this: Database.Statement, ...args: unknown[]) {
        if (this.database === db()) ran.push(this.source);
        return originals[name].apply(this, args);
      };
  });
  afterEach(() => {
    Object.assign(proto, originals);
    ran.length = 0;
  });
  return ran;
}
