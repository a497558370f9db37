// A Swedish page names the sources by their Swedish names where their definitions give one (every shipped one does),
// as the subscriptions page and Swedish digests do: the sources page, the overview's failing-sources line, the items
// list's source column and its filter. Found by h-probe-53: every one of them said "Eduskunta – hallituksen esitykset
// ja valiokuntien mietinnöt" on a Swedish page.
import { describe, expect, it } from 'vitest';
import { findUser, setUserLanguage } from '../../src/store/index.js';
import { useSeededSite, WEB_SOURCES, type SeededSite } from './support.js';

let s: SeededSite;
const SV: Record<string, string> = { eduskunta: 'Riksdagen – propositioner', broken: 'Trasig källa', stm: 'Social- och hälsovårdsministeriet' };

useSeededSite('reader', (site) => {
  s = site;
  setUserLanguage(s.db, findUser(s.db, 'reader@example.fi')!.id, 'sv');
}, { deps: { sources: Object.values(WEB_SOURCES).map((d) => (SV[d.id] ? { ...d, nameSv: SV[d.id] } : d)) } });

describe('source names on a Swedish page', () => {
  it('the sources page and the overview name them in Swedish, a source without a Swedish name by its own', async () => {
    const sources = await s.site.browser.get('/sources');
    expect(sources.html).toContain('<html lang="sv">');
    expect(sources.html).toContain('>Riksdagen – propositioner</a>');
    expect(sources.html).toContain('>Trasig källa</a>');
    expect(sources.html).toContain('>Hankeikkuna</a>');
    expect(sources.html).not.toContain('Rikkinäinen lähde');
    const overview = await s.site.browser.get('/');
    expect(overview.html).toContain('Trasig källa');
    expect(overview.html).not.toContain('Rikkinäinen lähde');
  });

  it('the items list names them in Swedish in its rows and its source filter', async () => {
    const items = await s.site.browser.get('/items');
    expect(items.html).toContain('<td>Social- och hälsovårdsministeriet');
    expect(items.html).toMatch(/<option value="eduskunta"[^>]*>Riksdagen – propositioner<\/option>/);
    expect(items.html).not.toContain('Sosiaali- ja terveysministeriö</td>');
  });
});
