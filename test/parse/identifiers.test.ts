import { describe, expect, it } from 'vitest';
import type { Identifier } from '../../src/model.js';
import { extractIdentifiers, heIdentifier, identifierWithin, typedIdentifier } from '../../src/parse/identifiers.js';

const id = (type: Identifier['type'], value: string, role: Identifier['role'] = 'mention'): Identifier => ({ type, value, role });

describe('extractIdentifiers from running text', () => {
  it.each<[string, Identifier[]]>([
    ['Hallituksen esitys HE 184/2022 vp pelastuslaista', [id('he', 'HE 184/2022 vp')]],
    ['HE 12/2026', [id('he', 'HE 12/2026 vp')]],
    ['Regeringens proposition RP 74/2023 rd', [id('he', 'HE 74/2023 vp')]],
    ['HE 12/2026 vp:n käsittely', [id('he', 'HE 12/2026 vp')]],
    ['HE12/2026 vp', [id('he', 'HE 12/2026 vp')]],
    ['Hallituksen esitys 207/2016 vp hyväksyttiin', [id('he', 'HE 207/2016 vp')]],
    ['hallituksen esityksessä n:o 12/2026', [id('he', 'HE 12/2026 vp')]],
    ['Regeringens proposition 74/2023 rd', [id('he', 'HE 74/2023 vp')]],
    ['Hallituksen esitys eduskunnalle laiksi pelastuslain muuttamisesta', []],
    ['Hallintovaliokunnan mietintö HaVM 41/2022 vp', [id('committee', 'HaVM 41/2022 vp')]],
    ['StVL 3/2023 vp ja PeVL 12/2024 vp', [id('committee', 'StVL 3/2023 vp'), id('committee', 'PeVL 12/2024 vp')]],
    ['TaVE 37/2026 vp', [id('committee', 'TaVE 37/2026 vp')]],
    ['VaVM 5/2023', [id('committee', 'VaVM 5/2023 vp')]],
    ['SuVL 1/2024 vp', [id('committee', 'SuVL 1/2024 vp')]],
    ['Täysistunnon pöytäkirja PTK 12/2023 vp', [id('ptk', 'PTK 12/2023 vp')]],
    ['U 5/2023 vp ja E 12/2023 vp', [id('eu', 'U 5/2023 vp'), id('eu', 'E 12/2023 vp')]],
    ['Kirjallinen kysymys KK 123/2023 vp', [id('kk', 'KK 123/2023 vp')]],
    ['Diaarinumero VN/18775/2022.', [id('diary', 'VN/18775/2022')]],
    ['Lausuntopyynnön diaarinumero: VN/6671/2026', [id('diary', 'VN/6671/2026')]],
    ['SMDno-2015-123', [id('diary', 'SMDno-2015-123')]],
    ['OKM/1/010/2017', [id('diary', 'OKM/1/010/2017')]],
    ['ESAVI/12/2019', [id('diary', 'ESAVI/12/2019')]],
    ['LVM/960/03/2015', [id('diary', 'LVM/960/03/2015')]],
    ['TEM/1640/03.01.01/2016 ja TEM/2010/00.04.01/2016', [id('diary', 'TEM/1640/03.01.01/2016'), id('diary', 'TEM/2010/00.04.01/2016')]],
    ['STM/1234/2020', [id('diary', 'STM/1234/2020')]],
    ['Viite OKM/2014/120', [id('diary', 'OKM/2014/120')]],
    ['Hanke SM061:00/2015', [id('project', 'SM061:00/2015')]],
    ['Hanke SM 061:00/2015', [id('project', 'SM061:00/2015')]],
    ['tunnus VNK:500:2014', [id('project', 'VNK:500:2014')]],
    ['Vanha hanke LM0085:00/25/01/1998', [id('project', 'LM0085:00/25/01/1998')]],
    ['EDK-2023-AK-29738', [id('edk', 'EDK-2023-AK-29738')]],
    ['pelastuslaki (379/2011)', [id('statute', '379/2011')]],
    ['laki (1090/2002, muutettu)', [id('statute', '1090/2002')]],
    ['laki 379/2011 muuttamisesta', [id('statute', '379/2011')]],
    ['säädöskokoelma 123/2024', [id('statute', '123/2024')]],
    ['lagen 379/2011', [id('statute', '379/2011')]],
    ['https://opendata.finlex.fi/finlex/avoindata/v1/akn/fi/act/statute/2024/123/fin@', [id('statute', '123/2024')]],
    [
      'http://data.finlex.fi/eli/sd/2002/1090/ajantasa/2024-01-01/fin.',
      [id('statute', '1090/2002'), id('eli', 'http://data.finlex.fi/eli/sd/2002/1090/ajantasa/2024-01-01/fin')],
    ],
    ['https://www.finlex.fi/fi/laki/alkup/2002/20021090', [id('statute', '1090/2002')]],
    ['CELEX:32026R2001', [id('celex', '32026R2001')]],
    ['https://eur-lex.europa.eu/legal-content/FI/TXT/?uri=CELEX%3A32016R0679', [id('celex', '32016R0679')]],
    ['EUR-Lex: 32019L1937 direktiivi', [id('celex', '32019L1937')]],
  ])('%s', (text, expected) => {
    expect(extractIdentifiers(text)).toEqual(expected);
  });
});

