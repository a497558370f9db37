// The one rule the Atom feed, the JSON Feed, the iCalendar feed and the digest mark their items' languages by.
import { describe, expect, it } from 'vitest';
import { itemLang } from '../../src/present/item-lang.js';
import { withLanguages, jsonFeedWithLanguages } from '../../src/web/routes/feeds.js';
import { withEventLanguages } from '../../src/web/routes/calendar.js';

describe('itemLang', () => {
  it('keeps Finnish and Swedish, and reads anything else as the carrier\'s language', () => {
    expect([itemLang('sv', 'fi'), itemLang('fi', 'sv'), itemLang('und', 'sv'), itemLang(null, 'fi'), itemLang(undefined, 'sv'), itemLang('en', 'fi')])
      .toEqual(['sv', 'fi', 'sv', 'fi', 'sv', 'fi']);
  });

  it('the feeds and the calendar agree item by item', () => {
    const langs = ['sv', 'und', 'fi'];
    const atom = withLanguages('<feed x="y"><entry></entry><entry></entry><entry></entry></feed>', 'fi', langs);
    const json = JSON.parse(jsonFeedWithLanguages(JSON.stringify({ version: '1', items: [{}, {}, {}] }), 'fi', langs)) as { items: { language: string }[] };
    const ics = withEventLanguages(langs.map(() => 'BEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT').join('\r\n'), langs.map((l) => itemLang(l, 'fi')));
    const expected = langs.map((l) => itemLang(l, 'fi'));
    expect(json.items.map((i) => i.language)).toEqual(expected);
    expect([...ics.matchAll(/SUMMARY;LANGUAGE=(\w+)/g)].map((m) => m[1])).toEqual(expected);
    // Atom marks an entry whose own language is stated; the others inherit the feed's xml:lang="fi".
    expect([...atom.matchAll(/<entry(?: xml:lang="(\w+)")?>/g)].map((m) => m[1] ?? 'fi')).toEqual(expected);
  });
});
