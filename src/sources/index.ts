// The registry of source modules: `kind: rss` uses rss; others name their module in YAML. A module's code is loaded
// when a source of its kind first runs (a crawl of RSS feeds never loads cheerio or the API sources); what each
// accepts under `options:` is declared apart (declared.ts), so definitions are checked without loading any of it.
import type { OptionSpec, SourceModule } from '../model.js';
import { declaredOptions, type ModuleName } from './declared.js';

const loaders: Record<ModuleName, () => Promise<{ default: SourceModule }>> = {
  rss: () => import('./rss.js'),
  lausuntopalvelu: () => import('./lausuntopalvelu.js'),
  eduskunta: () => import('./eduskunta.js'),
  finlex: () => import('./finlex.js'),
  hankeikkuna: () => import('./hankeikkuna.js'),
  pelastustoimi: () => import('./pelastustoimi.js'),
};

/** Names a definition's `module` field may take. */
export const moduleNames = Object.keys(loaders);

const isModuleName = (name: string): name is ModuleName => Object.hasOwn(loaders, name);

const loaded = new Map<string, Promise<SourceModule>>();

/** The module for a source definition (validated at load, so it exists), loaded the first time it is asked for. */
export function sourceModule(name: string): Promise<SourceModule> {
  if (!isModuleName(name)) return Promise.reject(new Error(`config: no source module "${name}"`));
  let m = loaded.get(name);
  if (!m) loaded.set(name, (m = loaders[name]().then((x) => x.default)));
  return m;
}

/** The options a module declares (validated names only: the loader checks `module` first). */
export function moduleOptions(name: string): Record<string, OptionSpec> {
  if (!isModuleName(name)) throw new Error(`config: no source module "${name}"`);
  return declaredOptions[name];
}
