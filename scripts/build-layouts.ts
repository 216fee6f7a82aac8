/**
 * npm run layouts [-- --check]
 * Lays out every shipped view (each figure, the atlas) with ELK in Node and writes one file per view into
 * src/generated/layouts/ (layout-files.ts names them), which the app loads, per view, instead of running ELK. Fails if any two node boxes overlap or an edge runs through a node
 * that is not one of its ends; prints each view's edge crossings. With --check, fails when the
 * committed file is out of date with graphs/ (CI runs this).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInProcessEngine } from '../src/layout/in-process.ts';
import { layoutInput } from '../src/layout/layout-input.ts';
import { drawingBox } from '../src/layout/drawing-box.ts';
import { fitRatios, type FigureShape } from '../src/layout/figure-shape.ts';
import { NODE_FONT_SIZE } from '../src/theme/kinds.ts';
import { layoutFileName, LAYOUTS_DIR, type LayoutFile } from '../src/layout/layout-files.ts';
import { overlappingNodes } from '../src/layout/overlap.ts';
import { precomputedViews } from '../src/layout/precomputed-views.ts';
import { countCrossings, edgesThroughNodes, routesOf } from '../src/layout/quality.ts';
import { layoutHash, LAYOUT_VERSION, type Positions } from '../src/layout/types.ts';
import { loadModelOrExit } from './load-model.ts';
import { bestShape } from './figure-search.ts';
import { buildPortraitLayouts, checkPortraitLayouts } from './build-portrait-layouts.ts';

const OUT = resolve(import.meta.dirname, '..', LAYOUTS_DIR);
const SHAPES_FILE = resolve(import.meta.dirname, '..', 'src/generated/figure-shapes.json');
const check = process.argv.includes('--check');
const model = loadModelOrExit();
const views = precomputedViews(model);
const fileOf = (key: string) => resolve(OUT, layoutFileName(key));
const clash = views.find((v, i) => views.findIndex((w) => layoutFileName(w.key) === layoutFileName(v.key)) !== i);
if (clash) {
  console.error(`two views would share the layout file ${layoutFileName(clash.key)}: rename one`);
  process.exit(1);
}
const read = (key: string) => (existsSync(fileOf(key)) ? (JSON.parse(readFileSync(fileOf(key), 'utf8')) as LayoutFile) : undefined);

if (check) {
  const stale = views.filter((v) => {
    const f = read(v.key);
    return f?.key !== v.key || f.hash !== layoutHash(layoutInput(v));
  });
  const wanted = new Set(views.map((v) => layoutFileName(v.key)));
  const extra = existsSync(OUT) ? readdirSync(OUT).filter((f) => !wanted.has(f)) : [];
  if (stale.length || extra.length) {
    console.error(
      `${LAYOUTS_DIR}/ is out of date: ${[...stale.map((v) => `${v.key} (stale or missing)`), ...extra.map((f) => `${f} (no such view)`)].join(', ')}: run npm run layouts`,
    );
    process.exit(1);
  }
  // Phones' portrait layouts (scripts/build-portrait-layouts.ts).
  const portrait = checkPortraitLayouts(model);
  if (portrait.length) {
    console.error(`portrait layouts out of date: ${portrait.join(', ')}: run npm run layouts`);
    process.exit(1);
  }
  console.log(`layouts up to date (${views.length} views)`);
  process.exit(0);
}

const engine = createInProcessEngine();
const out: Record<string, Positions> = {};
const shapes: Record<string, FigureShape> = {};
let failed = false;

for (const view of views) {
  let input = layoutInput(view);
  const t0 = performance.now();
  let positions: Positions;
  if (view.key.startsWith('figure:')) {
    const best = await bestShape(view, engine);
    ({ input, positions } = best);
    if (best.shape) shapes[view.key] = best.shape;
  } else positions = await engine.layout(input, { timeoutMs: 120_000 });
  const ms = performance.now() - t0;
  const overlaps = overlappingNodes(input, positions);
  if (overlaps.length) {
    failed = true;
    console.error(`${view.key}: overlapping nodes ${overlaps.map((p) => p.join(' / ')).join(', ')}`);
  }
  const routes = routesOf(input, positions);
  const through = edgesThroughNodes(input, positions, routes);
  if (through.length && view.key !== 'atlas') {
    failed = true;
    console.error(`${view.key}: edges through nodes ${through.map((p) => p.join(' through ')).join(', ')}`);
  }
  const box = drawingBox(view, positions);
  const shape = shapes[view.key];
  console.log(
    `${view.key.startsWith('figure:') ? `shape ${JSON.stringify(shape ?? 'default')}, zoom ÷ floor's zoom ${fitRatios(box.x2 - box.x1, box.y2 - box.y1, NODE_FONT_SIZE).map((r) => r.toFixed(2)).join(' / ')}\n` : ''}${view.key.padEnd(16)} ${String(input.nodes.length).padStart(4)} nodes ${String(input.edges.length).padStart(4)} edges  ${Math.round(positions.width)}×${Math.round(positions.height)} px  ` +
      `${countCrossings(routes)} crossings, ${through.length} edges through nodes  ${ms.toFixed(0)} ms`,
  );
  out[view.key] = positions;
}
if (failed) process.exit(1);
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const [key, positions] of Object.entries(out)) writeFileSync(fileOf(key), JSON.stringify({ key, ...positions }) + '\n');
writeFileSync(SHAPES_FILE, JSON.stringify(shapes, null, 2) + '\n');
// Phones: every figure laid out top to bottom too (scripts/build-portrait-layouts.ts).
if (!(await buildPortraitLayouts(model, engine))) process.exit(1);
console.log(`wrote ${LAYOUTS_DIR}/ (${views.length} views, layout version ${LAYOUT_VERSION})`);
