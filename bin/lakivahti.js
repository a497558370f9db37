#!/usr/bin/env node
// Entry point for `npx lakivahti`; the TypeScript is compiled to dist/ by `npm install` (prepare).
import { main } from '../dist/src/cli/main.js';

// Set the exit code and let the event loop end: process.exit() would cut off output still queued for a pipe.
// Every command closes what it opened (database, writer thread, fetcher sockets, server), so nothing holds it.
process.exitCode = await main(process.argv.slice(2));
