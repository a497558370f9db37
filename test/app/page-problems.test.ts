// The banner's problems on each page: the context's own (a replaced file, read-only) and a database that stops
// answering, with the query check run again only when the data version moves.
import { describe, expect, it } from 'vitest';
import { pageProblems } from '../../src/app/context.js';
import { openDb, syncSources } from '../../src/store/index.js';
import type { SourceDef } from '../../src/model.js';

describe('pageProblems', () => {
  it('checks the database once per data version, shows the context problems as they come and a closed database at once', () => {
    const db = openDb(':memory:');
    const ctx = { db, problems: [] as string[] };
    let preparedCount = 0;
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => (sql.includes('COUNT(*) FROM sources') && preparedCount++, prepare(sql))) as typeof db.prepare;
    const banner = pageProblems(ctx);
    expect(banner()).toEqual([]);
    expect(banner()).toEqual([]);
    expect(preparedCount).toBe(1);
    syncSources(db, [{ id: 'a', name: 'A', url: 'https://example.fi/a' } as SourceDef]);
    expect(banner()).toEqual([]);
    expect(preparedCount).toBe(2);
    ctx.problems.push('Tietokantatiedosto x.sqlite on korvattu toisella palvelimen ollessa käynnissä; käynnistä Lakivahti uudelleen.');
    expect(banner()).toEqual(ctx.problems);
    db.close();
    expect(banner()).toEqual([ctx.problems[0], expect.stringMatching(/^Tietokanta ei vastaa: .*not open/)]);
  });
});
