// The registry of source modules: `kind: rss` uses rss; others name their module in YAML.
import type { OptionSpec, SourceModule } from '../model.js';
import rss from './rss.js';
import lausuntopalvelu from './lausuntopalvelu.js';
import eduskunta from './eduskunta.js';
import finlex from './finlex.js';
import hankeikkuna from './hankeikkuna.js';
import pelastustoimi from './pelastustoimi.js';

const modules: Record<string, SourceModule> = { rss, lausuntopalvelu, eduskunta, finlex, hankeikkuna, pelastustoimi };

/** Names a definition's `module` field may take. */
export const moduleNames = Object.keys(modules);

/** The module for a source definition (validated at load, so it exists). */
export function sourceModule(name: string): SourceModule {
  const m = modules[name];
  if (!m) throw new Error(`config: no source module "${name}"`);
  return m;
}

/** The options a module declares (validated names only: the loader checks `module` first). */
export function moduleOptions(name: string): Record<string, OptionSpec> {
  return sourceModule(name).options;
}
