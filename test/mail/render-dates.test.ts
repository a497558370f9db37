// The digest mail writes its dates as the web view does (fiDate), one rule for both.
import { describe, expect, it } from 'vitest';
import type { Digest, RespondEntry } from '../../src/digest/build.js';
import { renderDigest } from '../../src/mail/render.js';
import { fiDate } from '../../src/app/format.js';

const entry = (item: number, deadline: string): RespondEntry => ({
  ref: `i${item}`, matter: null, item, title: `Lausuntopyyntö ${item}`, deadline, organisation: null, owner: null, status: null, internalDeadline: null,
});

const digestOf = (deadlines: string[], periodStart = '2026-11-30', periodEnd = '2026-12-06'): Digest => ({
  kind: 'network', lang: 'fi', periodStart, periodEnd, intro: null, respond: deadlines.map((d, n) => entry(n + 1, d)), moved: [], groups: [], empty: true,
});

const options = { baseUrl: 'https://l.example.fi', unsubscribeUrl: 'https://l.example.fi/u' };

describe('dates in the digest mail', () => {
  it.each([
    ['a date', '2026-12-11', '11.12.2026'],
    ['an instant late in the UTC day, already the next day in Helsinki', '2026-12-06T22:30:00.000Z', '7.12.2026'],
    ['a day no month has', '2026-02-30', '30.2.2026'],
    // A deadline that is no date (a database edited by hand): the mail failed to render at all (helsinkiDate threw).
    ['no date at all', 'pian', '–'],
  ])('%s is written as the web writes it', (_, deadline, shown) => {
    expect(fiDate(deadline)).toBe(shown);
    const { text, html } = renderDigest(digestOf([deadline]), options);
    expect(text).toContain(`määräaika ${shown}`);
    expect(html).toContain(shown);
  });

  it('a period of one day is that day once, a longer one from and to', () => {
    expect(renderDigest(digestOf([], '2026-12-06', '2026-12-06'), options).text).toMatch(/^Ajalta 6\.12\.2026$/m);
    expect(renderDigest(digestOf([], '2026-11-30', '2026-12-06'), options).text).toMatch(/^Ajalta 30\.11\.2026–6\.12\.2026$/m);
  });
});
