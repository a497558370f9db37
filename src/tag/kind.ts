// Infers the kind of an item from its title when the source did not say (HE …, Lausuntopyyntö …, HaVM …).
import type { ItemKind } from '../model.js';

const RULES: [RegExp, ItemKind][] = [
  [/\b(lausuntopyyntö|lausuntokierro|lausunnolla|lausunnoille|lausuntoaika|kuulemispyyntö|begäran om utlåtande|remiss|på remiss|utlåtanderunda)/i, 'statement-request'],
  [/^\s*luonnos\b|\butkast till\b/i, 'statement-request'],
  [/\b(HE|RP)\s+\d+\/\d{4}|hallituksen esitys|regeringens proposition/i, 'bill'],
  [/\b[A-ZÅÄÖ][a-zåäö]{0,3}(VM|VL|BU|UB)\s+\d+\/\d{4}|valiokunnan (mietintö|lausunto)|utskottets (betänkande|utlåtande)/, 'committee-report'],
  [/^\s*\d+\/\d{4}\s+(laki|valtioneuvoston asetus|[\p{L}-]+ministeriön asetus|asetus|lag|förordning)\b/iu, 'statute'],
];

/** The kind a title suggests, or null when it suggests none. */
export function inferKind(title: string): ItemKind | null {
  for (const [re, kind] of RULES) if (re.test(title)) return kind;
  return null;
}
