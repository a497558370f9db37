// A feeds folder as a crawl or serve process reads it (FEEDS/sources/ID.yaml), for the tests that run one.
import fs from 'node:fs';
import path from 'node:path';

/** Write a plain RSS source's definition into `feeds`/sources (made when missing): `id` at `url`, named "Lähde ID" unless `name` says. */
export function writeRssSource(feeds: string, id: string, url: string, name = `Lähde ${id}`): void {
  fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
  fs.writeFileSync(path.join(feeds, 'sources', `${id}.yaml`), `id: ${id}\nname: ${name}\nurl: ${url}\nkind: rss\n`);
}
