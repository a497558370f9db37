import { describe, expect, it } from 'vitest';
import { createAnalyzer, createSnowballAnalyzer, type Analyzer } from '../../src/tag/analyze.js';
import { createTagger } from '../../src/tag/tagger.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';
import type { Lang } from '../../src/model.js';
import { splitWordbases, withoutUnlikelyPossessives } from '../../src/tag/voikko.js';
import { voikkoForTests } from './voikko-gate.js';

const taxonomy = loadTaxonomy();

/** The positive taxonomy terms a title matches: anchors (terms, phrases) and context words that counted. */
function termsOf(analyzer: Analyzer) {
  const tag = createTagger(taxonomy, { analyzer });
  const positive = new Set(['term', 'phrase', 'context']);
  return (title: string, lang: Lang = 'fi'): string[] =>
    tag({ title, lang }).evidence.filter((e) => positive.has(e.rule)).map((e) => e.term);
}

// [text, lang, term expected among the matches]
const inflections: [string, Lang, string][] = [
  ['pelastuslaki', 'fi', 'pelastus+laki'],
  ['pelastuslain muuttamisesta', 'fi', 'pelastus+laki'],
  ['pelastuslakiin', 'fi', 'pelastus+laki'],
  ['pelastustoimen rahoitus', 'fi', 'pelastus+toimi'],
  ['pelastustoimelle', 'fi', 'pelastus+toimi'],
  ['pelastuslaitosten kumppanuusverkosto', 'fi', 'pelastus+laitos'],
  ['pelastuslaitoksilta', 'fi', 'pelastus+laitos'],
  ['hyvinvointialueiden rahoitus', 'fi', 'hyvinvointi+alue'],
  ['hyvinvointialueella', 'fi', 'hyvinvointi+alue'],
  ['hätäkeskuksissa', 'fi', 'hätä+keskus'],
  ['väestönsuojien rakentaminen', 'fi', 'väestön+suoja'],
  ['ensihoidon kenttäjohto', 'fi', 'ensihoito'],
  ['sopimuspalokuntien asema', 'fi', 'sopimus+palo+kunta'],
  ['palotarkastuksia', 'fi', 'palo+tarkastus'],
  ['sisäisen turvallisuuden selonteko', 'fi', 'sisäinen turvallisuus'],
  // -inen adjectives with a consonant before the -isen genitive: Snowball keeps -is, folded to -in.
  ['Kansallisen riskiarvion päivitys', 'fi', 'kansallinen riski+arvio'],
  ['Kansallinen riskiarvio valmistui', 'fi', 'kansallinen riski+arvio'],
  ['valmiuslain muuttaminen', 'fi', 'valmius+laki'],
  ['KEJOn käyttöönotto', 'fi', 'KEJO'],
  ['TUVE-verkko', 'fi', 'TUVE'],
  ['Virve-verkon uudistus', 'fi', 'virve'],
];
const compounds: [string, Lang, string][] = [
  ['piirinuohousjärjestelmä', 'fi', 'nuohous'],
  ['ERICA-hätäkeskustietojärjestelmä', 'fi', 'ERICA'],
  ['hätäkeskustietojärjestelmästä', 'fi', 'hätä+keskus'],
  ['sote-uudistuksen voimaanpano', 'fi', 'sote+uudistus'],
  ['aluepelastuslaitoksen', 'fi', 'pelastus+laitos'],
  ['rakennusten paloturvallisuusmääräykset', 'fi', 'palo+turvallisuus'],
  ['maastopalojen torjunta', 'fi', 'maasto+palo'],
  ['öljyntorjuntakaluston uusiminen', 'fi', 'öljyn+torjunta'],
];
// Phrases: -minen nouns across Snowball's -min/-mis/-m stems, and Swedish phrases with two-letter words.
const phrases: [string, Lang, string][] = [
  ['Laki sosiaali- ja terveydenhuollon järjestämisestä', 'fi', 'sosiaali- ja terveydenhuollon järjestäminen'],
  ['hyvinvointialueesta annetun lain muuttamisesta', 'fi', 'hyvinvointi+alueesta annettu'],
  ['Lag om ändring av lagen om välfärdsområden', 'sv', 'lag om välfärds+områden'],
  ['finansieringen av räddningsväsendet', 'sv', 'räddnings+väsende'],
];
const swedish: [string, Lang, string][] = [
  ['räddningslagen', 'sv', 'räddnings+lag'],
  ['räddningsväsendets finansiering', 'sv', 'räddnings+väsende'],
  ['räddningsverken', 'sv', 'räddnings+verk'],
  ['välfärdsområdena', 'sv', 'välfärds+område'],
  ['välfärdsområdenas', 'sv', 'välfärds+område'],
  ['nödcentralen', 'sv', 'nöd+central'],
  ['befolkningsskyddet', 'sv', 'befolknings+skydd'],
];
// False friends: none of these may yield a positive term.
const falseFriends: [string, Lang][] = [
  ['Valtion pelastuspaketti pankeille', 'fi'],
  ['Pelastusarmeijan joulukeräys', 'fi'],
  ['Pankkien maksuvalmius vahvistui', 'fi'],
  ['Liikenneturvallisuusstrategia', 'fi'],
  ['Pankkien tietoturvallisuus', 'fi'],
  ['Työturvallisuuslain muutos', 'fi'],
  ['Pankkien pelastusrahasto kartuttaa varoja', 'fi'],
  ['Hallitus pelasti talouden', 'fi'],
  ['Virvoitusjuomaveron korotus', 'fi'],
  ['Kaivosyhtiön pelastusrahoitus', 'fi'],
  ['Räddningslån till flygbolaget', 'sv'],
  // Bailout loans, packages and operations: pelastuslaina is stemmed like pelastuslain (the rescue act's genitive).
  ['Pelastuslaina lentoyhtiölle', 'fi'],
  ['Valtio myönsi pelastuslainan lentoyhtiölle', 'fi'],
  ['Pelastuslainaa haetaan kolmelle yhtiölle', 'fi'],
  ['Yritysten pelastuslainoista palautettiin 80 prosenttia', 'fi'],
  ['Pelastuslainoilla turvattiin telakan toiminta', 'fi'],
  // A hyphen piece two letters long before the loan: the false friend starts where the piece does.
  ['SAS sai EU-pelastuslainan', 'fi'],
  ['Telakan pelastuspaketista sovittiin', 'fi'],
  ['Pelastusoperaatio pankille', 'fi'],
  ['Räddningspaketet till bankerna godkändes', 'sv'],
  ['Räddningslånet förlängs', 'sv'],
  ['Räddningsoperationen för energibolaget', 'sv'],
  ['Pelastusliivien käyttö veneillessä', 'fi'],
  // Generic preparedness words of other sectors count only beside rescue evidence.
  ['Suomen Pankki varautuu poikkeusoloihin', 'fi'],
  ['Ulkoministeriö avustaa suomalaisten evakuoinnissa', 'fi'],
];

