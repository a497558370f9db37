// The rules of a new subscription, shared by the CLI and the web form: the same refusals in English and Finnish.
import { describe, expect, it } from 'vitest';
import { checkSubscription, SubscriptionError, type SubscriptionRequest } from '../../src/app/subscription-form.js';
import { word } from '../../src/present/words-web.js';

const rules = { goals: ['services', 'welfare-reform'], sources: ['stm', 'eduskunta'], matterExists: (n: number) => n === 7, searchable: (t: string) => /\p{L}{2,}/u.test(t) };
const ask = (over: Partial<SubscriptionRequest>): SubscriptionRequest =>
  ({ email: 'a@example.fi', network: false, goals: [], sources: [], organisations: [], matters: [], ...over });

describe('checkSubscription', () => {
  it('accepts a personal subscription, trimmed and without repeats, weekly in Finnish unless told', () => {
    expect(checkSubscription(ask({ email: ' a@example.fi ', goals: ['services', 'services'], organisations: [' Sisäministeriö ', ''], matters: ['7'], search: ' pelastus ' }), rules))
      .toEqual({ email: 'a@example.fi', kind: 'personal', every: 'weekly', lang: 'fi', goals: ['services'], sources: [], organisations: ['Sisäministeriö'], matters: [7], search: 'pelastus' });
    expect(checkSubscription(ask({ network: true, lang: 'sv' }), rules)).toMatchObject({ kind: 'network', every: 'weekly', lang: 'sv', search: null });
    for (const email of ["o'brien+laki@example.fi", 'Äiti@esimerkki.fi', 'pelastus.laitos-1@alue.hyvinvointialue.fi'])
      expect(checkSubscription(ask({ email, goals: ['services'] }), rules).email).toBe(email);
    // An organisation is followed in any letter case: the same one ticked and typed is one, as first written.
    expect(checkSubscription(ask({ organisations: ['Sisäministeriö', 'sisäministeriö ', 'SISÄMINISTERIÖ', 'Eduskunta'] }), rules).organisations).toEqual(['Sisäministeriö', 'Eduskunta']);
    // A name of 200 characters is taken (after trimming).
    expect(checkSubscription(ask({ organisations: [` ${'y'.repeat(200)} `] }), rules).organisations).toEqual(['y'.repeat(200)]);
  });

  it.each([
    [{ email: 'ei-osoite' }, 'email', '"ei-osoite" is not an e-mail address', '"ei-osoite" ei ole sähköpostiosoite.'],
    // What a mailer reads as another mailbox, or more than one: it sent "x@example.fi>" to x@example.fi.
    [{ email: 'x@example.fi>' }, 'email', '"x@example.fi>" is not an e-mail address', '"x@example.fi>" ei ole sähköpostiosoite.'],
    [{ email: 'Nimi <x@example.fi>' }, 'email', '"Nimi <x@example.fi>" is not an e-mail address', '"Nimi <x@example.fi>" ei ole sähköpostiosoite.'],
    [{ email: 'a@example.fi,b@example.fi' }, 'email', '"a@example.fi,b@example.fi" is not an e-mail address', '"a@example.fi,b@example.fi" ei ole sähköpostiosoite.'],
    [{ email: 'a@example.fi;b@example.fi' }, 'email', '"a@example.fi;b@example.fi" is not an e-mail address', '"a@example.fi;b@example.fi" ei ole sähköpostiosoite.'],
    [{ email: 'user@[127.0.0.1]' }, 'email', '"user@[127.0.0.1]" is not an e-mail address', '"user@[127.0.0.1]" ei ole sähköpostiosoite.'],
    [{ email: 'a\u0000b@example.fi' }, 'email', '"a\\u0000b@example.fi" is not an e-mail address', '"a\\u0000b@example.fi" ei ole sähköpostiosoite.'], // the page shows the NUL as its escape
    // An invisible formatting character pasted with it (a zero-width space, a right-to-left override): the mail server
    // refused the address stored and the subscription was paused; the page names the character, not the address.
    [{ email: 'a\u200b@example.fi' }, 'email', '"a\u200b@example.fi" is not an e-mail address: it holds an invisible formatting character (U+200B at character 2), as text pasted from a web page or a document may; type the address again',
      'Sähköpostiosoitteessa on näkymätön muotoilumerkki (U+200B, 2. merkki), esimerkiksi verkkosivulta tai asiakirjasta kopioitu; kirjoita osoite uudelleen.'],
    [{ email: '\u202ea@example.fi' }, 'email', '"\u202ea@example.fi" is not an e-mail address: it holds an invisible formatting character (U+202E at character 1), as text pasted from a web page or a document may; type the address again',
      'Sähköpostiosoitteessa on näkymätön muotoilumerkki (U+202E, 1. merkki), esimerkiksi verkkosivulta tai asiakirjasta kopioitu; kirjoita osoite uudelleen.'],
    [{ goals: ['services'], every: 'hourly' }, 'every', '--every must be one of immediately, daily, weekly, not "hourly"', 'Tuntematon lähetystiheys "hourly".'],
    [{ goals: ['services'], lang: 'en' }, 'lang', '--lang must be fi or sv, not "en"', 'Kielen on oltava suomi tai ruotsi (nyt "en").'],
    [{}, 'follows', 'say what to follow (--goal, --source, --organisation, --matter, --search) or give --network', 'Valitse, mitä seuraat: vähintään yksi tavoite, lähde, organisaatio, asia tai haku.'],
    [{ network: true, goals: ['services'] }, 'network', '--network is the whole network digest; it takes no --goal, --source, --organisation, --matter or --search', 'Verkoston viikkokatsaus on koko verkoston katsaus: sille ei valita tavoitteita, lähteitä, organisaatioita, asioita eikä hakua.'],
    [{ network: true, every: 'daily' }, 'every', 'the network digest is weekly; --every does not apply to --network', 'Verkoston katsaus lähtee kerran viikossa; sen tiheyttä ei voi valita.'],
    [{ goals: ['peace'] }, 'goals', 'unknown goal "peace" (goals: services, welfare-reform)', 'Tuntematon tavoite "peace".'],
    [{ sources: ['yle'] }, 'sources', 'unknown source "yle" (sources: stm, eduskunta)', 'Tuntematon lähde "yle".'],
    [{ matters: ['HE 1'] }, 'matters', '--matter takes a matter\'s number, not "HE 1"', 'Asia annetaan numerona (nyt "HE 1").'],
    [{ matters: ['8'] }, 'matters', 'no matter number 8 (see lakivahti matters)', 'Asiaa numero 8 ei ole.'],
    // A followed organisation's name was bounded only by the form's 64 KiB (h-probe-58 saved one of 10,000 characters).
    [{ organisations: ['Sisäministeriö', 'x'.repeat(201)] }, 'organisations', '--organisation is 201 characters long; an organisation\'s name is at most 200',
      'Organisaation nimi on 201 merkkiä pitkä; nimi saa olla enintään 200 merkkiä.'],
    [{ search: '!!' }, 'search', '--search "!!" has no words to search for (or is longer than 200 characters)', 'Haussa "!!" ei ole haettavia sanoja, tai se on yli 200 merkkiä pitkä.'],
  ] as [Partial<SubscriptionRequest>, string, string, string][])('%j is refused on %s', (over, field, en, fi) => {
    const err = (() => {
      try {
        checkSubscription(ask(over), rules);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(SubscriptionError);
    expect(err).toMatchObject({ field, message: en });
    // The page says it in the person's language, from the dictionary.
    const { word: key, values } = err as SubscriptionError;
    expect(word('fi', key, values)).toBe(fi);
    expect(word('sv', key, values)).not.toBe(fi);
  });
});
