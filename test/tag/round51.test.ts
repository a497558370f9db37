// Round fifty-one's relevance classes (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import type { Tagger } from '../../src/tag/tagger.js';
import { tagCases } from './round-cases.js';
import { roundTaggers } from './round-taggers.js';

const termsOf = (tag: Tagger, title: string, summary: string, source = 'yle-sv'): string[] =>
  tag({ title, summary, lang: 'sv', source }).evidence.map((e) => e.term);

// A Swedish term keeps its own letters: Swedish has no consonant gradation, so Finnish's tolerance (a dropped final
// vowel, then k/p/t, then a vowel) found vård+kö in every care word, släck+vatten in släckväg and under+skott in
// underskred. The term's own forms (släckvattnet, vårdköerna, underskottet) are the controls.
describe.each(roundTaggers('round fifty-one, Swedish tolerance'))('round fifty-one, a Swedish term keeps its letters (%s)', (_name, tag) => {
  it('släckvägar (access roads for fire engines) are no släck+vatten (extinguishing water)', () => {
    const title = 'Räddningsverket: släckvägarna till radhusen ska hållas fria';
    const summary = 'Räddningsverket påminner fastighetsägare om att släckvägar ska plogas och hållas fria från bilar.';
    expect(termsOf(tag, title, summary, 'pelastustoimi')).not.toContain('släck+vatten');
  });

  it('care words (vården, vårdarna, socialvården) are no vård+kö (a care queue)', () => {
    const terms = termsOf(tag, 'Sjukhuset i Vasa: vårdarna får nya arbetstider', 'Vården och socialvården anställer fler.');
    expect(terms).not.toContain('vård+kö');
  });

  it('underskred (fell short of) is no under+skott (a deficit)', () => {
    const terms = termsOf(tag, 'Kommunens resultat underskred budgeten', 'Räddningsverkets kostnader underskred budgeten i fjol.');
    expect(terms).not.toContain('under+skott');
  });

  it.each([
    ['Släckvattnet räckte inte vid branden', 'släck+vatten'],
    ['Vårdköerna växer i Österbotten', 'vård+kö'],
    ['Underskottet växer i välfärdsområdena', 'under+skott'],
  ] as const)('still the term: %s', (title, term) => {
    expect(termsOf(tag, title, '')).toContain(term);
  });
});

// Client guidance (klientstyrning) is social care's work with its clients, as asiakasohjaus is: no steering (styrning)
// of the welfare areas. The Finnish twin is the control of the same reading.
describe.each(roundTaggers('round fifty-one, client guidance'))('round fifty-one, client guidance (%s)', (_name, tag) => {
  it('klientstyrning is the false friend, not styrning', () => {
    const terms = termsOf(tag, 'Projekt för klientstyrning inom socialvården', '');
    expect(terms).toContain('klient+styrning');
    expect(terms).not.toContain('styrning');
  });

  tagCases(tag, 'not relevant', false, [
    ['Projekt för klientstyrning inom socialvården i Österbotten', 'Välfärdsområdet utvecklar klientstyrningen inom socialvården och äldreomsorgen med ett nytt projekt.', 'sv'],
    ['Projekti asiakasohjauksen kehittämiseksi sosiaalihuollossa Pohjanmaalla', 'Hyvinvointialue kehittää sosiaalihuollon ja vanhuspalvelujen asiakasohjausta uudella hankkeella.', 'fi'],
  ] as const, { source: 'yle' });
});

// A purchase (hankinta, hankkia; anskaffning, skaffa) is the rescue services' own means, an investment, whatever
// incident or weather it is for: weak ice named for what the craft is bought for is no advice on the ice. The reminder
// itself is the control.
describe.each(roundTaggers('round fifty-one, purchases'))('round fifty-one, a purchase (%s)', (_name, tag) => {
  tagCases(tag, 'relevant', true, [
    ['Pelastuslaitos hankkii kaksi uutta ilmatyynyalusta jäillä pelastamiseen', 'Aluksilla päästään heikoilla jäillä onnettomuuspaikalle. Ne maksavat yhteensä 600 000 euroa.', 'fi'],
    ['Räddningsverket skaffar två nya svävare för räddningar på isen', 'Med svävarna når man olycksplatser på svag is. De kostar 600 000 euro tillsammans.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });

  tagCases(tag, 'still not relevant', false, [
    ['Pelastuslaitos muistuttaa: heikoilla jäillä ei kannata liikkua', 'Jään paksuus vaihtelee paljon lauhan sään jälkeen.', 'fi'],
    ['Räddningsverket påminner: svag is på sjöarna efter mildvädret', 'Isens tjocklek varierar mycket efter mildvädret.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });
});
