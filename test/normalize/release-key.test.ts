// One press release on the government's hosts, which serve one Liferay article store: valtioneuvosto's feed links a
// ministry's release /-/<group>/<slug> on valtioneuvosto.fi, the ministry's own host links it /-/<slug>. The links of
// test/fixtures/release-links are real (third-party stored copies); the others here are written in their shape.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { releaseKey } from '../../src/normalize/release-key.js';
import { rootDir } from '../../src/paths.js';

const HOSTS = ['valtioneuvosto.fi', 'stm.fi', 'intermin.fi'];
const captured = (JSON.parse(fs.readFileSync(path.join(rootDir, 'test', 'fixtures', 'release-links', 'captured.json'), 'utf8')) as
  { links: { link: string; sameReleaseAs?: string }[] }).links;

describe('releaseKey', () => {
  it('is one for the captured release on valtioneuvosto.fi with its group and on stm.fi without', () => {
    const pairs = captured.filter((c) => c.sameReleaseAs);
    expect(pairs).toHaveLength(2);
    for (const c of pairs) expect(releaseKey(c.link, HOSTS)).toBe(releaseKey(c.sameReleaseAs!, HOSTS));
    // Every captured link is of the shape: keyed by its language prefix and slug, not by the link.
    for (const c of captured) expect(releaseKey(c.link, HOSTS)).toMatch(/^(\/(en|sv))?\/-\/[^/]+$/);
  });

  it('keeps the language prefix: a Swedish or English release is not the Finnish one', () => {
    const fi = releaseKey('https://valtioneuvosto.fi/-/1271139/esitys', HOSTS);
    expect(releaseKey('https://stm.fi/sv/-/esitys', HOSTS)).not.toBe(fi);
    expect(releaseKey('https://stm.fi/sv/-/esitys', HOSTS)).toBe(releaseKey('https://valtioneuvosto.fi/sv/-/1271139/esitys', HOSTS));
    expect(releaseKey('https://www.stm.fi/-/esitys?languageId=fi_FI', HOSTS)).toBe(fi);
  });

  it('is the link itself off the listed hosts or off the release shape', () => {
    expect(releaseKey('https://phpela.fi/-/pelastustoimi-jatkaa', HOSTS)).toBe('https://phpela.fi/-/pelastustoimi-jatkaa');
    expect(releaseKey('https://stm.fi/ajankohtaista/tiedotteet', HOSTS)).toBe('https://stm.fi/ajankohtaista/tiedotteet');
    expect(releaseKey('https://stm.fi/-/esitys', [])).toBe('https://stm.fi/-/esitys');
    expect(releaseKey('https://evilstm.fi/-/esitys', HOSTS)).toBe('https://evilstm.fi/-/esitys');
    expect(releaseKey(null, HOSTS)).toBeNull();
  });
});
