#!/usr/bin/env node
// Entry point for `npx lakivahti`; the TypeScript is compiled to dist/ by `npm install` (prepare).
import '../dist/src/cli/main.js';
