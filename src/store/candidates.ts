// Whether an item is a joint-response candidate on a given day, as every list of candidates reads it.

/**
 * The tag stage decides candidacy when it tags an item (a relevant consultation whose deadline had not passed then)
 * and the verdict stays stored: it is a candidate today only while its deadline (a Helsinki date) is today or later,
 * and not once a reviewer judged it not relevant — the rule `items --joint`, the board and the overview list by.
 */
export function isCandidateOn(item: { joint: boolean; relevant: boolean | null; deadline: string | null }, today: string): boolean {
  return item.joint && item.relevant !== false && (item.deadline === null || item.deadline >= today);
}
