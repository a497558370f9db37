// Word matching (src/tag/match.ts) on a taxonomy small enough to check by hand, through the tagger's evidence. What
// the taxonomy's rules define (feeds/taxonomy.yaml, the header): a term matches its inflected forms and compounds
// that contain it — at the word's start, after a hyphen, or inside a compound from its fourth letter on; an `exact`
// term only the whole word or a hyphen piece; a phrase's words only at a word's start; an acronym only as written,
// with at most a short lower-case case ending. Of overlapping matches in one word the longest wins, and a false
// friend or negative term hides the shorter terms it covers. Written against `npm run test:mutation -- match`.
import { describe, expect, it } from 'vitest';
import { createSnowballAnalyzer, type Analyzer, type WordAnalysis } from '../../src/tag/analyze.js';
import { createTagger } from '../../src/tag/tagger.js';
import type { Lang } from '../../src/model.js';
import type { LearnedWeights, Taxonomy, TermDef } from '../../src/tag/types.js';
import { label, term } from './by-hand.js';

const A = 'services';
const B = 'internal-security';
const terms: TermDef[] = [
  term('pelastus+laki', 'anchor', { [A]: 3 }),
  // Bailout loans: Snowball stems pelastuslaina (and pelastuslain-a, -oja) like the rescue act's genitive pelastuslain.
  term('pelastuslaina', 'false-friend', {}),
  term('paloasema', 'anchor', { [A]: 2 }),
  term('palo', 'anchor', { [B]: 1 }),
  // The black woodpecker: a longer negative term over "palo".
  term('palokärki', 'negative', { [B]: 2 }),
  term('vesi+huolto', 'anchor', { [A]: 1 }),
  term('virve', 'anchor', { [B]: 2 }, { exact: true }),
  term('KEJO', 'anchor', { [A]: 2 }, { exact: true, caseSensitive: true }),
  term('kansallinen riskiarvio', 'anchor', { [B]: 3 }),
  term('riski+arvio', 'anchor', { [B]: 1 }),
  // The same word listed under two goals (two sub-topics): both count.
  term('pelastus+ajoneuvo', 'anchor', { [A]: 1 }),
  term('pelastus+ajoneuvo', 'anchor', { [B]: 1 }),
  term('lag om välfärds+områden', 'anchor', { [A]: 2 }, { lang: 'sv' }),
  term('räddnings+lag', 'anchor', { [A]: 3 }, { lang: 'sv' }),
];
const taxonomy = (list: TermDef[] = terms): Taxonomy => ({
  version: 'by-hand',
  goals: [A, B].map((id) => ({ id, label, subtopics: [] })),
  terms: list,
  priors: [],
  scopes: [],
  scopeTerms: [],
  kinds: {},
  fields: { title: 1, summary: 0.5 },
  thresholds: { relevant: 3, goal: 2, goalRatio: 0.5, joint: 4 },
  jointRecipients: [],
  file: 'by-hand',
});
const snowball = createSnowballAnalyzer();

/** The terms a title matches, with the rule they counted under and the word that matched. */
function found(title: string, lang: Lang = 'fi', analyzer: Analyzer = snowball): string[] {
  return createTagger(taxonomy(), { analyzer })({ title, lang }).evidence.map((e) => `${e.rule} ${e.term} = ${e.match}`);
}

