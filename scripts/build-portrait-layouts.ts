/**
 * Portrait layouts for phones (src/layout/portrait.ts), called by `npm run layouts` (scripts/build-layouts.ts):
 * every figure laid out top to bottom in each shape of PORTRAIT_SHAPES, keeping the lowest drawing that is at most
 * PORTRAIT_MAX_WIDTH wide, with no more edge crossings than dagre (none where dagre has none), no edge through a
 * node that is not one of its ends and no overlapping boxes. One file per figure in src/generated/portrait-layouts/.
 * With `check`, only tells whether the stored files are those of the figures as they are now.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { drawingBox } from '../src/layout/drawing-box.ts';
import { layoutFileName } from '../src/layout/layout-files.ts';
import { overlappingNodes } from '../src/layout/overlap.ts';
import {
  phoneFitRatios,
  PORTRAIT_LAYOUTS_DIR,
  PORTRAIT_MAX_WIDTH,
  PORTRAIT_SEEDS,
  PORTRAIT_SHAPES,
  portraitKey,
  portraitLayoutInput,
  type PortraitLayoutFile,
  type PortraitShape,
} from '../src/layout/portrait.ts';
import { countCrossings, edgesThroughNodes, routesOf } from '../src/layout/quality.ts';
import { layoutHash, type LayoutEngine, type Positions } from '../src/layout/types.ts';
import { figureView, type GraphView } from '../src/model/view.ts';
import type { Model } from '../src/model/types.ts';
import { NODE_FONT_SIZE } from '../src/theme/kinds.ts';
import { dagreLayout } from '../tests/helpers/dagre.ts';

const OUT = resolve(import.meta.dirname, '..', PORTRAIT_LAYOUTS_DIR);
const fileOf = (key: string) => resolve(OUT, layoutFileName(key));

/** Problems with the stored portrait layouts (stale, missing or extra files), empty when they are up to date. */
export function checkPortraitLayouts(model: Model): string[] {
  const problems: string[] = [];
  const wanted = new Set<string>();
  for (const f of model.figures) {
    const view = figureView(model, f.id)!;
    const key = portraitKey(view.key);
    wanted.add(layoutFileName(key));
    const file = existsSync(fileOf(key)) ? (JSON.parse(readFileSync(fileOf(key), 'utf8')) as PortraitLayoutFile) : undefined;
    if (!file || file.key !== key || file.hash !== layoutHash(portraitLayoutInput(view, file.shape))) problems.push(`${key} (stale or missing)`);
  }
  if (existsSync(OUT)) for (const f of readdirSync(OUT)) if (!wanted.has(f)) problems.push(`${PORTRAIT_LAYOUTS_DIR}/${f} (no such figure)`);
  return problems;
}

/** A figure's portrait drawing, as `npm run layouts` picks it: the best shape of PORTRAIT_SHAPES (see above); none when no shape has a clean drawing. */
export async function bestPortrait(view: GraphView, engine: LayoutEngine): Promise<PortraitChoice | undefined> {
  let best: PortraitChoice | undefined;
  for (const first of PORTRAIT_SHAPES) {
    // A shape whose drawing crosses more than dagre's gets another try with each of PORTRAIT_SEEDS.
    for (const seed of [undefined, ...PORTRAIT_SEEDS]) {
      const shape = seed ? { ...first, seed } : first;
      const input = portraitLayoutInput(view, shape);
      const positions = await engine.layout(input, { timeoutMs: 120_000 });
      const routes = routesOf(input, positions);
      const crossings = countCrossings(routes);
      const dagre = countCrossings(dagreLayout(input).routes);
      if (!(dagre === 0 ? crossings === 0 : crossings <= dagre)) continue;
      if (edgesThroughNodes(input, positions, routes).length || overlappingNodes(input, positions).length) break;
      const b = drawingBox(view, positions);
      const [width, height] = [b.x2 - b.x1, b.y2 - b.y1];
      // Narrow enough first; then the lowest (most of it on screen at once); then the fewest crossings.
      const fits = (w: number) => w <= PORTRAIT_MAX_WIDTH;
      const better =
        !best ||
        (fits(width) && !fits(best.width)) ||
        (fits(width) === fits(best.width) && (fits(width) ? height < best.height - 1 || (height <= best.height + 1 && crossings < best.crossings) : width < best.width));
      if (better) best = { shape, positions, width, height, crossings };
      break;
    }
  }
  return best;
}

/** A portrait drawing picked by bestPortrait: its shape, positions, size and crossings. */
export interface PortraitChoice {
  shape: PortraitShape;
  positions: Positions;
  width: number;
  height: number;
  crossings: number;
}

/** Lays out every figure for a phone and writes the files; returns false (after saying why) when one has no clean drawing. */
export async function buildPortraitLayouts(model: Model, engine: LayoutEngine): Promise<boolean> {
  const out: PortraitLayoutFile[] = [];
  let ok = true;
  for (const f of model.figures) {
    const view = figureView(model, f.id)!;
    const t0 = performance.now();
    const best = await bestPortrait(view, engine);
    const key = portraitKey(view.key);
    if (!best) {
      ok = false;
      console.error(`${key}: no portrait shape without more crossings than dagre, edges through nodes or overlapping boxes`);
      continue;
    }
    if (best.width > PORTRAIT_MAX_WIDTH) {
      ok = false;
      console.error(`${key}: the narrowest portrait drawing is ${Math.round(best.width)} px wide, more than ${PORTRAIT_MAX_WIDTH}`);
    }
    const whole = phoneFitRatios(best.width, best.height, NODE_FONT_SIZE);
    console.log(
      `${key.padEnd(26)} ${JSON.stringify(best.shape)}  ${Math.round(best.width)}×${Math.round(best.height)} px  ${best.crossings} crossings  ` +
        `whole figure at ${whole.map((r) => `${(r * 9).toFixed(1)}`).join(' / ')} px on the phones  ${(performance.now() - t0).toFixed(0)} ms`,
    );
    out.push({ key, shape: best.shape, ...best.positions });
  }
  if (!ok) return false;
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  for (const file of out) writeFileSync(fileOf(file.key), JSON.stringify(file) + '\n');
  console.log(`wrote ${PORTRAIT_LAYOUTS_DIR}/ (${out.length} figures)`);
  return true;
}

// `tsx scripts/build-portrait-layouts.ts`: the portrait layouts alone (npm run layouts makes them with the rest).
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const { loadModelOrExit } = await import('./load-model.ts');
  const { createInProcessEngine } = await import('../src/layout/in-process.ts');
  if (!(await buildPortraitLayouts(loadModelOrExit(), createInProcessEngine()))) process.exit(1);
}
