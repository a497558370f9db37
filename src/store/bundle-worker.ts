// A build step (`npm run build`, after tsc): dist/src/store/writer-worker.js and every module of ours it loads as one
// CommonJS script, writer-bundle.cjs, which writer-boot.cts runs from V8's code cache; likewise the CLI with the crawl
// command's modules, crawl-bundle.cjs in dist/src/cli, which crawl-boot.cts runs. Packages stay outside them (they are
// loaded at run time as before), and so does the code of every other thread and command.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { manifestOf } from './worker-bundle-manifest.cjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Bundle `entry` (in `dir`) and every module of ours it loads, dynamic imports included, into `out` (in `dir`), with
 * its manifest beside it; a dynamic import for which `leaveOut(id, importer)` is true stays an import (never run from
 * the bundle). Returns how many modules it holds.
 */
async function bundle(dir: string, entry: string, out: string, leaveOut: (id: string, importer: string) => boolean = () => false): Promise<number> {
  const file = path.join(dir, out);
  const built = await rolldown({
    input: path.join(dir, entry),
    platform: 'node',
    // Only our own modules: a package (better-sqlite3, koffi, snowball-stemmers, yaml) is required where it was.
    external: (id) => !(id.startsWith('.') || path.isAbsolute(id)),
    plugins: [
      {
        name: 'left-out',
        // Only an import() can be left out: a static import runs as its importer loads, so it is always bundled.
        resolveId: (id, importer, { kind }) => (kind === 'dynamic-import' && importer !== undefined && leaveOut(id, importer) ? { id, external: true } : null),
      },
      {
        name: 'own-url',
        // A module that finds files beside itself (paths.ts, the taxonomy's loader, the analyzer's code) still finds
        // them beside its own file in dist/, which the bundle sits among.
        transform: (code, id) =>
          code.includes('import.meta.url') ? code.replaceAll('import.meta.url', `__ownUrl(${JSON.stringify(path.relative(dir, id))})`) : null,
      },
    ],
  });
  const { output } = await built.write({
    file,
    format: 'cjs',
    codeSplitting: false,
    // A package's or node's own module loaded by import() (feedsmith, node:https) is required instead: a script's
    // import() needs a callback of vm's, which V8 loses in the functions it takes from a code cache (seen in node 20:
    // ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING at a crawl's first https source).
    dynamicImportInCjs: false,
    banner: "const __ownUrl = (file) => require('node:url').pathToFileURL(require('node:path').join(__dirname, file)).href;",
  });
  await built.close();
  const modules = output[0].moduleIds.filter((id) => path.isAbsolute(id));
  const own = modules.map((id) => path.relative(dir, id));
  fs.writeFileSync(`${file}.json`, JSON.stringify(await manifestOf(dir, own)));
  return modules.length;
}

/** Bundle the writer thread's modules of the build in `dir` (dist/src/store); returns how many it holds. */
export function bundleWriter(dir: string = here): Promise<number> {
  return bundle(dir, 'writer-worker.js', 'writer-bundle.cjs');
}

/**
 * Bundle the CLI for `crawl` (dist/src/cli/crawl-bundle-entry.js: main.ts and heap.ts) with the crawl command's modules
 * of the build whose dist/src is `src`; main.ts's other commands (its import()s of its folder's modules) stay imports
 * of their own modules, which a process running the bundle never loads (bin/lakivahti.js runs it for `crawl` only).
 * Returns how many modules it holds.
 */
export function bundleCrawl(src: string = path.dirname(here)): Promise<number> {
  const cli = path.join(src, 'cli');
  return bundle(cli, 'crawl-bundle-entry.js', 'crawl-bundle.cjs', (id, importer) =>
    path.resolve(importer) === path.join(cli, 'main.js') && /^\.\/[\w-]+\.js$/.test(id) && id !== './crawl.js');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  Promise.all([
    bundleWriter().catch((err: Error) => Promise.reject(new Error(`the writer thread's bundle: ${err.message}`))),
    bundleCrawl().catch((err: Error) => Promise.reject(new Error(`the crawl command's bundle: ${err.message}`))),
  ]).catch((err: Error) => {
    console.error(`build: ${err.message}`);
    process.exitCode = 1;
  });
}