describe('matching on Snowball stems', () => {
  it('finds a term in its inflected forms, across the consonant gradation Snowball misses (laki/lain)', () => {
    expect(found('Pelastuslaki')).toEqual(['term pelastus+laki = Pelastuslaki']);
    expect(found('Pelastuslain muutos')).toEqual(['term pelastus+laki = Pelastuslain']);
    expect(found('Pelastuslakiin')).toEqual(['term pelastus+laki = Pelastuslakiin']);
    expect(found('Vesihuollon häiriö')).toEqual(['term vesi+huolto = Vesihuollon']);
  });

  it('does not take a longer word that only shares the stem\'s start for the term', () => {
    // pelastuslaitos (the rescue department) is not the rescue act; vesihuoltolaitos is a compound of vesihuolto.
    expect(found('Pelastuslaitos')).toEqual([]);
    expect(found('Pelastuslaitoksen talous')).toEqual([]);
  });

  it('tolerates only the stem\'s last letters: a word that keeps less of the stem is another word', () => {
    // pelastus+laki keeps "pelastusl" (laki/lain); pelastusta is rescue, not the rescue act.
    expect(found('Pelastusta tarvitaan')).toEqual([]);
    // paloasema keeps all of "paloasem": paloasu is a fire suit (palo), no fire station.
    expect(found('Paloasu')).toEqual(['term palo = Paloasu']);
    // Inside a compound the same tolerance holds: aluepelastuslain is the regional rescue act's genitive.
    expect(found('Aluepelastuslain muutos')).toEqual(['term pelastus+laki = Aluepelastuslain']);
  });

  it('finds a term followed by more of a compound', () => {
    expect(found('Paloasemaverkosto')).toEqual(['term paloasema = Paloasemaverkosto']);
  });

  it('finds a -minen noun in the forms Snowball cuts before the n (järjestämisestä)', () => {
    const tag = createTagger(taxonomy([term('järjestäminen', 'anchor', { [A]: 1 })]), { analyzer: snowball });
    expect(tag({ title: 'Laki palvelujen järjestämisestä', lang: 'fi' }).evidence.map((e) => e.match)).toEqual(['järjestämisestä']);
    expect(tag({ title: 'Palvelujen järjestäminen', lang: 'fi' }).evidence.map((e) => e.match)).toEqual(['järjestäminen']);
    // It keeps "järjestäm": järjestelmä (a system) is another word.
    expect(tag({ title: 'Järjestelmän uudistus', lang: 'fi' }).evidence).toEqual([]);
  });

  it('finds a short -minen noun in the forms Snowball cuts before the n (asumisen, asumista)', () => {
    // asuminen (housing) is stemmed "asumin", asumisen "asumis", asumista "asum": all keep "asum".
    const tag = createTagger(taxonomy([term('asuminen', 'anchor', { [A]: 1 })]), { analyzer: snowball });
    const match = (title: string) => tag({ title, lang: 'fi' }).evidence.map((e) => e.match);
    expect(match('Asuminen')).toEqual(['Asuminen']);
    expect(match('Asumisen tuki')).toEqual(['Asumisen']);
    expect(match('Asumista koskeva päätös')).toEqual(['Asumista']);
    expect(match('Laki asumisesta')).toEqual(['asumisesta']);
    // Stemmed "asumist", one letter longer than the term's stem.
    expect(match('Asumisten määrä')).toEqual(['Asumisten']);
    // A word that keeps less than "asum" is another word (asua, to live; asukas, a resident).
    expect(match('Asukas')).toEqual([]);
  });

  it('keeps a word that is no -minen noun whole though Snowball stems it to -min (pelastustoiminta)', () => {
    // Rescue operations (pelastustoiminta, stemmed "pelastustoimin") are not the rescue service (pelastustoimi).
    const tag = createTagger(taxonomy([term('pelastus+toiminta', 'anchor', { [A]: 1 })]), { analyzer: snowball });
    const match = (title: string) => tag({ title, lang: 'fi' }).evidence.map((e) => e.match);
    expect(match('Pelastustoiminnan johtaminen')).toEqual(['Pelastustoiminnan']);
    expect(match('Pelastustoimen rahoitus')).toEqual([]);
    expect(match('Pelastustoimi')).toEqual([]);
  });

  it('finds a term at the start of a compound, inside it from the fourth letter, and after a hyphen', () => {
    // suo|palo (a peat fire): the fourth letter is the first a term may start at without a hyphen.
    expect(found('Suopalo')).toEqual(['term palo = Suopalo']);
    expect(found('Paloasemat')).toEqual(['term paloasema = Paloasemat']);
    expect(found('Aluepaloasema')).toEqual(['term paloasema = Aluepaloasema']);
    expect(found('EU-paloasemat')).toEqual(['term paloasema = EU-paloasemat']);
    // One or two letters in is no compound boundary (opaloasema, kopaloasema are no words with paloasema).
    expect(found('Opaloasema')).toEqual([]);
    expect(found('Kopaloasema')).toEqual([]);
  });

  it('keeps the longest of overlapping terms in a word; a shorter one counts in a word of its own', () => {
    expect(found('Paloasema')).toEqual(['term paloasema = Paloasema']);
    expect(found('Palo ja paloasema')).toEqual(['term palo = Palo', 'term paloasema = paloasema']);
  });

  it('lets a longer negative term hide the anchor it covers', () => {
    const r = createTagger(taxonomy(), { analyzer: snowball })({ title: 'Palokärki pesii', lang: 'fi' });
    expect(r.evidence).toEqual([{ rule: 'negative', term: 'palokärki', field: 'title', match: 'Palokärki', goals: { [B]: -2 } }]);
    expect(r.scores).toEqual({ [A]: 0, [B]: 0 });
  });

  it('counts a word listed under two goals for both', () => {
    const r = createTagger(taxonomy(), { analyzer: snowball })({ title: 'Pelastusajoneuvot', lang: 'fi' });
    expect(r.scores).toEqual({ [A]: 1, [B]: 1 });
    // Inside a compound too.
    expect(createTagger(taxonomy(), { analyzer: snowball })({ title: 'Aluepelastusajoneuvot', lang: 'fi' }).scores).toEqual({ [A]: 1, [B]: 1 });
  });

  it('counts two terms that follow each other in one word both: they do not overlap', () => {
    const two = (list: TermDef[]) => createTagger(taxonomy(list), { analyzer: snowball })({ title: 'Paloasemaverkko', lang: 'fi' }).evidence.map((e) => e.term).sort();
    // paloasema|verkko: the longer first.
    expect(two([term('paloasema', 'anchor', { [A]: 2 }), term('verkko', 'anchor', { [B]: 1 })])).toEqual(['paloasema', 'verkko']);
    // palo|asemaverkko: the longer second.
    expect(two([term('palo', 'anchor', { [B]: 1 }), term('asema+verkko', 'anchor', { [A]: 2 })])).toEqual(['asema+verkko', 'palo']);
  });

  it('matches an exact term only as the whole word or a hyphen piece', () => {
    expect(found('Virve')).toEqual(['term virve = Virve']);
    expect(found('Virven kuuluvuus')).toEqual(['term virve = Virven']);
    expect(found('Virve-verkon uudistus')).toEqual(['term virve = Virve-verkon']);
    expect(found('Virveverkko')).toEqual([]);
    expect(found('Uusivirve')).toEqual([]);
    expect(found('Uusi-virve')).toEqual(['term virve = Uusi-virve']);
    expect(found('Uusi-virveverkko')).toEqual([]);
  });

  it('matches a phrase\'s words only at a word\'s start, and the phrase hides its single-word term', () => {
    expect(found('Kansallinen riskiarvio')).toEqual(['phrase kansallinen riskiarvio = Kansallinen riskiarvio']);
    expect(found('Kansallinen riskiarvion laatiminen')).toEqual(['phrase kansallinen riskiarvio = Kansallinen riskiarvion']);
    // The single-word term is a compound part: it matches inside kyberriskiarvio, the phrase's last word does not.
    expect(found('Kansallinen kyberriskiarvio')).toEqual(['term riski+arvio = kyberriskiarvio']);
    expect(found('Epäkansallinen riskiarvio')).toEqual(['term riski+arvio = riskiarvio']);
    // A phrase's word after a hyphen is not at the word's start either.
    expect(found('Kansallinen kyber-riskiarvio')).toEqual(['term riski+arvio = kyber-riskiarvio']);
  });

  it('matches a Swedish phrase with a two-letter word, and Swedish compounds', () => {
    expect(found('Lag om välfärdsområden', 'sv')).toEqual(['phrase lag om välfärds+områden = Lag om välfärdsområden']);
    expect(found('Lag av välfärdsområden', 'sv')).toEqual([]);
    expect(found('Räddningslagen ändras', 'sv')).toEqual(['term räddnings+lag = Räddningslagen']);
    // A Finnish term does not match a Swedish item, nor a Swedish term a Finnish one.
    expect(found('Paloasema', 'sv')).toEqual([]);
    expect(found('Räddningslagen', 'fi')).toEqual([]);
  });

  it('matches an acronym as written, with at most a short lower-case case ending, also as a hyphen piece', () => {
    expect(found('KEJO')).toEqual(['term KEJO = KEJO']);
    expect(found('KEJOn käyttöönotto')).toEqual(['term KEJO = KEJOn']);
    expect(found('KEJOsta')).toEqual(['term KEJO = KEJOsta']);
    expect(found('KEJOissa')).toEqual(['term KEJO = KEJOissa']);
    expect(found('KEJO-hanke')).toEqual(['term KEJO = KEJO-hanke']);
    expect(found('Uusi-KEJO')).toEqual(['term KEJO = Uusi-KEJO']);
    // In the second piece, beside a term in the first: the two do not overlap.
    expect(found('Palo-KEJO')).toEqual(['term palo = Palo-KEJO', 'term KEJO = Palo-KEJO']);
    expect(found('Kejo')).toEqual([]);
    expect(found('KEJOA')).toEqual([]);
    expect(found('KEJOkeskukset')).toEqual([]);
  });
});

