// Why a merge or split was refused, as a reader sees it. The store words its refusals in English for the CLI
// (src/store/matters.ts, CorrectionError); each one it writes is put in the reader's language here, and one this file
// does not know is shown as written.
import { word, type Lang } from './words-web.js';

const REFUSALS: [RegExp, string, (m: RegExpMatchArray) => Record<string, string>][] = [
  [/^cannot merge matter (\d+) with itself$/, 'refusal.mergeSelf', (m) => ({ id: m[1] })],
  [/^no matter (\d+)$/, 'refusal.noMatter', (m) => ({ id: m[1] })],
  [/^no item (\d+)$/, 'refusal.noItem', (m) => ({ item: m[1] })],
  [/^item (\d+) is not in matter (\d+) \(it is in no matter\)$/, 'refusal.inNoMatter', (m) => ({ item: m[1], id: m[2] })],
  [/^item (\d+) is not in matter (\d+) \(it is in matter (\d+)\)$/, 'refusal.inOtherMatter', (m) => ({ item: m[1], id: m[2], other: m[3] })],
  [/^item (\d+) is the only item of matter (\d+): nothing to split$/, 'refusal.onlyItem', (m) => ({ item: m[1], id: m[2] })],
];

/** A CorrectionError's message in `lang`. */
export function correctionRefusal(message: string, lang: Lang): string {
  for (const [re, key, values] of REFUSALS) {
    const m = message.match(re);
    if (m) return word(lang, key, values(m));
  }
  return message;
}
