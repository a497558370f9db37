// "7 pv jäljellä" and the board's "7 päivän sisällä" mean the same days: a round whose deadline is seven days away is
// marked soon in the lists and counted and marked within 7 days on the board; eight days away is neither.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/parse/dates.js';
import { arriveTagged, daysAgo, get, onDay, type SeededSite, useSeededSite } from './support.js';
import { fiDate } from '../../src/web/helpers.js';

let s: SeededSite;
let week: number;
let later: number;

const request = (guid: string, title: string, deadline: string) => ({
  guid, url: `https://www.lausuntopalvelu.fi/FI/Proposal/Participation?proposalId=${guid}`, title,
  summary: 'Sisäministeriö pyytää lausuntoa pelastuslain muutoksista. Pelastuslaitosten rahoitus ja valvonta muuttuvat.',
  published: daysAgo(1), deadline, organisation: 'Sisäministeriö',
  consultation: { distribution: ['Helsingin kaupungin pelastuslaitos', 'Keski-Uudenmaan pelastuslaitos'], answered: [] },
});

useSeededSite('reader', (site) => (s = site), {
  prepare: (db, seeded) => {
    week = arriveTagged(db, 'lausuntopalvelu', request('week', 'Lausuntopyyntö pelastustoimen valvonnasta, viikko', addDays(seeded.day, 7)));
    later = arriveTagged(db, 'lausuntopalvelu', request('later', 'Lausuntopyyntö pelastustoimen valvonnasta, myöhemmin', addDays(seeded.day, 8)));
  },
});

const boardRow = (html: string, id: number) => {
  const at = html.indexOf(`<a href="/items/${id}"`);
  return html.slice(html.lastIndexOf('<tr', at), html.indexOf('</tr>', at));
};

describe('the board\'s seven days', () => {
  it('take in a deadline that reads "7 pv jäljellä", and not one eight days away', async () => {
    const joint = s.db.prepare('SELECT id FROM items WHERE joint = 1 AND id IN (?, ?)').pluck().all(week, later);
    expect(joint).toEqual([week, later]);
    const list = (await onDay(s.seeded.day, () => get(`${s.site.base}/items?source=lausuntopalvelu`))).body;
    expect(list).toContain(`<span class="deadline-soon">${fiDate(addDays(s.seeded.day, 7))} <span class="days">(7 pv jäljellä)</span></span>`);
    expect(list).toContain(`<span class="deadline">${fiDate(addDays(s.seeded.day, 8))} <span class="days">(8 pv jäljellä)</span></span>`);

    const board = (await onDay(s.seeded.day, () => get(`${s.site.base}/board`))).body;
    // The seeded request (two days away) and the one seven days away.
    expect(board).toContain('<strong>2</strong> erääntyy 7 päivän sisällä');
    expect(boardRow(board, week)).toContain('class="is-soon"');
    expect(boardRow(board, week)).toContain('<span class="badge badge-soon">7 päivän sisällä</span>');
    expect(boardRow(board, later)).not.toContain('is-soon');
    expect(boardRow(board, later)).not.toContain('7 päivän sisällä');
  });
});
