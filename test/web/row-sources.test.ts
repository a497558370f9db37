// A press release reached through two feeds names both sources wherever a row is shown: the lists did, the item page
// (rowView, also the matter and overview pages) named only the source of the item opened.
import { describe, expect, it } from 'vitest';
import { rowView } from '../../src/web/routes/present.js';
import type { ItemRow } from '../../src/store/index.js';

const row: ItemRow = { id: 3, source: 'stm', title: 'Pelastuslaki', url: 'https://stm.fi/-/a', published: null, summary: '', language: 'fi',
  identifiers: [], deadline: null, organisation: null, kind: 'press-release', stage: null, joint: false, relevant: true, goals: [],
  primary: null, matter: null, reviewedBy: null, sameAs: 1, sources: ['valtioneuvosto', 'stm'] };
const names: Record<string, string> = { valtioneuvosto: 'Valtioneuvosto – tiedotteet', stm: 'Sosiaali- ja terveysministeriö – tiedotteet' };
const ctx = { sourceName: (id: string) => names[id] ?? id, goalLabel: (g: string) => g, today: '2026-12-08', lang: 'fi' as const };

describe('rowView: the sources of a row', () => {
  it('names every source carrying a release, the first stored first', () => {
    expect(rowView(row, ctx).sourceName).toBe('Valtioneuvosto – tiedotteet, Sosiaali- ja terveysministeriö – tiedotteet');
  });

  it('names its own source for a row built without sources', () => {
    const { sources: _, ...own } = row;
    expect(rowView(own, ctx).sourceName).toBe('Sosiaali- ja terveysministeriö – tiedotteet');
  });
});
