// Findings of the mutation rounds on word forms (issue 12), decided with the analyzers' own output: which inflected
// forms of a short or over-stemmed term the matcher finds. The expected values are Finnish and Swedish grammar:
// lain, lakia, lakiin and laissa are forms of laki (law); palkkaa (hires, pays) and palkat (salaries) are not forms of
// palkita (to award); tutkimusta and selvitystä are the partitives of tutkimus (research) and selvitys (report);
// kokoa (size) is no form of kokous (meeting); Swedish lagen, lagar, lagens are forms of
// lag (law), laget and lagets of lag (team); räddarna (the rescuers) no form of rädda (to rescue), brandräddarna (the firefighters) its compound.
import { describe, expect, it } from 'vitest';
import { createAnalyzer, createSnowballAnalyzer, type Analyzer } from '../../src/tag/analyze.js';
import { compileTerms } from '../../src/tag/match.js';
import type { Lang } from '../../src/model.js';
import type { TermDef } from '../../src/tag/types.js';
import { voikkoForTests } from './voikko-gate.js';

const term = (text: string, lang: Lang = 'fi', extra: Partial<TermDef> = {}): TermDef => ({
  text, lang, goals: { g: 1 }, rule: 'anchor', exact: false, caseSensitive: false, subtopic: null, line: 1, ...extra,
});
const token = (text: string) => ({ text, lower: text.toLowerCase(), pieces: text.split('-') });
/** The words of `words` in which the term is found. */
const found = (analyzer: Analyzer, def: TermDef, words: string[]): string[] => {
  const m = compileTerms([def], analyzer);
  return words.filter((w) => m.matchToken(token(w), def.lang).single.length > 0);
};

const LAKI = ['laki', 'lain', 'lakia', 'lakiin', 'laissa', 'lakien', 'laiksi', 'laeissa', 'lait'];
const PALKITA = { forms: ['palkita', 'palkitsi', 'palkittiin', 'palkitaan'], others: ['palkkaa', 'palkka', 'palkat', 'palkkaus'] };
const TUTKIMUS = ['tutkimus', 'tutkimuksen', 'tutkimusta', 'tutkimukseen', 'tutkimuksia'];
const SELVITYS = ['selvitys', 'selvityksen', 'selvitystä', 'selvityksiä'];

