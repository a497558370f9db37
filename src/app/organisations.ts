// Organisations as people follow and filter them: sources write one name in different letter cases
// ("sisäministeriö", "Sisäministeriö"), and some name several in one string ("Pelastusopisto, sisäministeriö"; items
// store one organisation string). The digest, the subscription form and the items filter all read them so.
import { byFinnish } from '../collate.js';

/** An organisation as followed: sources write one name in different letter cases ("sisäministeriö", "Sisäministeriö"). */
export const organisationKey = (name: string) => name.trim().toLocaleLowerCase('fi');

/**
 * The organisations one stored name stands for, as followed (keys): the whole name and, where a source names several
 * in one string ("Pelastusopisto, sisäministeriö"; items store one organisation string), each of them.
 */
export function organisationKeys(name: string): string[] {
  return [...new Set([name, ...organisationNames(name)].map(organisationKey).filter((k) => k))];
}

/** The organisations a stored name names, as written: "Pelastusopisto, sisäministeriö" → Pelastusopisto, sisäministeriö. */
export const organisationNames = (name: string): string[] => name.split(/[,;]/).map((n) => n.trim()).filter((n) => n);

/**
 * The organisations a person can tick: each one the stored items name (one item may name two) once whatever its letter
 * case (a capitalised form where a source writes one), those `followed` as they are followed (ticked), in Finnish order.
 */
export function organisationChoices(stored: readonly string[], followed: readonly string[]): { name: string; checked: boolean }[] {
  const choices = new Map<string, { name: string; checked: boolean }>();
  for (const name of followed) if (!choices.has(organisationKey(name))) choices.set(organisationKey(name), { name, checked: true });
  for (const name of stored.flatMap(organisationNames)) {
    const had = choices.get(organisationKey(name));
    if (!had) choices.set(organisationKey(name), { name, checked: false });
    else if (!had.checked && had.name[0] !== had.name[0].toLocaleUpperCase('fi') && name[0] === name[0].toLocaleUpperCase('fi')) had.name = name;
  }
  return [...choices.values()].sort((a, b) => byFinnish(a.name, b.name));
}

/** An organisation a list can be filtered by (organisationChoices' name) and the stored names that stand for it. */
export interface OrganisationChoice {
  name: string;
  stored: string[];
}

const filterIndexes = new WeakMap<readonly string[], Map<string, OrganisationChoice>>();

/**
 * The organisations of `stored` (the names items store, one list per data version) by key: choosing "sisäministeriö"
 * finds the items of "Sisäministeriö" and of "Pelastusopisto, sisäministeriö" too. Built once per list.
 */
export function organisationFilter(stored: readonly string[]): Map<string, OrganisationChoice> {
  let index = filterIndexes.get(stored);
  if (index) return index;
  index = new Map(organisationChoices(stored, []).map((c) => [organisationKey(c.name), { name: c.name, stored: [] as string[] }]));
  for (const s of stored) for (const k of organisationKeys(s)) index.get(k)?.stored.push(s);
  filterIndexes.set(stored, index);
  return index;
}