describe('no false hits', () => {
  it.each([
    ['kokous 5/2023 pidettiin'], // a bare number/year is not a statute
    ['sivu 5/2023'],
    ['Lausunto annettiin 1.2.2023'],
    ['HAVAINTO 12/2023'], // not a committee: wrong case
    ['Ehdotus TVM 12/2023'], // no lower-case letter and no vp
    ['Liite E 12/2023'], // EU matter needs " vp"
    ['U 5/2023 ilman istuntokautta'],
    ['direktiivi (EU) 2019/1937'],
    ['32019L1937 without the context'],
    ['lausuntopalvelu:0f8fad5b-d9cb-469f-a165-70867728950e in running text'],
    ['Tilastovuosi 2023, osuus 40/2023'],
    ['XVN/18775/2022x'],
    ['VN/18775/20221'],
    ['Havm 41/2022 vp'],
  ])('%s', (text) => {
    expect(extractIdentifiers(text)).toEqual([]);
  });
});

describe('explicit identifiers', () => {
  it.each<[string[], Identifier[]]>([
    [['VN/18775/2022'], [id('diary', 'VN/18775/2022', 'self')]],
    [['HE 12/2026 vp'], [id('he', 'HE 12/2026 vp', 'self')]],
    [['akn/fi/act/statute/2024/5'], [id('statute', '5/2024', 'self')]],
    [['1090/2002'], [id('statute', '1090/2002', 'self')]],
    [['lausuntopalvelu:0F8FAD5B-D9CB-469F-A165-70867728950E'], [id('lausuntopalvelu', '0f8fad5b-d9cb-469f-a165-70867728950e', 'self')]],
    [['0f8fad5b-d9cb-469f-a165-70867728950e'], []],
    [['something else'], []],
    [['EDK-2023-AK-29738', 'TaVE 37/2026 vp'], [id('edk', 'EDK-2023-AK-29738', 'self'), id('committee', 'TaVE 37/2026 vp', 'self')]],
  ])('%j', (explicit, expected) => {
    expect(extractIdentifiers('', explicit)).toEqual(expected);
  });

  it('reads explicit project codes old and new', () => {
    expect(extractIdentifiers('', ['LM0085:00/25/01/1998', 'LVM031:00/2014'])).toEqual([
      id('project', 'LM0085:00/25/01/1998', 'self'),
      id('project', 'LVM031:00/2014', 'self'),
    ]);
  });

  it('puts explicit identifiers first and removes duplicates', () => {
    const found = extractIdentifiers('Katso HE 12/2026 vp ja VN/1/2026. HE 12/2026 vp uudelleen.', ['VN/1/2026']);
    expect(found).toEqual([id('diary', 'VN/1/2026', 'self'), id('he', 'HE 12/2026 vp')]);
  });

  it('finds identifiers whatever the prefilters (hints) see: case folding, other white space', () => {
    // Under the rules' /iu flags "ſ" matches "s" and the Kelvin sign "k"; a hint must not rule these out.
    expect(extractIdentifiers('\u017fmdno-2022-1')).toEqual([id('diary', 'SMDno-2022-1')]);
    expect(extractIdentifiers('ED\u212A-2022-AA-1')).toEqual([id('edk', 'EDK-2022-AA-1')]);
    expect(extractIdentifiers('HE 5/2022\nvp ja U\t7/2023\nvp')).toEqual([id('he', 'HE 5/2022 vp'), id('eu', 'U 7/2023 vp')]);
  });

  it('normalizes leading zeros and no-break spaces', () => {
    expect(extractIdentifiers('HE\u00a0007/2024 vp')).toEqual([id('he', 'HE 7/2024 vp')]);
  });
});

