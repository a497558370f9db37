#!/usr/bin/env node
// Entry point for `npx lakivahti`; the TypeScript is compiled to dist/ by `npm install` (prepare).
import { createRequire } from 'node:module';

const argv = process.argv.slice(2);
// A crawl runs the CLI from one script and V8's code cache when the build made one (see src/cli/crawl-boot.cts).
const boot = createRequire(import.meta.url)('../dist/src/cli/crawl-boot.cjs');
const main = boot.bundledMain(argv) ?? (await import('../dist/src/cli/main.js')).main;

// Set the exit code and let the event loop end: process.exit() would cut off output still queued for a pipe.
// Every command closes what it opened (database, writer thread, fetcher sockets, server), so nothing holds it.
process.exitCode = await main(argv);
boot.keepCompiledCode();