describe('false friends Snowball stems like a term', () => {
  // Bailout loans are no rescue act: "Valtio myönsi pelastuslainan lentoyhtiölle".
  it('takes a bailout loan for the false friend, in every form and in compounds, and scores nothing', () => {
    for (const word of ['pelastuslaina', 'pelastuslainan', 'pelastuslainaa', 'pelastuslainoja', 'yrityspelastuslainan']) {
      const r = createTagger(taxonomy(), { analyzer: snowball })({ title: `Valtio myönsi ${word} lentoyhtiölle`, lang: 'fi' });
      expect(r.evidence, word).toEqual([{ rule: 'false-friend', term: 'pelastuslaina', field: 'title', match: word, goals: {} }]);
      expect(r.scores, word).toEqual({ [A]: 0, [B]: 0 });
    }
  });

  it('leaves the rescue act\'s own forms to the act', () => {
    // pelastuslain: the written prefix "pelastuslain" is followed by no vowel.
    expect(found('Pelastuslain muutos')).toEqual(['term pelastus+laki = Pelastuslain']);
    expect(found('Pelastuslakia')).toEqual(['term pelastus+laki = Pelastuslakia']);
  });

  it('finds the written form three letters into a word', () => {
    expect(found('SAS-pelastuslainaa')).toEqual(['false-friend pelastuslaina = SAS-pelastuslainaa']);
  });

  it('finds the written form where a hyphen piece starts, however short the piece before it', () => {
    expect(found('EU-pelastuslainan')).toEqual(['false-friend pelastuslaina = EU-pelastuslainan']);
  });

  it('finds the written form at the fourth letter of a compound', () => {
    expect(found('Maapelastuslainaa')).toEqual(['false-friend pelastuslaina = Maapelastuslainaa']);
  });

  it('does not take the written form one or two letters into a word', () => {
    // "apelastuslainaa" is no compound of pelastuslaina: the false friend's written form is not looked for there.
    expect(found('Xpelastuslainaa').some((e) => e.startsWith('false-friend'))).toBe(false);
  });
});

