// Eduskunta API shapes and their mapping to RawItem: matters (valtiopaivaasia) and documents (asiakirja).
import type { ItemKind, RawItem, SourceDef } from '../model.js';
import { parseError } from '../errors.js';
import { byCodeUnit } from '../collate.js';

/** Most text fields are {fi, sv} objects; some clients have seen plain strings, so accept both. */
type Text = string | { fi?: string | null; sv?: string | null } | null | undefined;

interface Event {
  tapahtumapvm?: string | null;
  jarjestys?: number | string | null;
  yleinenkasittelyvaihe?: string | null;
  yleinenkasittelyvaihetunnus?: string | null;
  kasittelyvaihe?: string | null;
  valiokunta?: { nimi?: string | null; tunnus?: string | null } | null;
}

interface KeyDocument {
  edktunnus?: Text;
  eduskuntatunnus?: Text;
  asiakirjatyyppikoodi?: Text;
  valiokuntanimi?: Text;
  laadintapvm?: Text;
}

export interface Matter {
  eduskuntatunnus?: Text;
  asiakirjatyyppikoodi?: Text;
  nimeke?: Text;
  tila?: Text;
  viimeisinKasittelyvaihe?: Text;
  viimeisinJulkaisuajankohta?: Text;
  kasittelyt?: { fi?: Event[] | null } | null;
  keskeisetAsiakirjat?: { fi?: KeyDocument[] | null } | null;
  asiasanat?: { fi?: { aiheteksti?: string | null }[] | null } | null;
}

export interface Document {
  edktunnus?: Text;
  eduskuntatunnus?: Text;
  asiakirjatyyppikoodi?: Text;
  asiakirjatyyppinimi?: Text;
  nimeketeksti?: Text;
  valiokuntanimi?: Text;
  laadintapvm?: Text;
  kielikoodi?: Text;
  viimeisinJulkaisuajankohta?: Text;
}

/** The Finnish text of a field, trimmed; '' when absent. */
export function text(v: Text): string {
  const s = typeof v === 'string' ? v : (v?.fi ?? '');
  return (s ?? '').trim();
}

function required(v: Text, field: string): string {
  const s = text(v);
  if (!s) throw parseError(`an Eduskunta search result has no "${field}"`);
  return s;
}

/** Committee names by the prefix of their document codes: valiokuntanimi is often null even on committee reports. */
const COMMITTEES: Record<string, string> = {
  HaV: 'Hallintovaliokunta', StV: 'Sosiaali- ja terveysvaliokunta', PeV: 'Perustuslakivaliokunta', VaV: 'Valtiovarainvaliokunta',
  PuV: 'Puolustusvaliokunta', LaV: 'Lakivaliokunta', MmV: 'Maa- ja metsätalousvaliokunta', LiV: 'Liikenne- ja viestintävaliokunta',
  TaV: 'Talousvaliokunta', SiV: 'Sivistysvaliokunta', TyV: 'Työelämä- ja tasa-arvovaliokunta', UaV: 'Ulkoasiainvaliokunta',
  YmV: 'Ympäristövaliokunta', SuV: 'Suuri valiokunta', TuV: 'Tulevaisuusvaliokunta', TrV: 'Tarkastusvaliokunta',
  TiV: 'Tiedusteluvalvontavaliokunta',
};

/** The committee that wrote a document: its valiokuntanimi, else the name its code (HaVM, StVL …) stands for. */
export function committeeName(name: Text, code: string): string | null {
  return text(name) || COMMITTEES[/^([A-ZÄÖ][a-zäö]*V)[MLEP]/.exec(code)?.[1] ?? ''] || null;
}

/** Public page of a matter (two third-party clients build it this way). */
export const matterUrl = (tunnus: string): string =>
  `https://www.eduskunta.fi/asiat-ja-aanestykset/valtiopaivaasiat/${encodeURIComponent(tunnus)}`;

/** Public page of a document: eduskunta.fi/valtiopaivaasiakirjat/HaVM+21/2026 (the "vp" suffix dropped). */
export const documentUrl = (tunnus: string): string =>
  `https://www.eduskunta.fi/valtiopaivaasiakirjat/${tunnus.replace(/\s+vp$/, '').replace(/\s+/g, '+')}`;

/** The newest processing event: kasittelyt.fi is unsorted, so order by date, then jarjestys. */
export function latestEvent(events: Event[]): Event | undefined {
  const key = (e: Event) => [e.tapahtumapvm ?? '', Number(e.jarjestys ?? 0)] as const;
  return [...events].sort((a, b) => byCodeUnit(key(a)[0], key(b)[0]) || key(a)[1] - key(b)[1]).at(-1);
}

/** What a processing event is, by its code or, without one, its name. */
const EVENT_STAGES: { stage: string; code: RegExp; name: RegExp }[] = [
  { stage: 'government-proposal', code: /^ANNETTU$/, name: /^annettu eduskunnalle$/i },
  // Sent to committee, heard there, or its report: the first of them is the day committee work began.
  { stage: 'committee', code: /^(?:LAHVK|ATKUUL|MIETINTO)$/, name: /valiokun/i },
  { stage: 'parliament-reply', code: /^EV$/, name: /^eduskunnan vastaus$/i },
];

