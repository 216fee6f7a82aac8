/**
 * npm run budget (after npm run build; CI runs it): fails when a chunk on the start-up path is over its budget.
 * The start-up path is what the page loads before the first figure is interactive: the entry script of
 * dist/index.html and every chunk it preloads (the app's start and its static imports, the canvas, the view's layout). Sizes are gzipped (level 9, as served).
 * Everything else (atlas and compare code, export encoders, elkjs, layouts of other views) loads on demand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(import.meta.dirname, '..', 'dist');
const KB = 1024;
/** Budgets by chunk name (the part before the content hash), in gzipped bytes; `*` is any other start-up chunk. */
const BUDGETS: Record<string, number> = {
  cytoscape: 105 * KB, // the drawing library, built without the algorithms, layouts and WebGL renderer the app never uses (scripts/vite-cytoscape-core.ts): 101 KB gzipped, 136 KB whole
  react: 70 * KB, // react + react-dom client
  index: 1.5 * KB, // the page's entry script: it starts the app once the first picture is on screen (src/main.tsx, prerender/after-first-paint.ts), 0.8 KB
  start: 13.5 * KB, // the app shell (in the entry chunk, index, until the app's start waited for the first picture): header, details, legend, search, text version (12.9 KB with the loader of each figure's data on demand, state/data.ts: it saves 31–38 KB of model data per start; 12.1 KB before it)
  atoms: 13 * KB, // state, the view model, jotai, the compact layouts of the atlas and compare (12.2 KB with the per-state atlas layout cache and the stage's measured shape)
  'graph-canvas': 13.75 * KB, // (13.75 KB since a source toggle's move is one animation for every node and its edges come back painted into the layered bitmaps ahead, node-move.ts, and a new drawing's kept elements keep their data and overlay, element-diff.ts and use-overlay.ts, about 0.3 KB: the move's frames and the frame that shows the edges were the longest tasks of a toggle, issue #10 point 5; 13.5 KB since Cytoscape's activation of a pressed node is inert, use-interaction.ts, about 0.1 KB: the press and the release each made a frame draw every element, the longest tasks of a click on the compare page, issue #10 point 3; 13.25 KB since a click's selection is set on the canvas after the frame that shows its details, only on the elements it changes, its styles computed in slices, use-interaction.ts, about 0.2 KB: the click's own task and the frame after it were the longest of a click, issue #10 point 3) the canvas component (graph-view), loaded with Cytoscape through lazy-graph-canvas.tsx (13 KB since a new drawing's textures are painted ahead, the frame's first computations done before it, and the atlas painted into Cytoscape's layered bitmaps before it is shown (texture-warm.ts, rendered-sizes.ts, deferred-styles.ts), so that the first atlas frame only copies bitmaps, issue #10 point 5; 12 KB since rendered-sizes.ts and since Cytoscape is made in one task and given its drawing in the next, use-cytoscape.ts, with a first fit that measures no element, use-viewport.ts, about 0.1 KB: the start-up's longest task split in two; about 0.3 KB, which every view's first frame uses: it measures label boxes and edge routes ahead in slices, so that the frame showing a drawing, a move or a restyle only draws, issue #10 point 5; before it 11.5 KB, and at first 11.0 KB: big-drawing.ts, which any drawing may need at once for an import of thousands of elements, and the sliced first drawing and edge-free move of node-move.ts and texture-warm.ts, which every view's first frame uses; 0.35 KB of it since the component was split into hooks with one job each, whose shared state and options cannot be minified away); the start-up total stays 230 KB
  '*': 5 * KB,
};
const TOTAL = 230 * KB; // cytoscape 101 KB and react-dom 66 KB of it; the app's own code and the view's layout the rest

