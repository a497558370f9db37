// What a Swedish item's page says in Swedish, for the network's Swedish-speaking departments: its kind, source,
// date, statement deadline with the days left, and the link to the original page (the rest of the page is Finnish).
import { finnishDate } from '../../parse/dates.js';
import { daysBetween } from './present.js';
import { fiDate } from '../helpers.js';

export const KIND_LABELS_SV: Record<string, string> = {
  'statement-request': 'remiss',
  bill: 'regeringens proposition',
  'committee-report': 'utskottets betänkande eller utlåtande',
  statute: 'författning',
  project: 'projekt',
  decision: 'beslut',
  'press-release': 'pressmeddelande',
  news: 'nyhet',
};

/** The days to a deadline in Swedish words ("3 dagar kvar", "gick ut för 2 dagar sedan"). */
export function daysLeftSv(deadline: string, today: string): string {
  const days = daysBetween(today, deadline);
  if (days < -1) return `gick ut för ${-days} dagar sedan`;
  if (days === -1) return 'gick ut i går';
  if (days === 0) return 'går ut i dag';
  if (days === 1) return 'i morgon';
  return `${days} dagar kvar`;
}

/** The Swedish facts line of a Swedish item (dates as Finland-Swedish writes them: 3.12.2026, the Helsinki day). */
export function swedishFacts(item: { kind: string; published: string | null; deadline: string | null }, today: string) {
  return {
    kind: KIND_LABELS_SV[item.kind] ?? item.kind,
    published: item.published ? fiDate(item.published) : null,
    deadline: item.deadline ? { date: finnishDate(item.deadline) ?? item.deadline, left: daysLeftSv(item.deadline, today) } : null,
  };
}
