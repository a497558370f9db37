import { it } from 'vitest';
import fs from 'node:fs';
import { openDb, seedStore, servePages, webDeps, get } from './support.js';
it('smoke', async () => {
  const db = openDb(':memory:');
  const s = seedStore(db);
  const srv = await servePages(webDeps(db), 'reviewer');
  for (const p of ['/', '/items', '/items?q=pelastuslaki', `/items/${s.request}`, `/items/${s.hostile}`, `/items/${s.swedish}`, '/matters/1', '/sources', '/feeds/items.atom', '/feeds/items.json', '/feeds/deadlines.ics', '/items.csv', '/items?goal=x', '/feeds/matters/1.atom']) {
    const r = await get(srv.base + p);
    fs.writeFileSync('/tmp/out' + p.replace(/[^a-z0-9]/gi, '_') + '.html', r.body);
    console.log(p, r.status, r.type, r.body.length);
  }
  await srv.close();
}, 60000);
