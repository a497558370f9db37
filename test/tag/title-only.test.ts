// A title that is all an item says (issue 10): the source's definition states it (feeds/sources/finlex.yaml's
// `titleOnly: true`), the crawl's tag stage, `tag --jsonl` and the labelled sets' parsing mark the item, and the tagger
// reads the mark, never a source's name.
import { describe, expect, it } from 'vitest';
import { createSnowballAnalyzer } from '../../src/tag/analyze.js';
import { parseSourceDef, titleOnlySources } from '../../src/config/sources.js';
import { parseLabelled } from '../../src/tag/evaluate.js';
import { createTagStage, toTagInput } from '../../src/tag/stage.js';
import { createTagger } from '../../src/tag/tagger.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';
import type { Item } from '../../src/model.js';

const tag = createTagger(loadTaxonomy(), { analyzer: createSnowballAnalyzer() });
// Relevant only as a title alone: its words weigh as the title's and the summary's together (round forty-eight).
const title = 'Lag om statsbidrag för välfärdsområdenas lönesystem';

describe('a title-only item', () => {
  it('is weighed as a lone title by its mark, whatever its source is called', () => {
    expect(tag({ title, summary: '', lang: 'sv', source: 'statutes', titleOnly: true }).relevant).toBe(true);
    expect(tag({ title, summary: '', lang: 'sv', source: 'finlex' }).relevant).toBe(false);
    // A summary, when one is given, still says more than the title.
    expect(tag({ title, summary: 'Propositionen gäller fiskeriet.', lang: 'sv', source: 'statutes', titleOnly: true }).relevant).toBe(false);
  });

  it('is stated by the source definition: only Finlex among the shipped sources', () => {
    expect(titleOnlySources()).toEqual(['finlex']);
    expect(parseSourceDef('id: x\nname: X\nurl: https://e.fi/rss\nkind: rss\ntitleOnly: true\n', 'x.yaml').titleOnly).toBe(true);
    expect(parseSourceDef('id: x\nname: X\nurl: https://e.fi/rss\nkind: rss\n', 'x.yaml')).not.toHaveProperty('titleOnly');
    expect(() => parseSourceDef('id: x\nname: X\nurl: https://e.fi/rss\nkind: rss\ntitleOnly: yes please\n', 'x.yaml')).toThrow('field "titleOnly" must be true or false');
  });

  it('is marked by the tag stage from the sources it is given', () => {
    const item = { sourceId: 'finlex', title, summary: '', language: 'sv', kind: 'statute', organisation: null, deadline: null, consultation: null } as const;
    expect(toTagInput(item).titleOnly).toBeUndefined();
    expect(toTagInput(item, new Set(['finlex'])).titleOnly).toBe(true);
    const stage = createTagStage({ analyzer: createSnowballAnalyzer(), titleOnly: ['finlex'] });
    expect(stage.tag({ ...item } as unknown as Item).tags?.relevant).toBe(true);
    expect(createTagStage({ analyzer: createSnowballAnalyzer() }).tag({ ...item } as unknown as Item).tags?.relevant).toBe(false);
  });

  it('is marked by parseLabelled from the sources it is given, unless the line says otherwise', () => {
    const text = [
      JSON.stringify({ id: 'a', title, summary: '', source: 'finlex', relevant: true }),
      JSON.stringify({ id: 'b', title, summary: '', source: 'finlex', titleOnly: false, relevant: false }),
      JSON.stringify({ id: 'c', title, summary: '', source: 'eduskunta', relevant: false }),
    ].join('\n');
    expect(parseLabelled(text, ['finlex']).map((i) => i.titleOnly)).toEqual([true, false, undefined]);
    expect(parseLabelled(text, []).map((i) => i.titleOnly)).toEqual([undefined, false, undefined]);
  });
});
