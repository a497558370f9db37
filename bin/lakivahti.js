#!/usr/bin/env node
// Entry point for `npx lakivahti`; the TypeScript is compiled to dist/ by `npm install` (prepare).
import { main } from '../dist/src/cli/main.js';

// Exit explicitly: idle keep-alive sockets must not hold a finished command open.
process.exit(await main(process.argv.slice(2)));
