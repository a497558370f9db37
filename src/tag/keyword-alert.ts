// The baseline we compare against: a feed-reader keyword filter (case-insensitive substrings per goal).
import type { GoalId, TagInput } from './types.js';

/** The substrings a rescue-department reader would type into a feed filter, per goal. */
export const KEYWORD_ALERT: Record<GoalId, string[]> = {
  services: ['pelastus', 'palo', 'nuohou', 'räddning', 'brand'],
  'welfare-reform': ['hyvinvointialue', 'sote', 'ensihoi', 'välfärdsområd', 'vårdreform'],
  'internal-security': ['hätäkesk', 'virve', 'valmius', 'väestönsuo', 'sisäinen turvallisuus', 'nödcentral', 'beredskap', 'befolkningsskydd'],
};

/** Tag an item the keyword-alert way: a goal per keyword found; the first goal found is primary. */
export function keywordAlert(input: TagInput, keywords: Record<GoalId, string[]> = KEYWORD_ALERT): { relevant: boolean; goals: GoalId[]; primary: GoalId | null } {
  const text = `${input.title} ${input.summary ?? ''}`.toLowerCase();
  const found: { goal: GoalId; at: number }[] = [];
  for (const [goal, words] of Object.entries(keywords)) {
    const at = Math.min(...words.map((w) => text.indexOf(w)).filter((i) => i >= 0));
    if (Number.isFinite(at)) found.push({ goal, at });
  }
  found.sort((a, b) => a.at - b.at);
  const goals = found.map((f) => f.goal);
  return { relevant: goals.length > 0, goals, primary: goals[0] ?? null };
}
