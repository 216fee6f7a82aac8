// @ts-check
/**
 * Mutation testing (`npm run mutation`): StrykerJS plants small bugs ("mutants") in the code below, one at a time,
 * and runs the unit tests against each; a mutant no test notices "survives". Targets: 85% on src/model and
 * src/state, 75% on the rest. CI runs `npm run mutation:ci` (the state, see CI below) in
 * incremental mode: only mutants in code or tests changed since reports/stryker-incremental-ci.json (committed) are
 * run again. Run one part at a time with MUTATE_SCOPE=model-state|rest|ci; MUTATE_CONCURRENCY, MUTATE_CHECK=0 (no
 * type checker), MUTATE_FRESH=1 (ignore earlier results) and MUTATE_JSON (report file) tune a run.
 *
 * A surviving mutant is either killed by a new test or marked equivalent where it lives, with a
 * `// Stryker disable next-line <mutator>: <reason>` comment giving the reason (Stryker's own mechanism).
 */
const scope = process.env.MUTATE_SCOPE ?? 'all';

const MODEL_STATE = [
  'src/model/**/*.ts',
  'src/state/atoms.ts',
  'src/state/url.ts',
];
/**
 * What CI mutates (`npm run mutation:ci`): the state (the atoms and the URL mirror), with their results committed
 * in reports/stryker-incremental-ci.json so that only mutants in changed code or under changed tests run again.
 * The model is mutated by `npm run mutation` (or MUTATE_SCOPE=model-state): a full run of it takes hours on 2
 * shared cores, too long for CI until its results are committed as well.
 */
const CI = ['src/state/atoms.ts', 'src/state/url.ts'];
const REST = [
  'src/export/**/*.ts',
  // download.ts clicks a temporary link in the DOM; image.ts draws on a real canvas: both are browser-tested.
  '!src/export/download.ts',
  '!src/export/image.ts',
  // The pure parts of layout: ELK's input/output mapping, options, measuring, overlap, timeout, hashing.
  'src/layout/elk-graph.ts',
  'src/layout/elk-options.ts',
  'src/layout/layout-input.ts',
  'src/layout/layout-service.ts',
  'src/layout/measure.ts',
  'src/layout/overlap.ts',
  'src/layout/timeout.ts',
  'src/layout/types.ts',
  'src/layout/precomputed-views.ts',
  // The pure parts of graph-view: element and style mapping, and the headless-testable restyle scheduler.
  'src/graph-view/elements.ts',
  'src/graph-view/overlay-styles.ts',
  'src/graph-view/source-marks.ts',
  'src/graph-view/stylesheet.ts',
  'src/graph-view/deferred-styles.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // The TypeScript checker drops mutants that would not compile. It re-checks every importer of the mutated file,
  // which made it the slowest part of a run on 2 cores (4–5 mutants a minute with it, 20–30 without), so CI
  // (`mutation:ci`) and quick local runs turn it off with MUTATE_CHECK=0: a mutant that would not compile then
  // runs like any other, and counts as survived unless a test fails.
  checkers: process.env.MUTATE_CHECK === '0' ? [] : ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: scope === 'ci' ? CI : scope === 'model-state' ? MODEL_STATE : scope === 'rest' ? REST : [...MODEL_STATE, ...REST],
  coverageAnalysis: 'perTest',
  // "Static" mutants sit in code run once at import (zod schemas, constant tables): each needs the whole suite.
  // They are left out of the score unless MUTATE_STATIC=1; the tests build their data inside each test so that
  // as little as possible counts as static.
  ignoreStatic: process.env.MUTATE_STATIC !== '1',
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  incremental: process.env.MUTATE_FRESH !== '1',
  incrementalFile: `reports/stryker-incremental${scope === 'all' ? '' : `-${scope}`}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: process.env.MUTATE_JSON ?? 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 75, break: scope === 'ci' || scope === 'model-state' ? 85 : null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 10000,
};
