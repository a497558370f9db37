// The digest draft as the secretariat edits it (pure): its entries in their sections with what each shows, the order
// after moving one up or down, and a delivery error in plain words, in the page's language.
import type { Digest } from '../../digest/build.js';
import type { Lang } from '../../model.js';
import type { DraftEntry, Section } from '../../store/digests.js';
import { fiDate } from '../helpers.js';
import { WORDS } from '../../mail/words.js';
import { word } from '../../present/words-web.js';

export const SECTIONS: readonly Section[] = ['respond', 'moved', 'new'];

export interface EditorRow {
  section: Section;
  ref: string;
  title: string;
  /** The title's language where it is not the page's. */
  titleLang?: Lang;
  href: string;
  detail: string;
  removed: boolean;
  first: boolean;
  last: boolean;
}

export interface EditorGroup {
  heading: string;
  rows: EditorRow[];
}

type Shown = Pick<EditorRow, 'title' | 'titleLang' | 'href' | 'detail'>;

/** What each entry of these digests shows, by section and ref (the first digest that has it wins). */
function shownEntries(digests: Digest[], lang: Lang): Map<string, Shown> {
  const t = WORDS[lang];
  const shown = new Map<string, Shown>();
  const put = (section: Section, ref: string, s: Shown) => void (shown.has(`${section} ${ref}`) || shown.set(`${section} ${ref}`, s));
  for (const d of digests) {
    for (const r of d.respond)
      put('respond', r.ref, {
        title: r.title, titleLang: r.titleLang, href: r.matter === null ? `/items/${r.item}` : `/matters/${r.matter}`,
        detail: [`${t.deadline} ${fiDate(r.deadline)}`, r.owner ? `${t.owner} ${r.owner}` : t.noOwner,
          r.status ? `${t.status}: ${t.statuses[r.status]}` : t.notOnBoard].join(' · '),
      });
    for (const m of d.moved) put('moved', m.ref, { title: m.title, titleLang: m.titleLang, href: `/matters/${m.matter}`, detail: m.text });
    for (const g of d.groups) for (const i of g.items) put('new', i.ref, { title: i.title, titleLang: i.titleLang, href: `/items/${i.item}`, detail: i.why });
  }
  return shown;
}

/** A ref that no digest built now shows any more (its item or matter is gone): named by its number. */
function fallback(ref: string, lang: Lang): Shown {
  const [kind, n] = ref.split(':');
  const href = kind === 'matter' ? `/matters/${n}` : kind === 'item' ? `/items/${n}` : '';
  return { title: word(lang, kind === 'matter' ? 'digest.goneMatter' : kind === 'item' ? 'digest.goneItem' : 'digest.goneChange', { n }), href, detail: word(lang, 'digest.gone') };
}

/**
 * The draft's entries in their sections (new items under their goals), in the draft's order, removed ones included;
 * `digests`: where each entry's title and line are found (the draft as edited first, then one built now, which also
 * holds the removed entries); `goalLabels` in the page's language `lang`, in the taxonomy's order.
 */
export function editorGroups(entries: DraftEntry[], digests: Digest[], goalLabels: Record<string, string>, lang: Lang = 'fi'): EditorGroup[] {
  const shown = shownEntries(digests, lang);
  const t = WORDS[lang];
  const goalOrder = Object.keys(goalLabels);
  const rank = (g: string | null) => (g !== null && goalOrder.includes(g) ? goalOrder.indexOf(g) : goalOrder.length);
  const groups: EditorGroup[] = [];
  for (const section of SECTIONS) {
    const list = entries.filter((e) => e.section === section).sort((a, b) => a.position - b.position);
    const goals = section === 'new' ? [...new Set(list.map((e) => e.goal))].sort((a, b) => rank(a) - rank(b)) : [null];
    for (const goal of goals) {
      const peers = section === 'new' ? list.filter((e) => e.goal === goal) : list;
      if (!peers.length && section === 'new') continue;
      const heading = section === 'respond' ? t.respond : section === 'moved' ? t.moved : `${t.newItems}: ${(goal !== null ? goalLabels[goal] : undefined) ?? word(lang, 'digest.otherGoals')}`;
      groups.push({
        heading,
        rows: peers.map((e, n) => ({
          section, ref: e.ref, removed: e.removed, first: n === 0, last: n === peers.length - 1,
          ...(shown.get(`${section} ${e.ref}`) ?? fallback(e.ref, lang)),
        })),
      });
    }
  }
  return groups;
}

/**
 * The section's refs in their new order after moving `ref` one place up or down among its peers (new items among
 * those of the same goal); null when it cannot move that way or is not in the draft.
 */
export function movedOrder(entries: DraftEntry[], section: Section, ref: string, dir: 'up' | 'down'): string[] | null {
  const list = entries.filter((e) => e.section === section).sort((a, b) => a.position - b.position);
  const me = list.find((e) => e.ref === ref);
  if (!me) return null;
  const peers = list.filter((e) => e.goal === me.goal);
  const other = peers[peers.indexOf(me) + (dir === 'up' ? -1 : 1)];
  if (!other) return null;
  const refs = list.map((e) => e.ref);
  const [a, b] = [refs.indexOf(me.ref), refs.indexOf(other.ref)];
  [refs[a], refs[b]] = [refs[b], refs[a]];
  return refs;
}

/** [pattern over a delivery's stored error or pause reason, the word that says it]; the first that matches words it. */
const MAIL_ERRORS: [RegExp, string][] = [
  [/^tilaus peruttu/, 'mailError.cancelled'],
  [/^käyttäjätili poistettu käytöstä/, 'mailError.accountDisabled'],
  [/SMTP 5(50|51|53)\b|no such (mailbox|user)|user unknown|mailbox unavailable/i, 'mailError.unknownAddress'],
  [/SMTP 552\b|mailbox full|quota/i, 'mailError.full'],
  [/SMTP 5(54|71)\b|spam|blocked|policy/i, 'mailError.rejected'],
  [/SMTP 53[05]\b|EAUTH|authentication/i, 'mailError.auth'],
  [/SMTP 4\d\d\b/, 'mailError.temporary'],
  [/SMTP 5\d\d\b/, 'mailError.permanent'],
  [/ECONNREFUSED|ECONNECTION/, 'mailError.refused'],
  [/ENOTFOUND|EDNS|getaddrinfo/i, 'mailError.dns'],
  [/ETIMEDOUT|timeout|timed out/i, 'mailError.timeout'],
  [/ESOCKET|ECONNRESET|TLS|certificate/i, 'mailError.tls'],
];

/** A delivery's stored error (SMTP's or the network's, in English) as a sentence for people in `lang`. */
export function mailError(error: string | null, lang: Lang = 'fi'): string {
  if (!error) return word(lang, 'mailError.none');
  return word(lang, MAIL_ERRORS.find(([re]) => re.test(error))?.[1] ?? 'mailError.other');
}