function suite(name: string, make: () => Analyzer | null): void {
  describe(`word forms with ${name}`, () => {
    const analyzer = make();
    if (!analyzer) {
      it.todo('Voikko is not installed here: apt-get install libvoikko1 voikko-fi');
      return;
    }
    it('finds an -lu noun (tiedustelu, intelligence) in its forms and compounds, never in its verb (tiedustelee, asks)', () => {
      // Round twenty: Snowball keys tiedustelee as tiedustel, the noun's key without its u, so "Sisäministeriö tiedustelee
      // pelastuslaitosten näkemyksiä" lost internal-security points to the policing topic's negative term.
      const noun = ['tiedustelu', 'tiedustelun', 'tiedustelua', 'siviilitiedustelun', 'tiedustelulainsäädäntö'];
      const verb = ['tiedustelee', 'tiedustelevat', 'tiedusteltiin', 'tiedustella'];
      expect(found(analyzer, term('tiedustelu'), [...noun, ...verb])).toEqual(noun);
      expect(found(analyzer, term('neuvottelu'), ['neuvottelu', 'neuvottelut', 'neuvottelussa', 'neuvottelee'])).toEqual(['neuvottelu', 'neuvottelut', 'neuvottelussa']);
    });
    it('finds an -us or -ys noun in its partitive (tutkimusta, selvitystä) as in its other forms', () => {
      expect(found(analyzer, term('tutkimus'), TUTKIMUS)).toEqual(TUTKIMUS);
      expect(found(analyzer, term('selvitys'), SELVITYS)).toEqual(SELVITYS);
      expect(found(analyzer, term('kokous'), ['kokous', 'kokousta', 'kokoa', 'kokoon'])).toEqual(['kokous', 'kokousta']);
    });

    it('finds a -nen noun in its genitive plural as in its other forms', () => {
      // Snowball keyed pelastusviranomaisten (pelastusviranomaist) apart from pelastusviranomaisen and the term
      // (pelastusviranomain): it matched nothing.
      const authority = ['pelastusviranomainen', 'pelastusviranomaisen', 'pelastusviranomaiset', 'pelastusviranomaisten', 'pelastusviranomaisille'];
      expect(found(analyzer, term('pelastus+viranomainen'), authority)).toEqual(authority);
      expect(found(analyzer, term('viranomainen', 'fi', { exact: true }), ['viranomaisten', 'viranomaisen', 'viranomaisia'])).toEqual(['viranomaisten', 'viranomaisen', 'viranomaisia']);
    });

    it('tells the Swedish law (lagen, lagar) from the team (laget) for the exact term lag', () => {
      const lag = term('lag', 'sv', { exact: true });
      expect(found(analyzer, lag, ['lag', 'lagen', 'lagar', 'lagens', 'laget', 'lagets'])).toEqual(['lag', 'lagen', 'lagar', 'lagens']);
    });

    it('tells the Swedish rescuer (räddare, räddarna) from the verb (räddade, räddades) it is named after', () => {
      // Round thirty-seven: Snowball keyed both rädd, so a rescuer found "Båtfarare räddades" and the exact verb found the
      // rescuers. The agent noun's forms keep their ar; other agent nouns (sotare, lärare) the same.
      const rescuer = ['räddare', 'räddaren', 'räddarna', 'räddarnas', 'räddares', 'räddarens'];
      const verb = ['räddade', 'räddades', 'räddat', 'räddas', 'rädda'];
      expect(found(analyzer, term('räddare', 'sv'), [...rescuer, ...verb])).toEqual(rescuer);
      expect(found(analyzer, term('räddade', 'sv', { exact: true }), [...rescuer, ...verb])).toEqual(verb.filter((w) => w !== 'räddades'));
      expect(found(analyzer, term('sotare', 'sv'), ['sotaren', 'sotarna', 'sotade', 'sotas'])).toEqual(['sotaren', 'sotarna']);
      // The passive past keeps its ending: an exact term finds only itself, a term by its stem still finds it.
      expect(found(analyzer, term('räddades', 'sv', { exact: true }), ['räddades', 'rädda', 'räddade', 'räddas'])).toEqual(['räddades']);
      expect(found(analyzer, term('ändra', 'sv'), ['ändrades', 'ändras'])).toEqual(['ändrades', 'ändras']);
    });

    it('finds the Swedish rescuer in a compound (brandräddare), where Snowball also undoubles the stem’s end', () => {
      // Round thirty-eight: Snowball keyed brandräddare brandräd (räddare: rädd), which holds no räddar.
      const firefighters = ['brandräddare', 'brandräddaren', 'brandräddarna', 'brandräddarnas'];
      expect(found(analyzer, term('räddare', 'sv'), [...firefighters, 'brandräddning', 'räddade'])).toEqual(firefighters);
      expect(found(analyzer, term('lärare', 'sv'), ['klasslärare', 'klasslärarna'])).toEqual(['klasslärare', 'klasslärarna']);
    });

    it('finds a Swedish fire compound (skogsbrand) in its definite and plural forms, never in the adjective bränd', () => {
      // Round thirty-nine: Snowball keyed skogsbranden skogsbr and skogsbränder skogsbränd, which neither skogsbrand's key
      // nor its prefix rule reaches; bränder alone is the plural of brand (a fire), brända (burnt) no form of it.
      const fires = ['skogsbrand', 'skogsbranden', 'skogsbrandens', 'skogsbränder', 'skogsbränderna', 'skogsbrändernas'];
      expect(found(analyzer, term('skogs+brand', 'sv'), [...fires, 'skogsbrandsvarning', 'skogsbruk'])).toEqual([...fires, 'skogsbrandsvarning']);
      const brand = ['brand', 'branden', 'bränder', 'bränderna'];
      expect(found(analyzer, term('brand', 'sv', { exact: true }), [...brand, 'bränd', 'brända', 'brandkåren'])).toEqual(brand);
    });

    it('finds a Swedish -man compound (brandman) in its plural forms (brandmän, deltidsbrandmännen)', () => {
      // Round forty: Snowball keyed brandmän brandmän, apart from brandman, so the term found no firefighters in the plural
      // ("tillgången på deltidsbrandmän", eval-2028-20); män alone and other words stay apart.
      const men = ['brandman', 'brandmannen', 'brandmän', 'brandmännen', 'brandmännens', 'deltidsbrandmän', 'deltidsbrandmännen'];
      expect(found(analyzer, term('brand+man', 'sv'), [...men, 'brandmästare', 'män', 'brandmaterial'])).toEqual(men);
    });

    // Round thirty-nine: Snowball's keys of laki's forms mended (analyze.ts), so it finds them as Voikko does.
    it('finds laki in every form, across the consonant gradation (lain, laissa, laiksi), never in laina (a loan)', () => {
      expect(found(analyzer, term('laki'), [...LAKI, 'laina', 'lainaa', 'lainan'])).toEqual(LAKI);
    });

    if (analyzer.name === 'voikko') {
      it('finds palkita in its own forms only, not in palkata (to hire) or palkka (salary)', () => {
        expect(found(analyzer, term('palkita'), [...PALKITA.forms, ...PALKITA.others])).toEqual(PALKITA.forms);
      });
    } else {
      // Known limitations of Snowball (listed in test/mutation/EQUIVALENT.md, "Word forms"): these fail with it.
      it.fails('finds palkita in its own forms only (Snowball stems palkita, palkkaa and palkka alike to palk)', () => {
        expect(found(analyzer, term('palkita'), [...PALKITA.forms, ...PALKITA.others])).toEqual(PALKITA.forms);
      });
    }
  });
}

suite('Snowball', () => createSnowballAnalyzer());
suite('Voikko', () => (voikkoForTests('Voikko word forms') ? createAnalyzer('auto') : null));

// The taggers and learnWeights calls of one taxonomy share one compiled matcher and its token cache per analyzer
// (a learning fold builds two: its learnWeights and its taught tagger), so a word is analysed and matched once.
describe('compileTerms', () => {
  it('compiles a term list once per analyzer and again for another list or analyzer', () => {
    const terms = [term('laki')];
    const snowball = createSnowballAnalyzer();
    const m = compileTerms(terms, snowball);
    expect(compileTerms(terms, snowball)).toBe(m);
    expect(compileTerms([...terms], snowball)).not.toBe(m);
    expect(compileTerms(terms, createSnowballAnalyzer())).not.toBe(m);
    expect(found(snowball, terms[0], LAKI)).toEqual(LAKI);
  });
});
