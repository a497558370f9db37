// Every `kind: rss` definition in feeds/sources against its recorded snapshot, through src/sources/rss.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import rss from '../../src/sources/rss.js';
import { startMirror, mirrorUrl, type Mirror } from '../../src/demo/mirror.js';
import type { FetchOptions, FetchResult, RawItem, SourceContext } from '../../src/model.js';
import { allItems, testContext } from '../helpers/source.js';
import { FEEDS_DIR, FIXTURES_DIR, loadDef } from './yaml-def.js';

let mirror: Mirror | undefined;
afterEach(async () => {
  await mirror?.close();
  mirror = undefined;
});

/** Run the rss module on a source's YAML, with def.url pointed at its fixture mirror. */
async function collect(id: string, ctx: SourceContext = testContext()): Promise<{ items: RawItem[]; origin: string }> {
  mirror = await startMirror(path.join(FIXTURES_DIR, id));
  const real = loadDef(id);
  expect(real.kind).toBe('rss');
  const result = await allItems(rss.collect(loadDef(id, mirrorUrl(real.url, mirror.origin)), ctx));
  if (result === 'not-modified') throw new Error('unexpected not-modified');
  return { items: result, origin: mirror.origin };
}

// windows-1252's printable characters at 0x80–0x9F. Node 20's TextDecoder('windows-1252') (and its
// 'iso-8859-1' alias) returns C1 control characters there instead, e.g. U+0096 for Dynasty's en dash.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * A stand-in for the fetch stage's charset handling, which plainFetch lacks: decode the bytes by the
 * XML prolog's encoding, reading the "iso-8859-1" label as windows-1252 the way WHATWG and browsers do.
 */
async function prologDecodingFetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const res = await fetch(url, { method: options.method ?? 'GET' });
  const bytes = Buffer.from(await res.arrayBuffer());
  const charset = /encoding=["']([\w-]+)["']/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1] ?? 'utf-8';
  const body = /^(iso-8859-1|latin1|windows-1252)$/i.test(charset)
    ? Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b))).join('')
    : new TextDecoder(charset).decode(bytes);
  return {
    url: res.url || url, status: res.status, notModified: false, body, contentType: res.headers.get('content-type'),
    charset, bytes: bytes.length, etag: null, lastModified: null,
  };
}

describe('RSS source definitions', () => {
  const rssIds = fs
    .readdirSync(FEEDS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => loadDef(f.replace(/\.yaml$/, '')))
    .filter((d) => d.kind === 'rss')
    .map((d) => d.id);

  it.each(['valtioneuvosto', 'sisaministerio', 'stm', 'luhva', 'hyvaks'])('%s is a data-only rss source', (id) => {
    expect(rssIds).toContain(id);
    const def = loadDef(id);
    expect(def.module).toBe('rss');
    expect(new URL(def.url).protocol).toBe('https:');
    expect(fs.existsSync(path.join(FIXTURES_DIR, id, 'mirror.json'))).toBe(true);
  });
});

describe('valtioneuvosto (Liferay RSS 2.0)', () => {
  it('reads every release with its ministry from dc:creator', async () => {
    const { items } = await collect('valtioneuvosto');
    expect(items).toHaveLength(8);
    expect(items.map((i) => i.organisation)).toEqual([
      'sisäministeriö', 'sosiaali- ja terveysministeriö', 'sisäministeriö', 'valtiovarainministeriö',
      'sisäministeriö', 'opetus- ja kulttuuriministeriö', 'sisäministeriö', 'oikeusministeriö',
    ]);
    const first = items[0];
    expect(first.guid).toBe('https://valtioneuvosto.fi/-/1410869/hallitus-esittaa-lisarahoitusta-pelastustoimelle-ja-vaestonsuojeluun');
    expect(first.url).toBe('https://valtioneuvosto.fi/-/1410869/hallitus-esittaa-lisarahoitusta-pelastustoimelle-ja-vaestonsuojeluun');
    expect(first.title).toBe('Hallitus esittää lisärahoitusta pelastustoimelle ja väestönsuojeluun');
    expect(first.summary).toBe(
      'Hallitus antoi eduskunnalle esityksen vuoden 2026 kolmanneksi lisätalousarvioksi. Hyvinvointialueiden pelastustoimelle ' +
        'osoitetaan 12 miljoonaa euroa väestönsuojelun ja varautumisen kehittämiseen. Korjaus 28.11.2026: Korjattu määrärahan suuruus.',
    );
    expect(first.published).toBe('Fri, 27 Nov 2026 11:30:00 GMT');
  });

  it('keeps an escaped-HTML description as HTML for the sanitizer', async () => {
    const { items } = await collect('valtioneuvosto');
    expect(items[1].summary).toBe(
      '<p>Asetuksella tarkennetaan hyvinvointialueiden ensihoitopalvelun palvelutasopäätöksen sisältöä. Asetus tulee voimaan 1.1.2027.</p>',
    );
    expect(items[7].title).toBe('Valmiuslain kokonaisuudistus lausunnoille');
    expect(items[7].summary).toContain('viimeistään 15.1.2027');
  });
});