describe('heIdentifier: a field that holds only HE numbers', () => {
  it.each([
    ['207/2016', 'HE 207/2016 vp'],
    ['256/2017 vp', 'HE 256/2017 vp'],
    ['HE 311/2022', 'HE 311/2022 vp'],
    ['HE 311/2022 vp', 'HE 311/2022 vp'],
    ['RP 5/2020 rd', 'HE 5/2020 vp'],
    [' 007/2024\u00a0vp ', 'HE 7/2024 vp'],
  ])('%j → %j', (raw, expected) => {
    expect(heIdentifier(raw)).toBe(expected);
    // The canonical form is what the text scan gives too: one matter, one identifier.
    expect(extractIdentifiers('', [expected])).toEqual([id('he', expected, 'self')]);
  });

  it.each(['', 'VN/1/2026', 'HE 12', '12/26', 'KK 5/2020 vp'])('%j is not an HE number', (raw) => {
    expect(heIdentifier(raw)).toBeNull();
  });
});

describe('one canonical form per kind, however it was written', () => {
  it.each<[string, Identifier[]]>([
    ['Förvaltningsutskottets betänkande FvUB 41/2026 rd', [id('committee', 'HaVM 41/2026 vp')]],
    ['ShUU 3/2026 rd och GrUU 12/2026 rd', [id('committee', 'StVL 3/2026 vp'), id('committee', 'PeVL 12/2026 vp')]],
    ['StoUU 1/2024 rd', [id('committee', 'SuVL 1/2024 vp')]],
    ['Eduskunnan vastaus EV 55/2026 vp', [id('ev', 'EV 55/2026 vp')]],
    ['Riksdagens svar RSv 55/2026 rd', [id('ev', 'EV 55/2026 vp')]],
    ['Skriftligt spörsmål SS 12/2026 rd', [id('kk', 'KK 12/2026 vp')]],
    ['Diaarinumero VN / 31234 / 2026', [id('diary', 'VN/31234/2026')]],
    ['VN /31234/ 2026', [id('diary', 'VN/31234/2026')]],
    ['EV 21/2017', [id('ev', 'EV 21/2017 vp')]],
    // Neither a Swedish committee nor a reply: ordinary words and unsuffixed "SS".
    ['Levy 12/2026 ja SS 12/2026', []],
  ])('%s', (text, expected) => {
    expect(extractIdentifiers(text)).toEqual(expected);
  });
});

describe('roles: self, about, mention', () => {
  it('gives each identifier the strongest role it was found with', () => {
    const found = extractIdentifiers('Mietintö HE 184/2026 vp:stä, vrt. HE 12/2026 vp ja VN/1/2026', ['HaVM 41/2026 vp'], ['HE 184/2026 vp']);
    expect(found).toEqual([
      id('committee', 'HaVM 41/2026 vp', 'self'),
      id('he', 'HE 184/2026 vp', 'about'),
      id('he', 'HE 12/2026 vp'),
      id('diary', 'VN/1/2026'),
    ]);
  });

  it('keeps self over about when a source states both', () => {
    expect(extractIdentifiers('', ['VN/1/2026'], ['VN / 1 / 2026'])).toEqual([id('diary', 'VN/1/2026', 'self')]);
  });
});

