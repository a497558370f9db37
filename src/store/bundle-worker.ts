// A build step (`npm run build`, after tsc): dist/src/store/writer-worker.js and every module of ours it loads as one
// CommonJS script, writer-bundle.cjs, which writer-boot.cts runs from V8's code cache. Packages stay outside it (they
// are loaded at run time as before), and so does the code of every other thread.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { modulesHash, type BundleManifest } from './worker-bundle-manifest.cjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Bundle the writer thread's modules of the build in `dir` (dist/src/store); returns how many it holds. */
export async function bundleWriter(dir: string = here): Promise<number> {
  const out = path.join(dir, 'writer-bundle.cjs');
  const bundle = await rolldown({
    input: path.join(dir, 'writer-worker.js'),
    platform: 'node',
    // Only our own modules: a package (better-sqlite3, koffi, snowball-stemmers, yaml) is required where it was.
    external: (id) => !(id.startsWith('.') || path.isAbsolute(id)),
    plugins: [
      {
        name: 'own-url',
        // A module that finds files beside itself (paths.ts, the taxonomy's loader, the analyzer's code) still finds
        // them beside its own file in dist/, which the bundle sits among.
        transform: (code, id) =>
          code.includes('import.meta.url') ? code.replaceAll('import.meta.url', `__ownUrl(${JSON.stringify(path.relative(dir, id))})`) : null,
      },
    ],
  });
  const { output } = await bundle.write({
    file: out,
    format: 'cjs',
    codeSplitting: false,
    banner: "const __ownUrl = (file) => require('node:url').pathToFileURL(require('node:path').join(__dirname, file)).href;",
  });
  await bundle.close();
  const modules = output[0].moduleIds.filter((id) => path.isAbsolute(id));
  const own = modules.map((id) => path.relative(dir, id));
  const manifest: BundleManifest = { modules: own, sha256: modulesHash(dir, own) };
  fs.writeFileSync(`${out}.json`, JSON.stringify(manifest));
  return modules.length;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  bundleWriter().catch((err: Error) => {
    console.error(`build: the writer thread's bundle: ${err.message}`);
    process.exitCode = 1;
  });
}