describe('sisaministerio (Liferay Atom 1.0)', () => {
  it('reads entries field by field', async () => {
    const { items } = await collect('sisaministerio');
    expect(items.map((i) => i.title)).toEqual([
      'Pelastuslain muutosesitys eduskuntaan: valvontaa kohdennetaan riskien mukaan',
      'Poliisin määrärahat vuodelle 2027 vahvistettiin',
      'Hätäkeskuslaitoksen uusi toimipiste avataan Ouluun',
      'Rajavartiolaitos vahvistaa valvontaa itärajalla',
      'Kansainvälistä suojelua hakeneiden määrä laski lokakuussa',
    ]);
    const first = items[0];
    expect(first.guid).toBe('https://intermin.fi/-/10616/pelastuslain-muutosesitys-eduskuntaan');
    expect(first.url).toBe('https://intermin.fi/-/10616/pelastuslain-muutosesitys-eduskuntaan');
    expect(first.summary).toBe(
      '<p>Hallitus esittää, että pelastuslaitosten valvontatehtäviä kohdennettaisiin nykyistä riskiperusteisemmin. ' +
        'Esitys liittyy hallitusohjelman kirjaukseen pelastustoimen rahoituksen ja resurssien turvaamisesta.</p>',
    );
    expect(first.published).toBe('2026-11-05T11:15:00Z');
    expect(first.updated).toBe('2026-11-06T07:20:00Z');
    expect(first.organisation).toBe('sisäministeriö');
  });
});

describe('stm (Liferay RSS 2.0)', () => {
  it('reads releases field by field', async () => {
    const { items } = await collect('stm');
    expect(items).toHaveLength(4);
    expect(items[2]).toMatchObject({
      guid: 'https://stm.fi/-/1410877/ensihoidon-kenttajohtamisen-asetusluonnos-lausunnoille',
      url: 'https://stm.fi/-/1410877/ensihoidon-kenttajohtamisen-asetusluonnos-lausunnoille',
      title: 'Ensihoidon kenttäjohtamisen asetusluonnos lausunnoille',
      summary: 'Lausuntoaika päättyy 8.1.2027. Asetusluonnos koskee myös pelastuslaitosten tuottamaa ensihoitopalvelua.',
      published: 'Mon, 23 Nov 2026 09:15:00 GMT',
      organisation: 'sosiaali- ja terveysministeriö',
    });
  });
});

describe('luhva (Dynasty RSS in ISO-8859-1)', () => {
  const file = path.join(FIXTURES_DIR, 'luhva', 'meetingitems.xml');

  it('is recorded as single-byte latin-1, declared in the XML prolog', () => {
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 43).toString('latin1')).toBe("<?xml version='1.0' encoding='iso-8859-1'?>");
    // "palvelutasopäätös": ä is the single byte 0xE4, not UTF-8's 0xC3 0xA4.
    expect(bytes.includes(Buffer.from('palvelutasop\xe4\xe4t\xf6s', 'latin1'))).toBe(true);
    expect(bytes.includes(Buffer.from('ä', 'utf8'))).toBe(false);
  });

  it('reads meeting items once the body is decoded by its declared charset', async () => {
    const ctx = { ...testContext(), fetch: prologDecodingFetch };
    const { items } = await collect('luhva', ctx);
    expect(items).toHaveLength(6);
    // The feed's explicit :443 is dropped when the parser resolves links.
    // No date in the item: the meeting date comes from the title (options.dateFromTitle).
    expect(items[0]).toEqual({
      published: '24.11.2026',
      url: 'https://luhva-d10julk.oncloudos.com/cgi/DREQUEST.PHP?page=meetingitem&id=2026289-7',
      title: 'Aluehallitus 24.11.2026 / Pelastustoimen palvelutasopäätös vuosille 2027–2030',
      summary: 'Pelastustoimen palvelutasopäätös vuosille 2027–2030',
    });
    expect(items[3].title).toBe(
      'Nationalspråksnämnden 19.11.2026 / Utlåtande om servicenätverksplanen för social- och hälsovården i Raseborg',
    );
    // Dynasty gives no pubDate and no guid: the meeting date lives only in the title.
    expect(items.every((i) => !i.guid && /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(String(i.published)))).toBe(true);
  });

  it('still finds the items when the body is wrongly decoded as UTF-8 (plainFetch)', async () => {
    const { items } = await collect('luhva');
    expect(items.map((i) => i.url?.split('id=')[1])).toEqual(['2026289-7', '2026289-9', '2026289-11', '2026284-4', '2026281-6', '2026279-3']);
  });
});

describe('hyvaks (Dynasty RSS with entities inside CDATA)', () => {
  it('passes entity-encoded letters through as the source wrote them', async () => {
    const { items } = await collect('hyvaks');
    expect(items).toHaveLength(4);
    expect(items[1]).toEqual({
      published: '23.11.2026',
      url: 'https://hyvaks-d10julk.oncloudos.com/cgi/DREQUEST.PHP?page=meetingitem&id=2026301-8',
      title: 'Aluehallitus 23.11.2026 / Sopimus ensihoitopalvelun tuottamisesta pelastuslaitoksen kanssa 2027&ndash;2028',
      summary: 'Sopimus ensihoitopalvelun tuottamisesta pelastuslaitoksen kanssa 2027&ndash;2028',
    });
    expect(items[3].title).toBe('Sote-lautakunta 11.11.2026 / Ik&auml;ihmisten palvelujen asiakasmaksut 1.1.2027 alkaen');
  });
});
