// A round test's case table: items the tagger must say one thing of, one test each (`it.each`), named "label: title".
import { expect, it } from 'vitest';
import type { Lang } from '../../src/model.js';
import type { Tagger } from '../../src/tag/tagger.js';
import type { TagInput, TagResult } from '../../src/tag/types.js';

/** One item: its title, summary, language and, in a table whose items come from several sources, its own source. */
export type Case = [title: string, summary: string, lang: Lang, source?: string];
/** What the tagger must say of each: its relevance alone, or a part of its result (matched as toMatchObject does). */
export type Expected = boolean | Partial<Pick<TagResult, 'relevant' | 'primary' | 'goals'>>;

/** One test per case: the item (with what `shared` adds: the table's source, kind, …) tagged, its result checked. */
export function tagCases(tag: Tagger, label: string, expected: Expected, cases: readonly Case[], shared: Partial<TagInput> = {}): void {
  it.each(cases)(`${label}: %s`, (title, summary, lang, source) => {
    const r = tag({ title, summary, lang, ...shared, ...(source === undefined ? {} : { source }) });
    if (typeof expected === 'boolean') expect(r.relevant).toBe(expected);
    else expect(r).toMatchObject(expected);
  });
}
