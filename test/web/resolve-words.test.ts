// Words written into the compiled templates: each language's template says what the {{t}} helper would have said.
import { describe, expect, it } from 'vitest';
import Handlebars from 'handlebars';
import { resolveWords } from '../../src/web/views.js';
import { word } from '../../src/present/words-web.js';

describe('resolveWords', () => {
  it('writes in each word without values, escaped in {{ }} and as it is in {{{ }}}', () => {
    const src = '<a aria-label="{{t "items.search"}}">{{t "items.heading"}}</a><p>{{{t "items.keysHelp"}}}</p>';
    for (const lang of ['fi', 'sv'] as const) {
      const out = resolveWords(src, lang);
      expect(out).not.toContain('{{t');
      expect(out).toContain(`aria-label="${Handlebars.escapeExpression(word(lang, 'items.search'))}"`);
      expect(out).toContain(`<p>${word(lang, 'items.keysHelp')}</p>`);
    }
    expect(resolveWords(src, 'fi')).not.toBe(resolveWords(src, 'sv'));
  });

  it('leaves words with values, and words with braces, to the helper', () => {
    const src = '{{t "items.markRead" n=unreadIds.length}} {{t "items.results"}}';
    expect(word('fi', 'items.results')).toContain('{');
    expect(resolveWords(src, 'fi')).toBe(src);
  });

  it('names a word that does not exist', () => {
    expect(() => resolveWords('{{t "no.such.word"}}', 'fi')).toThrow(/no\.such\.word/);
  });
});
