import { describe, expect, it } from 'vitest';
import { inferKind } from '../../src/tag/kind.js';
import { toTagInput } from '../../src/tag/stage.js';

describe('inferKind', () => {
  it.each([
    ['Lausuntopyyntö: pelastuslain muuttaminen', 'statement-request'],
    ['Pelastuslain muutos lausunnoille', 'statement-request'],
    ['Ensihoidon asetusluonnos lausunnolla', 'statement-request'],
    ['Luonnos valtioneuvoston asetukseksi', 'statement-request'],
    ['Begäran om utlåtande om räddningslagen', 'statement-request'],
    ['HE 12/2026 vp Hallituksen esitys laiksi', 'bill'],
    ['RP 12/2026 rd Regeringens proposition', 'bill'],
    ['HaVM 24/2026 vp Hallintovaliokunnan mietintö', 'committee-report'],
    ['Hätäkeskuslaitoksen uusi toimipiste avataan Ouluun', null],
  ])('%s → %s', (title, kind) => expect(inferKind(title)).toBe(kind));
});

describe('the tag stage reads the kind', () => {
  const base = { summary: '', sourceId: 'sm', language: 'fi' as const, organisation: null, deadline: null, consultation: null };
  it('refines a source-wide generic kind from the title', () => {
    expect(toTagInput({ ...base, title: 'Pelastuslain muutos lausunnoille', kind: 'press-release' }).kind).toBe('statement-request');
    expect(toTagInput({ ...base, title: 'Pelastustoimen uutiset', kind: 'press-release' }).kind).toBe('press-release');
  });
  it('keeps a kind the source states', () => {
    expect(toTagInput({ ...base, title: 'Lausuntopyyntö hallituksen esityksestä', kind: 'committee-report' }).kind).toBe('committee-report');
  });
});
