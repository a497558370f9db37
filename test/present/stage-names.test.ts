// One table names a matter's stages for the web view, the mail and the CLI, in Finnish and Swedish.
import { describe, expect, it } from 'vitest';
import { MATTER_STAGES } from '../../src/link/stage.js';
import { STAGE_NAMES, stageName } from '../../src/present/stage-names.js';

describe('stage names', () => {
  it('name every stage in both languages, each name once', () => {
    for (const lang of ['fi', 'sv'] as const) {
      expect(Object.keys(STAGE_NAMES[lang]).sort()).toEqual([...MATTER_STAGES].sort());
      expect(new Set(Object.values(STAGE_NAMES[lang])).size).toBe(MATTER_STAGES.length);
    }
  });

  it.each([
    ['statement-round', 'fi', 'lausuntokierros'], ['statement-round', 'sv', 'remissrunda'],
    ['government-proposal', 'sv', 'regeringens proposition'], ['in-force', 'fi', 'voimassa'], ['committee', 'sv', 'utskottsbehandling'],
  ] as const)('%s in %s is "%s"', (stage, lang, name) => expect(stageName(stage, lang)).toBe(name));

  it('shows an unknown value as it is, and nothing as null', () => {
    expect(stageName('Valiokuntakäsittely', 'sv')).toBe('Valiokuntakäsittely');
    expect(stageName(null)).toBeNull();
  });
});
