// cheerio on first use: it takes longer to load than the rest of a command's start-up, and most runs (plain
// RSS, commands that read the database) never parse HTML. Same package, its CommonJS build, loaded synchronously.
import { createRequire } from 'node:module';
import type * as Cheerio from 'cheerio';

const require = createRequire(import.meta.url);
let cheerio: typeof Cheerio | undefined;

/** cheerio's load(), loading cheerio the first time it is called. */
export const load = ((...args: Parameters<typeof Cheerio.load>) => (cheerio ??= require('cheerio') as typeof Cheerio).load(...args)) as typeof Cheerio.load;