describe('identifiers: edges of the rules', () => {
  it.each([
    ['HE311/2022', 'HE 311/2022 vp'],
    ['207 / 2016', 'HE 207/2016 vp'],
    ['256/2017vp', 'HE 256/2017 vp'],
    ['RP 5/2020rd', 'HE 5/2020 vp'],
  ])('heIdentifier reads the spacing variant %j', (raw, expected) => {
    expect(heIdentifier(raw)).toBe(expected);
  });

  it.each(['207/2016 ja muuta', 'HE 207/2016 vp, HE 208/2016 vp', '207/2016x', '207/2016 vpx', '207/ 2016 /1'])('heIdentifier refuses %j (not only an HE number)', (raw) => {
    expect(heIdentifier(raw)).toBeNull();
  });

  it('a bare statute number counts only when given explicitly, and only when it is the whole value', () => {
    expect(extractIdentifiers('', [' 1090 / 2002 '])).toEqual([id('statute', '1090/2002', 'self')]);
    expect(extractIdentifiers('', ['1090/2002 muutettu'])).toEqual([]);
    expect(extractIdentifiers('', ['1090/ 2002x'])).toEqual([]);
    expect(extractIdentifiers('1090/2002')).toEqual([]);
  });

  it('a Lausuntopalvelu id counts only when given explicitly, the whole value after trimming', () => {
    const uuid = '0b5d6f1e-2a3b-4c5d-8e9f-0123456789ab';
    expect(extractIdentifiers('', [` lausuntopalvelu:${uuid.toUpperCase()} `])).toEqual([id('lausuntopalvelu', uuid, 'self')]);
    expect(extractIdentifiers(`lausuntopalvelu:${uuid}`)).toEqual([]);
  });

  it('skips values that are not strings', () => {
    expect(extractIdentifiers('HE 1/2026 vp', [null, 7] as unknown as string[], [undefined] as unknown as string[])).toEqual([id('he', 'HE 1/2026 vp')]);
  });

  it('an old Finlex page URL counts only when its two years agree', () => {
    expect(extractIdentifiers('https://www.finlex.fi/fi/laki/alkup/2002/20031090')).toEqual([]);
    expect(extractIdentifiers('https://www.finlex.fi/sv/laki/ajantasa/2011/20110379')).toEqual([id('statute', '379/2011')]);
  });

  it('drops every trailing punctuation mark from an ELI address', () => {
    expect(extractIdentifiers('(ks. https://finlex.fi/eli/sd/2002/1090/ohje).')).toEqual([
      id('statute', '1090/2002'), id('eli', 'https://finlex.fi/eli/sd/2002/1090/ohje'),
    ]);
  });

  it('reads CELEX numbers after "CELEX=" and in lower case', () => {
    expect(extractIdentifiers('https://eur-lex.europa.eu/legal-content/FI/ALL/?uri=celex=32016r0679')).toEqual([id('celex', '32016R0679')]);
  });

  it('reads statutes after each statute word, Finnish and Swedish', () => {
    for (const word of ['lain', 'lakia', 'laissa', 'lakiin', 'asetus', 'asetuksen', 'asetusta', 'asetuksessa', 'asetukseen', 'säädös', 'säädöksen',
      'säädöskokoelman', 'lag', 'förordning', 'förordningen', 'författningssamling', 'författningssamlingen', 'FFS', 'SdK', 'laki nro', 'lag nr.'])
      expect(extractIdentifiers(`${word} 379/2011`), word).toEqual([id('statute', '379/2011')]);
  });
});

describe('identifiers: Swedish committee documents and more edges', () => {
  // Riksdagens utskott and the Finnish abbreviations of the same committees (eduskunta.fi).
  it.each([
    ['FvU', 'HaV'], ['ShU', 'StV'], ['GrU', 'PeV'], ['FiU', 'VaV'], ['FsU', 'PuV'], ['LaU', 'LaV'], ['JsU', 'MmV'], ['KoU', 'LiV'],
    ['EkU', 'TaV'], ['KuU', 'SiV'], ['AjU', 'TyV'], ['UtU', 'UaV'], ['MiU', 'YmV'], ['StoU', 'SuV'], ['FrU', 'TuV'], ['ReU', 'TrV'], ['UnU', 'TiV'],
  ])('%s is %s: betänkande → mietintö, utlåtande → lausunto', (sv, fi) => {
    expect(extractIdentifiers(`${sv}B 4/2026 rd och ${sv}U 5/2026 rd`)).toEqual([id('committee', `${fi}M 4/2026 vp`), id('committee', `${fi}L 5/2026 vp`)]);
  });

  it('reads an HE number only right after the words of a government proposal', () => {
    expect(extractIdentifiers('Hallituksen esitys eduskunnalle laiksi, ks. laki 379/2011')).toEqual([id('statute', '379/2011')]);
  });

  it('keeps words apart at a no-break space', () => {
    expect(extractIdentifiers('laki\u00a0379/2011')).toEqual([id('statute', '379/2011')]);
  });

  it('trims what a source states as what an item is about', () => {
    const uuid = '0b5d6f1e-2a3b-4c5d-8e9f-0123456789ab';
    expect(extractIdentifiers('', [], [` lausuntopalvelu:${uuid} `])).toEqual([id('lausuntopalvelu', uuid, 'about')]);
  });
});

