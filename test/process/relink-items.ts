// A bill and a statement request in matters of their own, and the project that joins them (it names both), for the
// tests of a crawl storing the project while relink rebuilds their matters (test/store/relink-race, relink-crawl).
import type { Arrival } from '../link/support.js';

export const HE: Arrival = { source: 'eduskunta', raw: { guid: 'he', title: 'HE 184/2026 vp Hallituksen esitys eduskunnalle laiksi pelastuslain muuttamisesta',
  published: '2026-09-20T08:00:00Z', identifiers: ['HE 184/2026 vp'] } };
export const REQUEST: Arrival = { source: 'lausuntopalvelu', raw: { guid: 'request', title: 'Lausuntopyyntö luonnoksesta hallituksen esitykseksi pelastuslain muuttamisesta',
  published: '2026-03-01T08:00:00Z', deadline: '2026-04-15', identifiers: ['VN/31234/2026'] } };
export const PROJECT: Arrival = { source: 'hankeikkuna', raw: { guid: 'project', title: 'Pelastuslain muuttaminen', kind: 'project',
  published: '2026-01-10T08:00:00Z', identifiers: ['SM061:00/2026'], about: ['VN/31234/2026', 'HE 184/2026'] } };