/**
 * The days a bill reached its stages, from its processing events (each stage's earliest): given to Parliament, in
 * committee (an event of a committee counts too), answered. The item itself is dated by its latest event.
 */
export function stageDays(events: Event[]): Record<string, string> | null {
  const days: Record<string, string> = {};
  for (const e of events) {
    const day = /^\d{4}-\d{2}-\d{2}/.exec(e.tapahtumapvm ?? '')?.[0];
    if (!day) continue;
    const code = (e.yleinenkasittelyvaihetunnus ?? '').trim();
    const name = (e.yleinenkasittelyvaihe ?? e.kasittelyvaihe ?? '').trim();
    for (const s of EVENT_STAGES) {
      const is = code ? s.code.test(code) : s.name.test(name);
      if ((is || (s.stage === 'committee' && e.valiokunta?.tunnus)) && !(days[s.stage] <= day)) days[s.stage] = day;
    }
  }
  return Object.keys(days).length ? days : null;
}

/** A government proposal or other matter as one item; its stage changes as Parliament processes it. */
export function matterItem(m: Matter, def: SourceDef): RawItem {
  const tunnus = required(m.eduskuntatunnus, 'eduskuntatunnus');
  const events = m.kasittelyt?.fi ?? [];
  const last = latestEvent(events);
  const docs = m.keskeisetAsiakirjat?.fi ?? [];
  const own = text(docs.find((d) => text(d.eduskuntatunnus) === tunnus)?.edktunnus);
  const others = docs.filter((d) => text(d.eduskuntatunnus) && text(d.eduskuntatunnus) !== tunnus);
  const keywords = (m.asiasanat?.fi ?? []).map((a) => a.aiheteksti).filter(Boolean);
  const summary = [
    text(m.tila) && `Tila: ${text(m.tila)}.`,
    last?.tapahtumapvm && `Viimeisin käsittely ${last.tapahtumapvm}: ${last.yleinenkasittelyvaihe ?? last.kasittelyvaihe ?? ''}.`,
    keywords.length > 0 && `Asiasanat: ${keywords.join(', ')}.`,
    others.length > 0 &&
      `Keskeiset asiakirjat: ${others
        .map((d) => {
          const by = committeeName(d.valiokuntanimi, text(d.asiakirjatyyppikoodi) || text(d.eduskuntatunnus));
          return `${text(d.eduskuntatunnus)}${by ? ` (${by})` : ''}`;
        })
        .join(', ')}.`,
  ].filter(Boolean);
  const code = text(m.asiakirjatyyppikoodi) || tunnus.split(' ')[0];
  return {
    guid: tunnus,
    url: matterUrl(tunnus),
    title: `${tunnus} ${required(m.nimeke, 'nimeke')}`,
    summary: summary.join(' '),
    published: last?.tapahtumapvm || text(m.viimeisinJulkaisuajankohta) || null,
    updated: text(m.viimeisinJulkaisuajankohta) || null,
    language: 'fi',
    organisation: def.organisation ?? 'Eduskunta',
    kind: code === 'HE' ? 'bill' : def.itemKind,
    stage: text(m.viimeisinKasittelyvaihe) || last?.yleinenkasittelyvaihe || last?.kasittelyvaihe || null,
    stageDays: code === 'HE' ? stageDays(events) : null,
    identifiers: own ? [tunnus, own] : [tunnus],
    // The matter's committee reports and statements and parliament's reply are stated as part of it. Not its plenary
    // minutes (PTK): one sitting handles many matters, and joining through it would merge them all.
    about: others.map((d) => text(d.eduskuntatunnus)).filter((t) => /^(?:[A-ZÄÖ][a-zäö]{0,3}V[MLE]|EV)\s/.test(t)),
  };
}

/** A committee report (…VM) or statement (…VL); null for other document types the fuzzy search let through. */
export function documentItem(d: Document, def: SourceDef): RawItem | null {
  const code = text(d.asiakirjatyyppikoodi);
  if (!/V[ML]$/.test(code)) return null;
  const edk = required(d.edktunnus, 'edktunnus');
  const tunnus = required(d.eduskuntatunnus, 'eduskuntatunnus');
  const kind: ItemKind = 'committee-report';
  const committee = committeeName(d.valiokuntanimi, code);
  return {
    guid: edk,
    url: documentUrl(tunnus),
    title: `${tunnus} ${required(d.nimeketeksti, 'nimeketeksti')}`,
    summary: [text(d.asiakirjatyyppinimi), committee].filter(Boolean).join(', '),
    published: text(d.viimeisinJulkaisuajankohta) || text(d.laadintapvm) || null,
    language: text(d.kielikoodi) === 'sv' ? 'sv' : 'fi',
    organisation: committee || def.organisation || 'Eduskunta',
    kind,
    identifiers: [tunnus, edk],
  };
}
