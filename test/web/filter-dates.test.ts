// A date in the right form whose day does not exist is named as such on /items, not as a wrong form.
import { describe, expect, it } from 'vitest';
import { get, servePages, useSeededSite } from './support.js';

let site: Awaited<ReturnType<typeof servePages>>;
useSeededSite('reader', (s) => ({ site } = s));

describe('/items with a date that does not exist', () => {
  it.each([
    ['from=2027-02-29', 'Päivämäärää &quot;2027-02-29&quot; (alkaen) ei ole: kuussa 2/2027 on 28 päivää.'],
    ['to=2026-04-31', 'Päivämäärää &quot;2026-04-31&quot; (asti) ei ole: kuussa 4/2026 on 30 päivää.'],
    ['from=2026-13-01', 'Päivämäärää &quot;2026-13-01&quot; (alkaen) ei ole: kuukausi 13 ei ole 1–12.'],
    ['from=1800-01-01', 'Päivämäärän &quot;1800-01-01&quot; (alkaen) vuosi 1800 ei kelpaa: anna vuosi väliltä 1900–2200.'],
    // A wrong form still asks for the form.
    ['from=29.2.2027', 'Päivämäärä &quot;29.2.2027&quot; (alkaen) ei kelpaa: anna se muodossa VVVV-KK-PP'],
  ])('?%s', async (qs, message) => {
    const { status, body } = await get(`${site.base}/items?${qs}`);
    expect(status).toBe(400);
    expect(body).toContain(message);
  });

  it('a leap day is a day', async () => {
    const { status } = await get(`${site.base}/items?from=2028-02-29`);
    expect(status).toBe(200);
  });
});