const startChunks = (page: string) => {
  const html = readFileSync(resolve(dist, page), 'utf8');
  // (The entry script is named by the page's inline script, which adds it after the first picture, and the app's own
  // chunks are listed in an inert <template> that it then puts into the head, scripts/prerender.ts and
  // src/prerender/boot.ts: counted like the page's own scripts and preloads, each once.)
  const hrefs = [
    ...html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<script [^>]*data-entry="([^"]+)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!);
  return [...new Set(hrefs)];
};
const gzipped = (href: string) => gzipSync(readFileSync(resolve(dist, href.replace(/^\.?\//, ''))), { level: 9 }).length;
const chunks = startChunks('index.html');
if (!chunks.length) {
  console.error('no start-up script found in dist/index.html: run npm run build first');
  process.exit(1);
}
let total = 0;
let failed = false;
for (const href of chunks) {
  const gz = gzipped(href);
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
// Every other prerendered page (each figure, the atlas, compare) starts with the same scripts and its own layout:
// the same total applies.
// The 180 compare pairs' own pages are summed up in one line: their largest.
const sizes = new Map<string, number>();
const pairs: [string, number, number][] = [];
for (const page of readdirSync(dist).filter((f) => f.endsWith('.html') && f !== 'index.html').sort()) {
  const own = startChunks(page);
  const sum = own.reduce((n, href) => n + (sizes.get(href) ?? sizes.set(href, gzipped(href)).get(href)!), 0);
  const over = sum > TOTAL;
  failed ||= over;
  if (page.startsWith('compare-') && !over) pairs.push([page, sum, own.length]);
  else console.log(`${over ? 'OVER' : 'ok  '} ${page.padEnd(16)} ${(sum / KB).toFixed(1).padStart(6)} KB of ${(TOTAL / KB).toFixed(0)} KB (${own.length} chunks)`);
}
// The fonts a page's first picture is drawn with (font-display: block): the two small Inter faces of the app's
// characters (npm run start-fonts), 11.6 and 12.1 KB, which the page carries in itself as data: URLs
// (scripts/prerender.ts: each preloaded and in its own style rule; counted once), and any font file it preloads; @fontsource's files for a script would be 24 KB each.
const FONT_BUDGET = 14 * KB;
const FONTS_TOTAL = 28 * KB;
for (const page of readdirSync(dist).filter((f) => f.endsWith('.html') && !f.startsWith('compare-')).sort()) {
  const html = readFileSync(resolve(dist, page), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="preload" href="((?!data:)[^"]+)" as="font"/g)].map((m) => [m[1]!, readFileSync(resolve(dist, m[1]!.replace(/^\.?\//, ''))).length] as const);
  const inline = [...html.matchAll(/font-weight:(\d+);src:url\(data:font\/woff2;base64,([^)]+)\)/g)].map((m) => [`in the page (${m[1]})`, Buffer.from(m[2]!, 'base64').length] as const);
  const fonts = [...inline, ...preloaded];
  const sum = fonts.reduce((n, [, b]) => n + b, 0);
  const over = sum > FONTS_TOTAL || fonts.some(([, b]) => b > FONT_BUDGET);
  failed ||= over;
  if (over || page === 'index.html')
    console.log(`${over ? 'OVER' : 'ok  '} ${`${page} fonts`.padEnd(16)} ${(sum / KB).toFixed(1).padStart(6)} KB of ${(FONTS_TOTAL / KB).toFixed(0)} KB (${fonts.map(([f, b]) => `${f.replace(/^.*\//, '')} ${(b / KB).toFixed(1)} KB`).join(', ')})`);
}
if (pairs.length) {
  const [page, sum, n] = pairs.reduce((a, b) => (b[1] > a[1] ? b : a));
  console.log(`ok   ${pairs.length} compare pair pages, the largest ${page}: ${(sum / KB).toFixed(1)} KB of ${(TOTAL / KB).toFixed(0)} KB (${n} chunks)`);
}
if (failed) {
  console.error('A start-up chunk is over its budget: load the new code on demand (dynamic import, React.lazy) or justify a new budget.');
  process.exit(1);
}
