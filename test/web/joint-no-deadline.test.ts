// One rule for joint-response candidates (store/candidates.ts): a statement request the tag stage made a candidate
// though its deadline is not known ("deadline unknown") is no dated candidate, and has a place of its own after them:
// the board's "määräaika ei tiedossa" table (and `items --joint`, test/process/database.test.ts). It was in no list.
import { describe, expect, it } from 'vitest';
import { getItem, listItems, type Db } from '../../src/store/index.js';
import { isCandidateOn } from '../../src/store/candidates.js';
import { arriveTagged, get, inDays, servePages, today, useSeededSite } from './support.js';

let db: Db;
let site: Awaited<ReturnType<typeof servePages>>;
let unknown: number;
let dated: number;

const request = (guid: string, deadline: string | null) => ({
  guid, url: `https://www.lausuntopalvelu.fi/FI/Proposal/Participation?proposalId=${guid}`, deadline, published: new Date().toISOString(),
  title: `Lausuntopyyntö pelastuslain muuttamisesta ${guid}`, organisation: 'Sisäministeriö',
  summary: 'Sisäministeriö pyytää lausuntoa pelastuslain muutoksista. Pelastuslaitosten rahoitus ja valvonta muuttuvat.',
  consultation: { distribution: ['Helsingin kaupungin pelastuslaitos', 'Keski-Uudenmaan pelastuslaitos'], answered: [] },
});

useSeededSite('reviewer', (s) => ({ db, site } = s), {
  prepare: (db) => {
    unknown = arriveTagged(db, 'lausuntopalvelu', request('ei-maaraaikaa', null));
    dated = arriveTagged(db, 'lausuntopalvelu', request('maaraaika', inDays(12)));
  },
});

describe('a joint-response candidate whose deadline is not known', () => {
  it('the tag stage made both candidates; the SQL lists, isCandidateOn and the item page agree on each', async () => {
    for (const id of [unknown, dated]) expect(getItem(db, id)!.tags!.joint).toBe(true);
    const listed = listItems(db, { jointFrom: today(), limit: 1000 }).map((r) => r.id);
    const [row] = listItems(db, { ids: [unknown], limit: 1 });
    const [open] = listItems(db, { ids: [dated], limit: 1 });
    expect(listed).not.toContain(unknown);
    expect(isCandidateOn(row, today())).toBe(false);
    expect(listed).toContain(dated);
    expect(isCandidateOn(open, today())).toBe(true);

    const page = (await get(`${site.base}/items/${unknown}`)).body;
    expect(page).not.toContain('Asiakirja on yhteisen vastauksen ehdokas');
    expect(page).toContain('Luokittelija piti asiakirjaa yhteisen vastauksen ehdokkaana, mutta sen määräaikaa ei tiedetä, joten se on taululla omana ryhmänään (määräaika ei tiedossa) päivättyjen ehdokkaiden jälkeen: lausuntopyyntö');
    expect((await get(`${site.base}/items/${dated}`)).body).toContain('Asiakirja on yhteisen vastauksen ehdokas: lausuntopyyntö');

    // The board: the dated one with the open ones, the undated one after them in a table of its own, marked so.
    const board = (await get(`${site.base}/board`)).body;
    const undatedTable = board.indexOf('<caption>Yhteisvastausehdokkaat, joiden määräaika ei ole tiedossa');
    expect(undatedTable).toBeGreaterThan(board.indexOf(`/items/${dated}"`));
    expect(board.indexOf(`/items/${unknown}"`)).toBeGreaterThan(undatedTable);
    expect(board.slice(undatedTable)).toContain('<span class="muted">määräaika ei tiedossa</span>');
    expect(listItems(db, { jointUnknown: true, limit: 1000 }).map((r) => r.id)).toEqual([unknown]);
  });
});
