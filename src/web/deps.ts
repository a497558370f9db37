// What the web view needs from the application, in its own file so routes and the app do not import each other.
import type { ConfigError } from '../config/sources.js';
import type { Lang, SourceDef } from '../model.js';
import type { Db } from '../store/index.js';
import type { MailConfig } from '../mail/config.js';

export interface WebDeps {
  db: Db;
  sources: SourceDef[];
  configErrors: ConfigError[];
  /** Goal id → Finnish label, from the taxonomy. */
  goalLabels: Record<string, string>;
  /** Goal id → Swedish label, for Swedish pages; the Finnish label where absent. */
  goalLabelsSv?: Record<string, string>;
  /** Scope id → its label per language, from the taxonomy (why an item was tagged names the scope that cut it). */
  scopeLabels?: Record<Lang, Record<string, string>>;
  /**
   * What is wrong with the database (not writable, file replaced, failing queries), for each page's banner; empty when
   * fine. `version`: the data version the page read (store dataVersion), when it could read it.
   */
  problems?: (version?: string) => string[];
  /** The same, every check run now (for /healthz); `problems` when absent. */
  health?: () => string[];
  /** The `--db` argument the first-run page's commands carry (the database served is not the default one). */
  setupDb?: string;
  /** The database cannot be written: sessions are kept in memory and every change is refused. */
  readOnly?: boolean;
  /**
   * Why nothing sent now could be kept (the database file was replaced or deleted under the server, so a write would go
   * into a file nobody reads again): every form, a sign-in and an unsubscribe included, is refused 503 with it. Null: fine.
   */
  writesLost?: () => string | null;
  /** How long a form waits for another process's write lock before it is refused 503 (LAKIVAHTI_WRITE_WAIT_SECONDS; src/web/env.ts WRITE_WAIT_MS when absent). */
  writeWaitMs?: number;
  /** Start a run of a source now (the scheduler's); absent when nothing is scheduled (--no-schedule, read-only). */
  crawlNow?: (sourceId: string) => boolean;
  /** Behind HTTPS: Secure __Host- cookies, HSTS, upgrade-insecure-requests. */
  secureCookies?: boolean;
  /** The proxies whose X-Forwarded-For and -Proto are believed (LAKIVAHTI_TRUST_PROXY, src/web/env.ts); none when absent. */
  trustProxy?: string[];
  /** The feeds folder (the taxonomy's Swedish goal labels for the digest); the shipped one when absent. */
  feedsDir?: string;
  /** LAKIVAHTI_BASE_URL as serve read it at start (src/web/env.ts): the feeds and the calendar link under it. */
  baseUrl?: string;
  /** The digest's mail settings; read from the environment at first use when absent. */
  mail?: MailConfig;
  /** Where messages link when `mail` is absent (serve's: `baseUrl`, else the port it listens on, `--port` or not). */
  linkBase?: () => string;
}