/** Readings as Voikko gives them, for the words of these tests; any other word is unknown (Snowball decides). */
function readingsAnalyzer(readings: Record<string, string[][]>): Analyzer {
  return {
    name: 'voikko',
    analyze(lowerWord: string, lang: Lang): WordAnalysis {
      const s = snowball.analyze(lowerWord, lang);
      return { ...s, parts: lang === 'fi' ? (readings[lowerWord] ?? []) : [] };
    },
  };
}

describe('matching on Voikko compound parts', () => {
  const voikko = readingsAnalyzer({
    pelastuslaki: [['pelastus', 'laki']],
    pelastuslain: [['pelastus', 'laki']],
    aluepelastuslain: [['alue', 'pelastus', 'laki']],
    pelastuslaitos: [['pelastus', 'laitos']],
    pelastus: [['pelastus']],
    virve: [['virve']],
    virveverkko: [['virve', 'verkko']],
    'virve-verkko': [['virve', 'verkko']],
    kansallinen: [['kansallinen']],
    riskiarvio: [['riski', 'arvio']],
    kyberriskiarvio: [['kyber', 'riski', 'arvio']],
    // Voikko reads evakuointi alone as evakuoi+nti, but inside evakuointivalmius as evakuointi+valmius.
    evakuointi: [['evakuoi', 'nti']],
    evakuointivalmius: [['evakuointi', 'valmius']],
    // Two readings: only the second one contains a term.
    paloasemat: [['paloa', 'semat'], ['paloasema']],
  });
  const voikkoTerms = [
    ...terms,
    term('evakuointi', 'anchor', { [B]: 1 }),
  ];
  const findV = (title: string): string[] =>
    createTagger(taxonomy(voikkoTerms), { analyzer: voikko })({ title, lang: 'fi' }).evidence.map((e) => `${e.rule} ${e.term} = ${e.match}`);

  it('finds a term as consecutive compound parts of the word, anywhere in a compound', () => {
    expect(findV('Pelastuslain muutos')).toEqual(['term pelastus+laki = Pelastuslain']);
    expect(findV('Aluepelastuslain muutos')).toEqual(['term pelastus+laki = Aluepelastuslain']);
    expect(findV('Pelastuslaitos')).toEqual([]);
    // Only the first part of the term: no match.
    expect(findV('Pelastus')).toEqual([]);
  });

  it('matches a term on any of the word\'s readings', () => {
    expect(findV('Paloasemat')).toEqual(['term paloasema = Paloasemat']);
  });

  it('keeps the term\'s written parts when Voikko reads the term alone differently', () => {
    expect(findV('Evakuointivalmius')).toEqual(['term evakuointi = Evakuointivalmius']);
  });

  it('matches an exact term only as the whole word or a hyphen piece', () => {
    expect(findV('Virve')).toEqual(['term virve = Virve']);
    expect(findV('Virveverkko')).toEqual([]);
    expect(findV('Virve-verkko')).toEqual(['term virve = Virve-verkko']);
  });

  it('matches a phrase\'s words only at a word\'s start', () => {
    expect(findV('Kansallinen riskiarvio')).toEqual(['phrase kansallinen riskiarvio = Kansallinen riskiarvio']);
    expect(findV('Kansallinen kyberriskiarvio')).toEqual(['term riski+arvio = kyberriskiarvio']);
  });

  it('finds a term after a short first part, where only Voikko can tell the boundary (yö|palo)', () => {
    const v = readingsAnalyzer({ yöpalot: [['yö', 'palo']] });
    expect(createTagger(taxonomy(), { analyzer: v })({ title: 'Yöpalot', lang: 'fi' }).evidence.map((e) => `${e.term} = ${e.match}`)).toEqual(['palo = Yöpalot']);
    // Snowball cannot: two letters in is no boundary.
    expect(found('Yöpalot')).toEqual([]);
  });

  it('counts two terms that follow each other in a word\'s parts both: they do not overlap', () => {
    const v = readingsAnalyzer({ paloasemaverkko: [['palo', 'asema', 'verkko']] });
    const list = [term('palo+asema', 'anchor', { [A]: 2 }), term('verkko', 'anchor', { [B]: 1 })];
    const r = createTagger(taxonomy(list), { analyzer: v })({ title: 'Paloasemaverkko', lang: 'fi' });
    expect(r.evidence.map((e) => e.term)).toEqual(['palo+asema', 'verkko']);
    expect(r.scores).toEqual({ [A]: 2, [B]: 1 });
  });

  it('reads a phrase word that ends in a hyphen as the first part of a compound shared with the next word', () => {
    // "sosiaali- ja terveydenhuolto" is sosiaalihuolto ja terveydenhuolto; Voikko does not read "sosiaali-" alone, so
    // its written parts decide: "sosiaali", the hyphen marking no part of its own.
    const v = readingsAnalyzer({ sosiaalihuollon: [['sosiaali', 'huolto']], terveydenhuolto: [['terveys', 'huolto']], terveydenhuollon: [['terveys', 'huolto']] });
    const list = [term('sosiaali- ja terveyden+huolto', 'anchor', { [A]: 3 })];
    const r = createTagger(taxonomy(list), { analyzer: v })({ title: 'Sosiaalihuollon ja terveydenhuollon uudistus', lang: 'fi' });
    expect(r.evidence.map((e) => `${e.rule} ${e.term} = ${e.match}`)).toEqual(['phrase sosiaali- ja terveyden+huolto = Sosiaalihuollon ja terveydenhuollon']);
  });

  it('falls back to Snowball stems for a word Voikko does not know', () => {
    expect(findV('Vesihuollon häiriö')).toEqual(['term vesi+huolto = Vesihuollon']);
  });
});