function suite(name: string, make: () => Analyzer | null): void {
  describe(`matching with ${name}`, () => {
    const analyzer = make();
    if (!analyzer) {
      it.todo('Voikko is not installed here: apt-get install libvoikko1 voikko-fi');
      return;
    }
    const terms = termsOf(analyzer);
    it.each([...inflections, ...compounds, ...swedish, ...phrases])('%s (%s) matches %s', (text, lang, term) => {
      expect(terms(text, lang)).toContain(term);
    });
    it.each(falseFriends)('false friend: %s', (text, lang) => {
      expect(terms(text, lang)).toEqual([]);
    });
    it('matches a term inside a compound even where Voikko reads the term alone differently', () => {
      // Voikko reads evakuointi alone as evakuoi+nti but evakuointivalmius as evakuointi+valmius.
      const tag = createTagger(taxonomy, { analyzer });
      const ev = tag({ title: 'Pelastuslaitoksen evakuointivalmius', lang: 'fi' }).evidence;
      expect(ev.some((e) => e.rule === 'context' && e.term === 'evakuointi')).toBe(true);
    });
    it.each([
      ['pelastuslain muuttaminen'],
      ['pelastuslaissa säädetään'],
      ['pelastuslailla'],
      ['pelastuslait'],
    ])('keeps the rescue act apart from the false friend pelastuslaina: %s matches the act', (text) => {
      expect(terms(text)).toContain('pelastus+laki');
    });
    it.each([['pelastuslaina'], ['pelastuslainan'], ['pelastuslainaa'], ['pelastuslainat'], ['pelastuslainoja'], ['pelastuslainoista']])(
      'keeps the rescue act apart from the false friend pelastuslaina: %s is a bailout loan',
      (word) => {
        const tag = createTagger(taxonomy, { analyzer });
        const r = tag({ title: word, lang: 'fi' });
        expect(r.evidence.some((e) => e.rule === 'false-friend' && e.term === 'pelastus+laina')).toBe(true);
        expect(terms(word)).toEqual([]);
      },
    );
    it('reads pelastuslainsäädäntö (rescue legislation) as rescue, not as a loan', () => {
      const tag = createTagger(taxonomy, { analyzer });
      const r = tag({ title: 'Pelastuslainsäädännön uudistus', lang: 'fi' });
      expect(r.evidence.some((e) => e.rule === 'false-friend')).toBe(false);
      expect(terms('Pelastuslainsäädännön uudistus').length).toBeGreaterThan(0);
    });
    it('does not tag a bailout loan to an airline as relevant (issue 12)', () => {
      const tag = createTagger(taxonomy, { analyzer });
      const r = tag({ title: 'Valtio myönsi pelastuslainan lentoyhtiölle', lang: 'fi' });
      expect(r.relevant).toBe(false);
      expect(r.goals).toEqual([]);
      expect(r.scores.services).toBe(0);
    });
    it('does not match on raw substrings across unrelated words', () => {
      expect(terms('Kapelastusta ei kirjattu')).toEqual([]);
      expect(terms('Solvensen och likviditeten')).toEqual([]);
    });
  });
}

