/**
 * npm run budget (after npm run build; CI runs it): fails when a chunk on the start-up path is over its budget.
 * The start-up path is what the page loads before the first figure is interactive: the entry script of
 * dist/index.html and every chunk it preloads (its static imports). Sizes are gzipped (level 9, as served).
 * Everything else (atlas and compare code, export encoders, elkjs, layouts of other views) loads on demand.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(import.meta.dirname, '..', 'dist');
const KB = 1024;
/** Budgets by chunk name (the part before the content hash), in gzipped bytes; `*` is any other start-up chunk. */
const BUDGETS: Record<string, number> = {
  cytoscape: 142 * KB, // the drawing library itself: 138 KB gzipped however it is minified
  react: 70 * KB, // react + react-dom client
  index: 12 * KB, // the app shell: header, details, legend, search, text version
  atoms: 12 * KB, // state, the view model, jotai
  'use-positions': 9 * KB, // the canvas component (graph-view)
  '*': 5 * KB,
};
const TOTAL = 243 * KB; // the goal is 230 KB, not met yet: cytoscape and react-dom alone are 201 KB, the view's layout 1-2 KB (+2 KB: the figure chooser lists the graphs the user imported, and a link to one waits for them; +1 KB: growth from the latest merges, to be won back)

const html = readFileSync(resolve(dist, 'index.html'), 'utf8');
const chunks = [
  ...html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g),
  ...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g),
].map((m) => m[1]!);
if (!chunks.length) {
  console.error('no start-up script found in dist/index.html: run npm run build first');
  process.exit(1);
}
let total = 0;
let failed = false;
for (const href of chunks) {
  const file = resolve(dist, href.replace(/^\.?\//, ''));
  const gz = gzipSync(readFileSync(file), { level: 9 }).length;
  total += gz;
  const name = href.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '');
  const budget = BUDGETS[name] ?? BUDGETS['*']!;
  const over = gz > budget;
  failed ||= over;
  console.log(`${over ? 'OVER' : 'ok  '} ${name.padEnd(16)} ${(gz / KB).toFixed(1).padStart(6)} KB of ${(budget / KB).toFixed(0)} KB`);
}
const over = total > TOTAL;
failed ||= over;
console.log(`${over ? 'OVER' : 'ok  '} ${'start-up total'.padEnd(16)} ${(total / KB).toFixed(1).padStart(6)} KB of ${(TOTAL / KB).toFixed(0)} KB (${chunks.length} chunks)`);
if (failed) {
  console.error('A start-up chunk is over its budget: load the new code on demand (dynamic import, React.lazy) or justify a new budget.');
  process.exit(1);
}