describe('typedIdentifier: what a person types to look a matter up, in any letter case', () => {
  it.each<[string, Identifier | undefined]>([
    ['HE 184/2026 vp', id('he', 'HE 184/2026 vp', 'self')],
    ['he 184/2026 vp', id('he', 'HE 184/2026 vp', 'self')],
    ['  he  184/2026  VP ', id('he', 'HE 184/2026 vp', 'self')],
    ['rp 184/2026 rd', id('he', 'HE 184/2026 vp', 'self')],
    ['stvl 19/2026 vp', id('committee', 'StVL 19/2026 vp', 'self')],
    ['HAVM 24/2026 vp', id('committee', 'HaVM 24/2026 vp', 'self')],
    ['vn/31234/2026', id('diary', 'VN/31234/2026', 'self')],
    ['sm061:00/2026', id('project', 'SM061:00/2026', 'self')],
    ['ev 55/2026 vp', id('ev', 'EV 55/2026 vp', 'self')],
    ['pelastuslaki', undefined],
    ['he', undefined],
  ])('%s', (typed, want) => {
    expect(typedIdentifier(typed)).toEqual(want);
  });

  // The session written onto the year, as a hurried text or a person types it: "HE 196/2026vp" was no identifier, in a
  // source's text or typed to `matter` (which read "HE196/2026" and "HE 196/2026 vp", and Hankeikkuna's "311/2022vp").
  it.each<[string, Identifier | undefined]>([
    ['HE 196/2026vp', id('he', 'HE 196/2026 vp', 'self')],
    ['he196/2026vp', id('he', 'HE 196/2026 vp', 'self')],
    ['HE 196/2026VP', id('he', 'HE 196/2026 vp', 'self')],
    ['rp 196/2026rd', id('he', 'HE 196/2026 vp', 'self')],
    ['stvl 19/2026vp', id('committee', 'StVL 19/2026 vp', 'self')],
    ['EV 55/2026vp', id('ev', 'EV 55/2026 vp', 'self')],
    ['HE 196/2026vpx', undefined],
  ])('reads the session glued to the year: %s', (typed, want) => {
    expect(typedIdentifier(typed)).toEqual(want);
  });

  it('finds the session glued to the year in running text, and no longer word glued there', () => {
    expect(extractIdentifiers('Hallituksen esitys HE 12/2026vp ja ShUU 3/2026rd sekä U 5/2023vp, ei HE 13/2026vpk'))
      .toEqual([id('he', 'HE 12/2026 vp'), id('committee', 'StVL 3/2026 vp'), id('eu', 'U 5/2023 vp')]);
  });

  it('leaves running text case-sensitive: "he" there is a pronoun', () => {
    expect(extractIdentifiers('he 12/2026 vp')).toEqual([]);
  });

  // Typed on a phone or a Japanese, Chinese or Arabic keyboard, or pasted from a typeset text: the same identifier.
  it.each<[string, Identifier]>([
    ['ＨＥ １２/２０２６ vp', id('he', 'HE 12/2026 vp', 'self')],
    ['ｈｅ　１２／２０２６　ｖｐ', id('he', 'HE 12/2026 vp', 'self')],
    ['HE 12/2026\u2009vp', id('he', 'HE 12/2026 vp', 'self')],
    ['HE\u202f١٢/٢٠٢٦ vp', id('he', 'HE 12/2026 vp', 'self')],
    ['VN/۳۱۲۳۴/२०२६', id('diary', 'VN/31234/2026', 'self')],
    ['HE 𝟏𝟐/𝟐𝟎𝟐𝟔 vp', id('he', 'HE 12/2026 vp', 'self')],
    ['ＳｔＶＬ　１９／２０２６　ｖｐ', id('committee', 'StVL 19/2026 vp', 'self')],
  ])('reads full-width letters, other scripts\' digits and Unicode spaces: %j', (typed, want) => {
    expect(typedIdentifier(typed)).toEqual(want);
  });

  it.each(['ＨＥ １２/２０２６ vp；DROP', 'HE ¹²/2026 vp', 'HE 12⁄2026 vp', 'HE 12/2026 vp\u0000', 'ＨＥ'])('still refuses what is not an identifier alone: %j', (typed) => {
    expect(typedIdentifier(typed)).toBeUndefined();
  });

  it('reads a source\'s stated identifier written so', () => {
    expect(extractIdentifiers('', ['ＨＥ　１２／２０２６　ｖｐ'])).toEqual([id('he', 'HE 12/2026 vp', 'self')]);
  });

  it('names what is beside a full-width identifier', () => {
    expect(identifierWithin('ＨＥ １２/２０２６ vp；DROP')).toEqual({ value: 'HE 12/2026 vp', before: '', after: ';DROP' });
  });

  it.each([['ＨＥ　３１１／２０２２', 'HE 311/2022 vp'], ['٢٥٦/٢٠١٧ vp', 'HE 256/2017 vp']])('heIdentifier reads %j', (raw, want) => {
    expect(heIdentifier(raw)).toBe(want);
  });

  it('finds an identifier in running text spaced with a thin or narrow no-break space', () => {
    expect(extractIdentifiers('Hallituksen esitys HE\u202f12/2026\u2009vp annettiin.'))
      .toEqual([id('he', 'HE 12/2026 vp', 'mention')]);
  });
});
