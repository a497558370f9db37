// The digest page showed its schedule as the bare cron expression ("0 8 * * 1"), which the secretariat does not read.
import { describe, expect, it } from 'vitest';
import { describeCron } from '../../src/present/cron-words.js';

describe('a cron schedule in words', () => {
  it('says the weekly digest\'s default in Finnish and Swedish', () => {
    expect(describeCron('0 8 * * 1', 'fi')).toBe('maanantaisin klo 8.00');
    expect(describeCron('0 8 * * 1', 'sv')).toBe('måndagar kl. 8.00');
  });
  it('says every day, lists and ranges of weekdays (Sunday as 0 or 7, the week from Monday)', () => {
    expect(describeCron('30 7 * * *', 'fi')).toBe('joka päivä klo 7.30');
    expect(describeCron('5 16 * * 0-6', 'sv')).toBe('varje dag kl. 16.05');
    expect(describeCron('0 9 * * 7,1', 'fi')).toBe('maanantaisin ja sunnuntaisin klo 9.00');
    expect(describeCron('0 9 * * 1-3', 'fi')).toBe('maanantaisin, tiistaisin ja keskiviikkoisin klo 9.00');
    expect(describeCron('  0   8 * * 5 ', 'sv')).toBe('fredagar kl. 8.00');
  });
  it('leaves every other shape to the expression itself', () => {
    for (const expr of ['*/30 * * * *', '0 8 1 * *', '0 8 * 6 1', '0 */2 * * *', '0 8 * * 1/2', '60 8 * * 1', '0 24 * * 1', '0 8 * * 8', '0 8 * * 3-1', '0 8 * * mon', '0 0 8 * * 1', ''])
      expect(describeCron(expr, 'fi'), expr).toBeNull();
  });
});