describe('learning features of a word', () => {
  // Learned weights attach to what a reviewer's decision can reach: the word's stem, and for a long word its first
  // six letters (the head of a compound, "pelast" of pelastustoimi and pelastustoimen), not short words or numbers.
  const learned = (weights: LearnedWeights['weights']): LearnedWeights => ({ analyzer: 'snowball', taxonomyVersion: 'by-hand', decisions: 1, bound: 5, weights });
  const scoreA = (weights: LearnedWeights['weights'], title: string): number =>
    createTagger(taxonomy([]), { analyzer: snowball, learned: learned(weights) })({ title, lang: 'fi' }).scores[A];

  it('weighs a word by its stem', () => {
    expect(scoreA({ [snowball.analyze('kunta', 'fi').key]: { [A]: 1 } }, 'Kunnan talous')).toBe(1);
  });

  it('weighs a word of nine letters or more by its first six letters too', () => {
    expect(scoreA({ 'head:pelast': { [A]: 1 } }, 'Pelastustoimen rahoitus')).toBe(1);
    expect(scoreA({ 'head:paloas': { [A]: 1 } }, 'Paloasemat')).toBe(1);
    expect(scoreA({ 'head:paloas': { [A]: 1 } }, 'Paloasema')).toBe(1);
    // Eight letters: no head.
    expect(scoreA({ 'head:paloas': { [A]: 1 } }, 'Paloasem')).toBe(0);
  });

  it('weighs a word in both fields once, with the title\'s field factor', () => {
    const kunta = { [snowball.analyze('kunta', 'fi').key]: { [A]: 1 } };
    const tag = createTagger(taxonomy([]), { analyzer: snowball, learned: learned(kunta) });
    expect(tag({ title: 'Uutinen', summary: 'Kunnan talous.', lang: 'fi' }).scores[A]).toBe(0.5);
    expect(tag({ title: 'Kunnan talous', summary: 'Kunnan talous.', lang: 'fi' }).scores[A]).toBe(1);
    expect(tag({ title: 'Kunnan talous', summary: 'Kunta ja kunnat.', lang: 'fi' }).scores[A]).toBe(1);
  });

  it('gives words under four letters and numbers no feature', () => {
    expect(scoreA({ [snowball.analyze('uusi', 'fi').key]: { [A]: 1 } }, 'Uusi')).toBe(1);
    expect(scoreA({ [snowball.analyze('tie', 'fi').key]: { [A]: 1 } }, 'Tie')).toBe(0);
    expect(scoreA({ '2024': { [A]: 1 } }, '2024')).toBe(0);
    // A word with digits in it is a word: covid19 (ending in digits), 5g-verkot (starting with them).
    expect(scoreA({ [snowball.analyze('covid19', 'fi').key]: { [A]: 1 } }, 'Covid19')).toBe(1);
    expect(scoreA({ [snowball.analyze('5g-verkot', 'fi').key]: { [A]: 1 } }, '5G-verkot')).toBe(1);
  });

  it('weighs a word Voikko knows by its base form, and a compound by its first part too', () => {
    const voikko = readingsAnalyzer({ pelastustoimen: [['pelastus', 'toimi']], kunnan: [['kunta']] });
    const scoreV = (weights: LearnedWeights['weights'], title: string): number =>
      createTagger(taxonomy([]), { analyzer: voikko, learned: { ...learned(weights), analyzer: 'voikko' } })({ title, lang: 'fi' }).scores[A];
    expect(scoreV({ pelastustoimi: { [A]: 1 } }, 'Pelastustoimen')).toBe(1);
    expect(scoreV({ 'head:pelastus': { [A]: 1 } }, 'Pelastustoimen')).toBe(1);
    expect(scoreV({ kunta: { [A]: 1 } }, 'Kunnan')).toBe(1);
    expect(scoreV({ 'head:kunta': { [A]: 1 } }, 'Kunnan')).toBe(0);
  });
});

