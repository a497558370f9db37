// Module options: each module declares what it accepts under `options:`; definitions are checked when they load.
import type { OptionSpec } from '../model.js';

type Specs = Record<string, OptionSpec>;

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a value of each type must look like, in words for the error message. */
function problem(spec: OptionSpec, v: unknown): string | null {
  switch (spec.type) {
    case 'string':
      return typeof v === 'string' && v.trim() ? null : 'a non-empty string';
    case 'boolean':
      return typeof v === 'boolean' ? null : 'true or false';
    case 'integer': {
      const range = [spec.min !== undefined && `≥ ${spec.min}`, spec.max !== undefined && `≤ ${spec.max}`].filter(Boolean).join(' and ');
      const ok = Number.isInteger(v) && (spec.min === undefined || (v as number) >= spec.min) && (spec.max === undefined || (v as number) <= spec.max);
      return ok ? null : `a whole number${range ? ` ${range}` : ''}`;
    }
    case 'string-list':
      return Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim()) ? null : 'a list of strings';
    case 'mapping':
      return isMapping(v) ? null : 'a mapping';
    case 'mapping-list':
      return Array.isArray(v) && v.length > 0 && v.every(isMapping) ? null : 'a non-empty list of mappings';
  }
}

/** Check a definition's options against a module's declaration: the option at fault, and a message that lists the known ones. */
export function checkOptions(module: string, specs: Specs, given: Record<string, unknown>): { option: string; message: string } | null {
  const known = Object.keys(specs);
  for (const [name, value] of Object.entries(given)) {
    const spec = specs[name];
    if (!spec)
      return {
        option: name,
        message: `field "options": unknown option "${name}" for module ${module} (known: ${known.length ? known.join(', ') : 'none'})`,
      };
    const wanted = problem(spec, value);
    if (wanted) return { option: name, message: `field "options": option "${name}" must be ${wanted}, not ${JSON.stringify(value)}` };
  }
  return null;
}

/** The declared defaults for options a definition left out. */
export function withDefaults(specs: Specs, given: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) if (spec.default !== undefined) out[name] = spec.default;
  return { ...out, ...given };
}

/** An option's value, or its declared default when absent or of the wrong shape (modules also run on hand-made defs in tests). */
export function option<T>(specs: Specs, given: Record<string, unknown>, name: string): T {
  const spec = specs[name];
  if (!spec) throw new Error(`internal: option "${name}" is not declared`);
  const v = given[name];
  return (v !== undefined && problem(spec, v) === null ? v : spec.default) as T;
}
