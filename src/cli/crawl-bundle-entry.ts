// What crawl-bundle.cjs exports (see bundleCrawl in bundle-worker.ts and crawl-boot.cts): the CLI, and V8's own flag
// values to set back before the bundle's compiled code is kept.
export { main } from './main.js';
export { useDefaultHeapFlags } from '../heap.js';
