// Optional Finnish morphology through libvoikko (Debian: libvoikko1 + voikko-fi), loaded with koffi.
// Every failure (no koffi, no library, no dictionary) yields null: the tagger falls back to Snowball.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { envFlag } from '../env-flag.js';

/** One reading of a word: its base form and its compound parts (in the forms the compound uses). */
export interface VoikkoReading {
  baseform: string;
  parts: string[];
  /** The word carries a possessive suffix in this reading (-ni, -si, -mme …). */
  possessive?: boolean;
}

/** A loaded Voikko instance. */
export interface Voikko {
  analyze(word: string): VoikkoReading[];
  terminate(): void;
}

type Fn = (...args: unknown[]) => unknown;
interface Koffi {
  load(path: string): { func(sig: string): Fn };
  decode(ptr: unknown, offset: number, type: string): unknown;
  decode(ptr: unknown, type: string, len: number): unknown;
}
let loaded: Koffi | null = null;
const koffi = (): Koffi => (loaded ??= loadKoffi());

/**
 * koffi's native module, loaded from where koffi's own entry finds it when that is this platform's build of koffi's
 * version; else through that entry. The entry first loads its installer's tools, and with them node's https, tls,
 * zlib and crypto: some 10 ms of CPU at every start of a crawl's writer thread, which needs none of them (the entry's
 * wrapper adds only deprecated names, none used here).
 */
function loadKoffi(): Koffi {
  const require = createRequire(import.meta.url);
  try {
    const pkg = require.resolve('koffi/package.json');
    const native = require(path.join(path.dirname(pkg), 'build', 'koffi', `${process.platform}_${process.arch}`, 'koffi.node')) as Koffi & { version?: unknown };
    if (native.version === (require(pkg) as { version: string }).version) return native;
  } catch {
    // Another layout, platform or C library (musl): koffi's entry knows where to look.
  }
  return require('koffi') as Koffi;
}

/** The library openVoikko loads: LAKIVAHTI_VOIKKO_LIB, or libvoikko's soname for the dynamic loader to find. */
export const voikkoLibrary = (env: NodeJS.ProcessEnv = process.env): string => env.LAKIVAHTI_VOIKKO_LIB ?? 'libvoikko.so.1';

/**
 * The file a library name stands for, as the dynamic loader resolves it (the mapping it made in this process), so
 * that whoever asks sees the very file openVoikko loads; a path is taken as given. Null when it cannot be loaded.
 */
export function libraryFile(lib: string): string | null {
  if (lib.includes('/')) return lib;
  try {
    koffi().load(lib);
    const stem = lib.replace(/\.so(\..*)?$/, '.so');
    for (const line of fs.readFileSync('/proc/self/maps', 'utf8').split('\n')) {
      const file = line.slice(line.indexOf('/'));
      if (line.includes('/') && path.basename(file).startsWith(stem)) return file;
    }
  } catch {
    // Not loadable (or no /proc): nothing to name.
  }
  return null;
}

/** Open libvoikko for Finnish, or return null when the library or its dictionary is missing. */
export function openVoikko(libPath = voikkoLibrary()): Voikko | null {
  if (envFlag(process.env, 'LAKIVAHTI_NO_VOIKKO')) return null;
  try {
    const k = koffi();
    const lib = k.load(libPath);
    const init = lib.func('void* voikkoInit(_Out_ const char** error, const char* langcode, const char* path)');
    const analyzeWord = lib.func('void** voikkoAnalyzeWordCstr(void* handle, const char* word)');
    const valueOf = lib.func('void* voikko_mor_analysis_value_cstr(void* analysis, const char* key)');
    const freeValue = lib.func('void voikko_free_mor_analysis_value_cstr(void* value)');
    const freeAnalyses = lib.func('void voikko_free_mor_analysis(void** analyses)');
    const terminate = lib.func('void voikkoTerminate(void* handle)');
    const error: (string | null)[] = [null];
    const handle = init(error, 'fi', null);
    if (!handle) return null;
    const read = (analysis: unknown, key: string): string | null => {
      const ptr = valueOf(analysis, key);
      if (!ptr) return null;
      const s = k.decode(ptr, 'char', -1) as string;
      freeValue(ptr);
      return s;
    };
    let open = true;
    return {
      analyze(word: string): VoikkoReading[] {
        if (!open || word.length === 0 || word.length > 80) return [];
        const list = analyzeWord(handle, word);
        if (!list) return [];
        const out: VoikkoReading[] = [];
        try {
          for (let i = 0; i < 16; i++) {
            const analysis = k.decode(list, i * 8, 'void*');
            if (!analysis) break;
            const baseform = read(analysis, 'BASEFORM');
            if (!baseform) continue;
            const bases = read(analysis, 'WORDBASES');
            const possessive = read(analysis, 'POSSESSIVE') !== null;
            out.push({ baseform: baseform.toLowerCase(), parts: bases ? splitWordbases(bases) : [baseform.toLowerCase()], possessive });
          }
        } finally {
          freeAnalyses(list);
        }
        return withoutUnlikelyPossessives(out);
      },
      terminate(): void {
        if (open) terminate(handle);
        open = false;
      },
    };
  } catch {
    return null;
  }
}

/**
 * Possessive suffixes are rare in the texts we read; a word that also reads without one is taken without it
 * (kuusi is six or a spruce, not "your moon", kuu + -si), while a word that only reads with one keeps it (lakimme).
 */
export function withoutUnlikelyPossessives(readings: VoikkoReading[]): VoikkoReading[] {
  const plain = readings.filter((r) => !r.possessive);
  return plain.length > 0 ? plain : readings;
}

/**
 * Compound parts from Voikko's WORDBASES, e.g. "+pelast(pelastaa)+us(+us)+laki(laki)" → [pelastus, laki]:
 * a base that starts with "+" is a derivational suffix and joins the part before it; "+-" is a hyphen.
 */
export function splitWordbases(wordbases: string): string[] {
  const parts: string[] = [];
  for (const m of wordbases.matchAll(/\+([^+(]*)(?:\(([^)]*)\))?/g)) {
    const surface = m[1].replace(/=/g, '').toLowerCase();
    const base = m[2] ?? '';
    if (surface === '-' || surface === '') continue;
    if (base.startsWith('+') && parts.length > 0) parts[parts.length - 1] += surface;
    else parts.push(surface);
  }
  return parts;
}
