/**
 * Cytoscape for the browser build, compiled from its own ES modules (node_modules/cytoscape/src) without the parts
 * this app never calls, so the start-up script is smaller:
 *  - the graph-theory algorithms on collections (Dijkstra, A*, PageRank, clustering, centralities…), except
 *    breadth- and depth-first search, which `components()` uses;
 *  - the layouts other than `preset`, `null` and `grid` (positions come from ELK, precomputed or in a worker; a new
 *    core with elements runs `grid` by default);
 *  - the experimental WebGL renderer (`webgl: true` is never asked for; the canvas renderer draws).
 * The published bundle (dist/cytoscape.esm.mjs) is the same code built with Rollup; the sources need the lodash
 * helpers it inlines (a build-time dependency here). Tests and the dev server keep the published bundle.
 * Calling a removed algorithm or layout fails loudly: a missing method, or Cytoscape's "No such layout" error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const root = resolve(import.meta.dirname, '..', 'node_modules', 'cytoscape');
const src = resolve(root, 'src');
const at = (path: string) => resolve(src, path);

/** The source modules replaced, by path, with what stands in for them. */
const STAND_INS: Record<string, string> = {
  [at('collection/algorithms/index.mjs')]: `import bfsDfs from './bfs-dfs.mjs';\nexport default Object.assign({}, bfsDfs);\n`,
  [at('extensions/layout/index.mjs')]: [
    `import nullLayout from './null.mjs';`,
    `import presetLayout from './preset.mjs';`,
    `import gridLayout from './grid.mjs';`,
    `export default [{ name: 'grid', impl: gridLayout }, { name: 'null', impl: nullLayout }, { name: 'preset', impl: presetLayout }];`,
    '',
  ].join('\n'),
  [at('extensions/renderer/canvas/webgl/drawing-redraw-webgl.mjs')]: [
    'export default {',
    `  initWebgl() { throw new Error('This build of Cytoscape draws with the canvas renderer only (no webgl).'); },`,
    '};',
    '',
  ].join('\n'),
};

export function cytoscapeCore(): Plugin {
  const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    name: 'cytoscape-core',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      // A Cytoscape release that moved these files would otherwise be bundled whole, unnoticed until the budget.
      const gone = [at('index.mjs'), at('version.mjs'), ...Object.keys(STAND_INS)].filter((f) => !existsSync(f));
      if (gone.length) this.error(`cytoscape-core: Cytoscape ${version} has no ${gone.join(', ')}; update scripts/vite-cytoscape-core.ts`);
    },
    resolveId(id) {
      if (id === 'cytoscape') return at('index.mjs');
    },
    load(id) {
      if (id in STAND_INS) return STAND_INS[id];
      // The published build writes these in with @rollup/plugin-replace.
      if (id === at('version.mjs')) return `export default ${JSON.stringify(version)};\n`;
    },
    transform(code, id) {
      if (id.startsWith(src) && code.includes('process.env.NODE_ENV')) return { code: code.replaceAll('process.env.NODE_ENV', '"production"'), map: null };
    },
  };
}
