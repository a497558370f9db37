// The generated RSS feeds bench:peer serves and bench:stages parses: one shape, so both measure the same items.

/** An RSS 2.0 feed of `count` consultation items, each with a guid, title, absolute link, date and escaped HTML. */
export function peerFeed(count: number, seed: string): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    items.push(`<item><guid isPermaLink="false">${seed}-${i}</guid><title>Lausuntopyyntö ${i}: pelastuslain ja hyvinvointialueiden rahoituksen muutos</title>
<link>https://example.fi/asia/${seed}/${i}</link><pubDate>Tue, 01 Nov 2022 ${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00 +0200</pubDate>
<description>&lt;p&gt;Sisäministeriö pyytää lausuntoa (VN/${1000 + i}/2022). Lausuntoaika päättyy 15.3.2023. HE ${i % 300}/2022 vp.&lt;/p&gt;</description></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Bench ${seed}</title><link>https://example.fi/${seed}</link><description>b</description>
${items.join('\n')}
</channel></rss>
`;
}