suite('Snowball', () => createSnowballAnalyzer());
suite('Voikko', () => (voikkoForTests('Voikko matching cases') ? createAnalyzer('auto') : null));

describe('Voikko WORDBASES', () => {
  it.each([
    ['+pelast(pelastaa)+us(+us)+laki(laki)', ['pelastus', 'laki']],
    ['+sosiaali+turva(turva)+uudist(uudistaa)+us(+us)', ['sosiaali', 'turva', 'uudistus']],
    ['+hyvinvointi(hyvin=vointi)+alue(alue)', ['hyvinvointi', 'alue']],
    ['+sote(sote)+-+uudist(uudistaa)+us(+us)', ['sote', 'uudistus']],
  ])('%s → %j', (wb, parts) => {
    expect(splitWordbases(wb)).toEqual(parts);
  });
});

describe('Voikko possessive readings', () => {
  const kuusi = [
    { baseform: 'kuusi', parts: ['kuusi'], possessive: false },
    { baseform: 'kuu', parts: ['kuu'], possessive: true },
  ];
  it('drops a possessive reading when the word also reads without one (kuusi is not "your moon")', () => {
    expect(withoutUnlikelyPossessives(kuusi).map((r) => r.baseform)).toEqual(['kuusi']);
  });
  it('keeps possessive readings when there is no other (lakimme)', () => {
    const lakimme = [{ baseform: 'laki', parts: ['laki'], possessive: true }];
    expect(withoutUnlikelyPossessives(lakimme)).toEqual(lakimme);
  });
});

describe('Voikko morphology', () => {
  const run = voikkoForTests('Voikko base forms and compound parts');
  it.runIf(run)('finds base forms and compound parts', () => {
    const a = createAnalyzer('auto');
    expect(a.name).toBe('voikko');
    expect(a.analyze('kuntien', 'fi').parts).toContainEqual(['kunta']);
    expect(a.analyze('sosiaaliturvauudistuksen', 'fi').parts).toContainEqual(['sosiaali', 'turva', 'uudistus']);
    // Possessive readings only where the word has no other: kuusi is six or a spruce, lakimme still our law.
    expect(a.analyze('kuusi', 'fi').parts).not.toContainEqual(['kuu']);
    expect(a.analyze('lakimme', 'fi').parts).toContainEqual(['laki']);
  });
});