describe('terms Snowball cuts short', () => {
  // Snowball cuts häiriötilanne (a disturbance) to "häiriötil" and tilanne to "tila"; their inflected forms change
  // the written stem (nne → nte: häiriötilanteessa), so only the stems find them.
  const tagWith = (list: TermDef[]) => (title: string): string[] =>
    createTagger(taxonomy(list), { analyzer: snowball })({ title, lang: 'fi' }).evidence.map((e) => `${e.rule} ${e.term} = ${e.match}`);

  it('finds an anchor term in the forms whose written stem changes, however much Snowball cuts', () => {
    const find = tagWith([term('häiriö+tilanne', 'anchor', { [B]: 2 })]);
    expect(find('Häiriötilanne sähköverkossa')).toEqual(['term häiriö+tilanne = Häiriötilanne']);
    expect(find('Toiminta häiriötilanteessa')).toEqual(['term häiriö+tilanne = häiriötilanteessa']);
  });

  it('finds a false friend Snowball does not over-stem in the forms whose written stem changes', () => {
    // The black woodpecker (palokärki, palokärjen) as a false friend of palo: a bird, not a fire.
    const find = tagWith([term('palo', 'anchor', { [B]: 1 }), term('palokärki', 'false-friend', {})]);
    expect(find('Palokärjen pesä')).toEqual(['false-friend palokärki = Palokärjen']);
    expect(find('Palokärki pesii')).toEqual(['false-friend palokärki = Palokärki']);
    // palokärki keeps "palokär" (k/j): a fire gas (palokaasu) shares only "paloka" with it, and is a fire.
    expect(find('Palokaasut')).toEqual(['term palo = Palokaasut']);
    // Nor a fire curve (palokäyrä), which shares "palokä".
    expect(find('Palokäyrä')).toEqual(['term palo = Palokäyrä']);
    // A fire brigade (palokunta) keeps "palokun" (nt/nn: palokunnan); a fire shaft (palokuilu) is a fire.
    const brigade = tagWith([term('palo', 'anchor', { [B]: 1 }), term('palokunta', 'anchor', { [A]: 2 })]);
    expect(brigade('Palokunnan kalusto')).toEqual(['term palokunta = Palokunnan']);
    expect(brigade('Palokuilu')).toEqual(['term palo = Palokuilu']);
    // Three letters cut (tilanne → tila) is no over-stemming either.
    expect(tagWith([term('tilanne', 'false-friend', {})])('Tilanteessa')).toEqual(['false-friend tilanne = Tilanteessa']);
  });

  it('finds a false-friend phrase whose word Snowball over-stems on its stems, like any phrase', () => {
    const find = tagWith([term('häiriötilanne sähkössä', 'false-friend', {})]);
    expect(find('Häiriötilanteessa sähkössä')).toEqual(['false-friend häiriötilanne sähkössä = Häiriötilanteessa sähkössä']);
  });
});

