// @ts-check
/**
 * Mutation testing (`npm run mutation`): StrykerJS plants small bugs ("mutants") in the code below, one at a time,
 * and runs the unit tests against each; a mutant no test notices "survives". Targets: 85% on src/model and
 * src/state, 75% on export and the pure parts of layout and graph-view.
 *
 * Run one folder at a time with MUTATE_SCOPE=model|state|export|layout|graph-view (each fails below its target), or
 * one file with MUTATE_FILE=src/<folder>/<file>.ts (the quick way to measure a file with the type checker on);
 * `ci` (the state and the model files listed in MODEL_IN_CI) is what CI runs (`npm run mutation:ci`) in incremental mode: only mutants
 * in code or under tests changed since reports/stryker-incremental-ci.json (committed) are run again.
 * MUTATE_CONCURRENCY, MUTATE_CHECK=0 (no type checker), MUTATE_STATIC=0 (leave out static mutants, below), MUTATE_FRESH=1 (ignore earlier results), MUTATE_JSON
 * (report file), MUTATE_INCREMENTAL (earlier results file) and MUTATE_TESTS (only the named tests, see
 * vitest.mutation.config.ts) tune a run.
 *
 * A surviving mutant is either killed by a new test or marked equivalent where it lives, with a
 * `// Stryker disable next-line <mutator>: <reason>` comment giving the reason (Stryker's own mechanism).
 * Stryker 9.6 makes no mutant of anything inside `expr as T` (`as const` included; stryker-js#6208): where the types allow, tables and option objects are written without it, so that they are measured.
 */
import { existsSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const scope = process.env.MUTATE_SCOPE ?? 'all';

/** The model: pure TypeScript, no React, no drawing (85% target). */
const MODEL = ['src/model/**/*.ts'];
/**
 * The state (85% target): the atoms, the URL mirror, the shape and defaults of the user's choices, and the data loaded
 * as the views need it. The React hooks around them are component-tested.
 */
const STATE = ['src/state/atoms.ts', 'src/state/choices.ts', 'src/state/data.ts', 'src/state/keep-equal.ts', 'src/state/url.ts'];
/** Export (75% target). */
const EXPORT = [
  'src/export/**/*.ts',
  // download.ts clicks a temporary link in the DOM; image.ts draws on a real canvas: both are browser-tested.
  '!src/export/download.ts',
  '!src/export/image.ts',
];
/**
 * The pure parts of layout (75% target): ELK's input/output mapping, options, measuring, overlap, timeout, the
 * compact and difference layouts, the atlas's label room, layout quality, the figure shapes and their split
 * columns, the phone's portrait shapes and the force layout of big imports. Left out:
 * the files that run ELK itself (in-process.ts, worker-engine.ts, import-layout.ts), which the layout and browser
 * tests cover.
 * A run over one file (MUTATE_FILE) runs only the tests TESTS_FOR names for it, the ones that import it: the tests
 * that run ELK (layout.test.ts) or fast-check properties take seconds per mutant and reach no
 * more of these files. force-layout.ts keeps its slow force-layout test (26 s): its big graphs are what the
 * multilevel code is for.
 */
const LAYOUT = [
  'src/layout/compact.ts',
  'src/layout/difference-layout.ts',
  'src/layout/drawing-box.ts',
  'src/layout/elk-graph.ts',
  'src/layout/elk-options.ts',
  'src/layout/figure-shape.ts',
  // d3-force for imports over 300 nodes: pure (no worker, no DOM), unit-tested in Node.
  'src/layout/force-layout.ts',
  'src/layout/label-room.ts',
  'src/layout/layout-files.ts',
  'src/layout/layout-input.ts',
  'src/layout/layout-service.ts',
  'src/layout/measure.ts',
  'src/layout/overlap.ts',
  'src/layout/portrait.ts',
  'src/layout/precomputed-views.ts',
  'src/layout/quality.ts',
  'src/layout/split-bands.ts',
  'src/layout/timeout.ts',
  'src/layout/twin-layout.ts',
  'src/layout/types.ts',
];
/**
 * The pure parts of graph-view (75% target): element and style mapping, label level of detail, source marks,
 * fitting, the headless-testable restyle scheduler, the canvas's busy mark (canvas-work.ts) and the props diff
 * (element-diff.ts). The canvas components are browser-tested.
 * Left out, though each has unit tests with stand-ins: the files whose work is to reach into Cytoscape's canvas
 * renderer or the page, where whether the real renderer does what they assume is the question only a real canvas
 * answers (a stand-in built from our idea of its internals can only agree with that idea):
 * rendered-sizes.ts (the renderer’s per-element sizes, switching.e2e), texture-warm.ts (its
 * texture caches and layered bitmaps, switching.e2e), big-drawing.ts (React effects staging a drawing into the
 * layered cache, import-scale.e2e), node-move.ts (Cytoscape's animation frames, switching.e2e; no unit test), and
 * container-place.ts (pointer events against the renderer's cached container box, canvas-place.e2e).
 */
const GRAPH_VIEW = [
  'src/graph-view/canvas-work.ts',
  'src/graph-view/container-style.ts',
  'src/graph-view/deferred-styles.ts',
  'src/graph-view/draw-turns.ts',
  'src/graph-view/element-diff.ts',
  'src/graph-view/elements.ts',
  'src/graph-view/fit.ts',
  'src/graph-view/label-lod.ts',
  'src/graph-view/overlay-styles.ts',
  'src/graph-view/source-marks.ts',
  'src/graph-view/stylesheet.ts',
];
/**
 * The model files whose results are committed with the state's in reports/stryker-incremental-ci.json, so that
 * CI runs them incrementally. The rest of the model is measured with MUTATE_SCOPE=model; a file joins this list
 * once its results are committed too (without them CI would run every one of its mutants: hours on 2 cores).
 * To measure one file into that committed report: `MUTATE_SCOPE=ci MUTATE_CONCURRENCY=1 npx stryker run --mutate
 * src/model/<file>.ts` (Stryker keeps the other files' results in the incremental file and adds this one's).
 */
const MODEL_IN_CI = [
  'src/model/compare.ts',
  'src/model/describe.ts',
  'src/model/evidence.ts',
  'src/model/import-limits.ts',
  'src/model/match.ts',
  'src/model/normalize.ts',
  'src/model/overlay.ts',
  'src/model/paths.ts',
  'src/model/search.ts',
  'src/model/surroundings.ts',
  'src/model/xref.ts',
];
/**
 * What CI mutates (`npm run mutation:ci`): the state and those model files, with their results committed in
 * reports/stryker-incremental-ci.json so that only mutants in changed code or under changed tests run again.
 */
const CI = [...STATE, ...MODEL_IN_CI];
const SCOPES = {
  model: MODEL,
  state: STATE,
  export: EXPORT,
  layout: LAYOUT,
  'graph-view': GRAPH_VIEW,
  ci: CI,
  all: [...MODEL, ...STATE, ...EXPORT, ...LAYOUT, ...GRAPH_VIEW],
};
/**
 * The unit tests that reach each file measured one at a time (MUTATE_FILE, below). Other tests
 * may reach the file on the way to their own, but add nothing these do not check, and make every mutant slower.
 */
const TESTS_FOR = {
  'src/graph-view/canvas-work.ts': 'canvas-work',
  'src/graph-view/container-style.ts': 'graph-view-pure',
  'src/graph-view/deferred-styles.ts': 'deferred-styles,deferred-styles-slices,deferred-styles-phases',
  'src/graph-view/draw-turns.ts': 'draw-turns',
  'src/graph-view/element-diff.ts': 'element-diff',
  'src/graph-view/elements.ts': 'graph-view-pure',
  'src/graph-view/fit.ts': 'graph-view-pure,atlas-room-atoms,rough-fit',
  'src/graph-view/label-lod.ts': 'graph-view-pure,atlas-room-atoms',
  'src/graph-view/overlay-styles.ts': 'graph-view-pure',
  'src/graph-view/source-marks.ts': 'source-marks',
  'src/graph-view/stylesheet.ts': 'stylesheet',
  'src/layout/compact.ts': 'compact-grid,difference-layout-pure',
  'src/layout/difference-layout.ts': 'difference-layout-pure,room-search',
  'src/layout/force-layout.ts': 'force-layout-parts,force-layout-small,force-layout',
  'src/layout/drawing-box.ts': 'layout-pure,figure-shape,layout-quality,portrait-layout',
  'src/layout/elk-graph.ts': 'layout-pure',
  'src/layout/elk-options.ts': 'layout-pure,elk-drawing',
  'src/layout/figure-shape.ts': 'figure-shape-pure,figure-shape,layout-input,elk-drawing,figure-search',
  'src/layout/label-room.ts': 'label-room-geometry,label-room,difference-layout-pure,twin-layout',
  'src/layout/layout-files.ts': 'layout-pure',
  'src/layout/layout-input.ts': 'layout-input,figure-shape,layout-service-pure,portrait-pure',
  'src/layout/overlap.ts': 'layout-pure,portrait-layout,force-layout-small',
  'src/layout/layout-service.ts': 'layout-service-pure',
  'src/layout/portrait.ts': 'portrait-pure,portrait-layout,layout-service-pure,portrait-search',
  'src/layout/quality.ts': 'quality-geometry',
  'src/layout/split-bands.ts': 'split-bands,split-bands-cuts,figure-shape-pure,portrait-pure',
  'src/layout/timeout.ts': 'layout-pure',
  'src/layout/twin-layout.ts': 'twin-layout-pure,twin-layout',
  'src/layout/types.ts': 'layout-pure,layout-service-pure,figure-shape,portrait-layout',
  'src/layout/measure.ts': 'measure,measure-boxes,label-room,label-room-geometry',
  'src/layout/precomputed-views.ts': 'layout-pure',
  'src/export/bibliography.ts': 'bibliography,references,export,retraction',
  'src/export/content.ts': 'export-content,export,retraction,slide-fit,pdf',
  'src/export/evidence-csv.ts': 'evidence-csv,export,retraction',
  'src/export/export-fonts.ts': 'export-fonts',
  'src/export/overview.ts': 'overview',
  'src/export/page-size.ts': 'export-sizes,slide-fit,pdf',
  'src/export/painter.ts': 'painter,compose,pptx-painter',
  'src/export/png-dpi.ts': 'export-sizes,export',
  'src/export/size.ts': 'export-sizes,export',
  'src/export/slide-fit.ts': 'slide-fit-pure,slide-fit',
  'src/export/compose.ts': 'compose,export-sizes,export,export-content,overview,painter,pdf-painter,pdf,pptx-painter,retraction,slide-fit-pure,slide-fit',
  'src/export/pdf.ts': 'pdf,pdf-painter',
  'src/export/pptx.ts': 'pptx-painter',
  'src/export/scene.ts': 'scene,compose,export,marks,overview,painter,pptx-painter,layout-quality',
  'src/export/svg-path.ts': 'svg-path,pptx-painter,pdf-painter,pdf',
  'src/export/ttf.ts': 'ttf,pdf,start-fonts',
  'src/model/csl.ts': 'csl,csl-pages,references,retraction,bibliography',
  'src/model/import-convert.ts': 'import-convert,import-limits',
  'src/model/imported.ts': 'import-convert,import-limits,atoms,storage,state-imports,url',
  'src/model/json-locate.ts': 'json-locate,json-locate-edges,format-readers',
  'src/model/retraction.ts': 'retraction',
  // Its mutants are static (the schema is built at import): each runs all of these tests.
  'src/model/schema.ts': 'schema-json,schema-required,schema-messages,schema-tables,relation-sign,link-templates,validate-rules',
  'src/model/view.ts': 'view,view-sides,model-parts,compare,overlay,overlay-sources,overlay-filters',
  'src/model/validate.ts': 'validate,validate-rules,schema-messages,schema-required,atoms,compare,overlay,overlay-sources,url-edges,view',
  'src/model/compare.ts': 'compare,atoms',
  'src/model/describe.ts': 'describe',
  'src/model/evidence.ts': 'evidence-search,content',
  'src/model/normalize.ts': 'evidence-search,content',
  'src/model/overlay.ts': 'overlay,overlay-filters,overlay-sources',
  'src/model/paths.ts': 'paths,overlay,overlay-sources',
  'src/model/xref.ts': 'xref,link-templates',
  'src/state/atoms.ts': 'atoms,atlas-room-atoms,data-loading,data-requests,state-more,switch-state,selection-state,state-imports,url,url-edges,positions-variant',
  'src/state/data.ts': 'data-loading,data-requests',
  'src/state/url.ts': 'url,url-edges,state-more,data-loading',
};

/**
 * The fewest library typings the files type-check with: the ECMAScript library alone, or with the DOM's; else the
 * project's own (`{}`: tsconfig.json's lib and types). The checker re-reads every typing file of its program for
 * each mutant (TypeScript's build mode keeps no parsed file from one build to the next), and the DOM's alone are
 * 40,000 lines: measured on a loaded machine, a mutant of validate.ts took 863 ms of checker CPU with the project's
 * typings and 305 ms with ECMAScript's alone; one of compose.ts (which draws on a canvas: DOM) 1,108 and 663 ms.
 * @param {string[]} roots
 */
function smallestLib(roots) {
  const base = ts.getParsedCommandLineOfConfigFile('tsconfig.json', {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!base) return {};
  const dom = ['ES2023', 'DOM', 'DOM.Iterable'];
  // Vite's typings for the `?url` imports of the fonts the PDF embeds.
  for (const [lib, types] of [[['ES2023'], []], [dom, []], [dom, ['vite/client']]]) {
    const program = ts.createProgram(roots, { ...base.options, types, lib: lib.map((l) => `lib.${l.toLowerCase()}.d.ts`) });
    if (ts.getPreEmitDiagnostics(program).length === 0) return { types, lib };
  }
  return {};
}

/**
 * MUTATE_FILE=src/export/compose.ts (several comma-separated): a run over those files alone, with the TypeScript
 * checker, at a cost a 2-core machine can afford:
 * - the checker's program is those files and what they import (tsconfig.mutation-file.json, written here), so a
 *   mutant re-checks one file, not every importer of it; with the fewest library typings it needs (above); and
 *   with several files, the checker checks at once mutants of files that do not import each other;
 * - only the tests in TESTS_FOR run (MUTATE_TESTS, when set, wins);
 * - the run is incremental on its own results (reports/mutation/incremental-<file>.json): run again after new
 *   tests or marks, only the mutants in changed code or under changed tests are tested again.
 * A model or state file is held to 85%, any other to 75%.
 */
const files = (process.env.MUTATE_FILE ?? '').split(',').map((f) => f.trim()).filter(Boolean);
if (files.length) {
  for (const file of files) if (!existsSync(file)) throw new Error(`MUTATE_FILE: no file ${file}`);
  writeFileSync('tsconfig.mutation-file.json', `${JSON.stringify({ '//': 'Written by stryker.config.mjs for MUTATE_FILE', extends: './tsconfig.json', compilerOptions: smallestLib(files), include: files }, null, 2)}\n`);
  const tests = files.map((f) => TESTS_FOR[/** @type {keyof typeof TESTS_FOR} */ (f)]);
  if (!process.env.MUTATE_TESTS && tests.every(Boolean)) process.env.MUTATE_TESTS = [...new Set(tests.join(',').split(','))].join(',');
}
const fileName = files.map((f) => f.replace(/^src\//, '').replace(/\.ts$/, '').replaceAll('/', '-')).join('+');

const mutate = files.length ? files : SCOPES[/** @type {keyof typeof SCOPES} */ (scope)];
if (!mutate) throw new Error(`MUTATE_SCOPE=${scope}: expected one of ${Object.keys(SCOPES).join(', ')}`);
/** Scopes held to 85% (the run fails below it); the others to 75%. */
const HIGH = files.length ? files.every((f) => /^src\/(model|state)\//.test(f)) : scope === 'model' || scope === 'state' || scope === 'ci';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // The TypeScript checker drops mutants that would not compile (counted as "compile errors", outside the score),
  // so that a mutant no test could run is not counted as survived. It checks only tsconfig.mutation.json's
  // program (the mutated folders and what they import), not the app, scripts and tests, which would re-check every
  // importer of a mutated file.
  checkers: process.env.MUTATE_CHECK === '0' ? [] : ['typescript'],
  // MUTATE_TSCONFIG: a narrower program for a run over one file (`--mutate src/x.ts`), e.g. a tsconfig whose
  // `include` is that file alone (what it imports comes in by itself): its mutants are then checked without
  // re-checking every importer, which made the checker, not the tests, take most of a per-file run.
  tsconfigFile: process.env.MUTATE_TSCONFIG ?? (files.length ? 'tsconfig.mutation-file.json' : 'tsconfig.mutation.json'),
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate,
  coverageAnalysis: 'perTest',
  // "Static" mutants sit in code run once at import (zod schemas, constant tables, option objects, a module's
  // top-level arrow functions): no test can be said to reach them, so each runs every test of the run (those that
  // import the mutated files; with MUTATE_FILE, TESTS_FOR's). They count, like any other mutant: each file's were
  // killed or marked, measured per file with the checker on; MUTATE_STATIC=0 leaves them out for a quicker run.
  // CI counts them too: their results are in the committed incremental file, so a CI run tests again only those in
  // changed code or whose killing test changed. Measured (2 shared cores, nice 19, MUTATE_CONCURRENCY=1): refreshing
  // the committed results ran the CI scope's 105 static mutants and 55 others under changed tests in 4 min 38 s, the
  // whole run 6 min; a fresh clone's `npm run mutation:ci` then reused every result and took 54 s. So even a change
  // that re-runs every static mutant keeps CI under its 10 minutes. The tests build their data inside each test so
  // that as little as possible counts as static.
  ignoreStatic: process.env.MUTATE_STATIC === '0',
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  incremental: process.env.MUTATE_FRESH !== '1',
  // MUTATE_INCREMENTAL: another results file, e.g. a copy of the committed one for a run beside another.
  incrementalFile:
    process.env.MUTATE_INCREMENTAL ??
    (files.length ? `reports/mutation/incremental-${fileName}.json` : `reports/stryker-incremental${scope === 'all' ? '' : `-${scope}`}.json`),
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: process.env.MUTATE_JSON ?? (files.length ? `reports/mutation/${fileName}.json` : 'reports/mutation/mutation.json') },
  thresholds: { high: 85, low: 75, break: HIGH ? 85 : scope === 'all' && !files.length ? null : 75 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 10000,
  // The first run of all the tests (for coverage per test) takes 1–2 minutes on an idle 2-core machine, and more
  // than Stryker's default 5 under load.
  dryRunTimeoutMinutes: 20,
};
