// Whether an item is a joint-response candidate on a given day, as every list of candidates reads it.

/**
 * The tag stage decides candidacy when it tags an item (a relevant consultation whose deadline had not passed then)
 * and the verdict stays stored: it is a candidate today only while it has a deadline (a Helsinki date) that is today
 * or later, and not once a reviewer judged it not relevant. This is the rule `items --joint`, the board, the overview
 * and the digest list by, in SQL `i.joint = 1 AND i.deadline >= ? AND COALESCE(r.relevant, 1) = 1`: candidates are
 * listed by deadline, so one whose deadline is not known (the tag stage's "deadline unknown") is not one of them: it
 * has a place of its own after the dated ones (isDeadlineUnknownCandidate; `items --joint`, the board), named so.
 */
export function isCandidateOn(item: { joint: boolean; relevant: boolean | null; deadline: string | null }, today: string): boolean {
  return item.joint && item.relevant !== false && item.deadline !== null && item.deadline >= today;
}

/**
 * A candidate by the tag stage whose deadline is not known, not judged not relevant: listed apart, after the dated
 * candidates ("määräaika ei tiedossa"), so a request whose page gave no date is seen, not lost.
 */
export function isDeadlineUnknownCandidate(item: { joint: boolean; relevant: boolean | null; deadline: string | null }): boolean {
  return item.joint && item.relevant !== false && item.deadline === null;
}