describe('overlapping terms on Voikko compound parts', () => {
  // palo|asema read as two parts: the fire station (two parts) is longer than the fire (one), and hides it.
  const voikko = readingsAnalyzer({ palo: [['palo']], paloasema: [['palo', 'asema']], paloasemalla: [['palo', 'asema']], aluepaloasemalla: [['alue', 'palo', 'asema']] });
  const find = (title: string): string[] =>
    createTagger(taxonomy([term('palo', 'anchor', { [B]: 1 }), term('palo+asema', 'anchor', { [A]: 2 })]), { analyzer: voikko })({ title, lang: 'fi' })
      .evidence.map((e) => `${e.rule} ${e.term} = ${e.match}`);

  it('keeps the longest of the terms found in a word\'s parts', () => {
    expect(find('Paloasemalla')).toEqual(['term palo+asema = Paloasemalla']);
    expect(find('Aluepaloasemalla')).toEqual(['term palo+asema = Aluepaloasemalla']);
    expect(find('Palo')).toEqual(['term palo = Palo']);
  });
});

describe('exact terms in hyphen pieces', () => {
  it('finds two exact terms in two pieces of one word, each on its own', () => {
    const list = [term('virve', 'anchor', { [B]: 2 }, { exact: true }), term('viesti', 'anchor', { [A]: 1 }, { exact: true })];
    const r = createTagger(taxonomy(list), { analyzer: snowball })({ title: 'Virve-viesti', lang: 'fi' });
    expect(r.evidence.map((e) => `${e.rule} ${e.term} = ${e.match}`)).toEqual(['term virve = Virve-viesti', 'term viesti = Virve-viesti']);
    expect(r.scores).toEqual({ [A]: 1, [B]: 2 });
  });

  it('lets an exact term in a hyphen piece cover only that piece: a term in the next piece counts too', () => {
    // The Virve network: virve is the first piece of Virve-verkon, verkko (a network) the second; they do not overlap.
    const list = [term('virve', 'anchor', { [B]: 2 }, { exact: true }), term('verkko', 'anchor', { [A]: 1 })];
    const r = createTagger(taxonomy(list), { analyzer: snowball })({ title: 'Virve-verkon uudistus', lang: 'fi' });
    expect(r.evidence.map((e) => `${e.rule} ${e.term} = ${e.match}`).sort()).toEqual(['term verkko = Virve-verkon', 'term virve = Virve-verkon']);
    expect(r.scores).toEqual({ [A]: 1, [B]: 2 });
  });

  it('finds them both on Voikko\'s parts too', () => {
    const list = [term('virve', 'anchor', { [B]: 2 }, { exact: true }), term('viesti', 'anchor', { [A]: 1 }, { exact: true })];
    const voikko = readingsAnalyzer({ virve: [['virve']], viesti: [['viesti']], 'virve-viesti': [['virve', 'viesti']] });
    expect(createTagger(taxonomy(list), { analyzer: voikko })({ title: 'Virve-viesti', lang: 'fi' }).scores).toEqual({ [A]: 1, [B]: 2 });
  });
});
