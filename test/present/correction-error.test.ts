// A merge's or split's refusal, thrown by the store as data, worded in the reader's language with its numbers.
import { describe, expect, it } from 'vitest';
import { correctionRefusal } from '../../src/present/correction-error.js';
import { CorrectionError, type CorrectionRefusal } from '../../src/store/index.js';

const cases: [CorrectionRefusal, string, string][] = [
  [{ code: 'merge-self', matter: 4 }, 'asiaa 4 ei voi yhdistää itseensä', 'ärende 4 kan inte slås samman med sig självt'],
  [{ code: 'no-matter', matter: 999 }, 'asiaa 999 ei ole', 'ärende 999 finns inte'],
  [{ code: 'no-item', item: 12 }, 'asiakirjaa #12 ei ole', 'dokument #12 finns inte'],
  [{ code: 'not-in-matter', item: 12, matter: 4, actual: null }, 'asiakirja #12 ei kuulu asiaan 4 eikä mihinkään muuhunkaan asiaan',
    'dokument #12 hör inte till ärende 4 och inte heller till något annat ärende'],
  [{ code: 'not-in-matter', item: 12, matter: 4, actual: 7 }, 'asiakirja #12 ei kuulu asiaan 4 vaan asiaan 7', 'dokument #12 hör inte till ärende 4 utan till ärende 7'],
  [{ code: 'only-item', item: 12, matter: 4 }, 'asiakirja #12 on asian 4 ainoa asiakirja, joten erotettavaa ei ole',
    'dokument #12 är det enda dokumentet i ärende 4, så det finns inget att bryta ut'],
  [{ code: 'no-reviewer' }, 'korjauksesta on kerrottava, kuka sen teki', 'en rättelse ska ange vem som gjorde den'],
];

describe('correctionRefusal', () => {
  it.each(cases)('words %j in Finnish and Swedish from the refusal the store throws', (refusal, fi, sv) => {
    const err = new CorrectionError(refusal);
    expect(err.refusal).toEqual(refusal);
    expect(correctionRefusal(err.refusal, 'fi')).toBe(fi);
    expect(correctionRefusal(err.refusal, 'sv')).toBe(sv);
  });

  it('keeps the English message the CLI prints', () => {
    expect(new CorrectionError({ code: 'not-in-matter', item: 12, matter: 4, actual: null }).message).toBe('item 12 is not in matter 4 (it is in no matter)');
    expect(new CorrectionError({ code: 'no-reviewer' }).message).toBe('--reviewer NAME is required: a correction says who made it');
  });
});
