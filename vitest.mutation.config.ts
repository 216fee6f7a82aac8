/**
 * The tests Stryker runs against each mutant: the unit tests only. They exercise src/model, src/state,
 * src/export and the pure parts of src/layout and src/graph-view directly, in milliseconds; the component tests
 * render the whole app and would multiply the run time without reaching code the unit tests miss.
 *
 * - The fuzz tests (tests/unit/*.fuzz.test.ts) are left out: they draw new random inputs on every run, so a
 *   mutant they catch once may survive the next run, and the import fuzzer alone takes minutes; each behaviour
 *   they guard has a targeted test that Stryker does run.
 * - The unit tests run in Node, without the component tests' set-up file (jsdom, jest-dom, canvas mock): that
 *   set-up cost seconds per mutant. The few unit tests that need a DOM say so in their first line
 *   (`@vitest-environment jsdom`).
 * - For model and state (`MUTATE_SCOPE=model`, `state`, and `ci`, what CI runs) the tests of layout, export and file formats
 *   are left out too: they reach model code only on the way to their own, and take seconds each. Leaving tests
 *   out can only lower the score, never raise it.
 * - For export (`MUTATE_SCOPE=export`) the whole-package slide test (pptx.test.ts: four decks, every part checked
 *   by xmllint, half a minute a run) is left out: pptx-painter.test.ts asks the same questions of small inputs in
 *   milliseconds.
 * - MUTATE_TESTS (comma-separated test names, e.g. `schema-json,schema-required`) runs only those tests: for a run
 *   over a file whose mutants are static (run once at import, so each needs every test, e.g. src/model/schema.ts),
 *   with the tests that check what it defines. Again, this can only lower the score.
 */
import { defineConfig } from 'vitest/config';
import base from './vite.config.ts';

const NOT_MODEL_STATE = [
  'bibliography',
  'build-freshness',
  'compact-grid',
  'compare-layout',
  'compose',
  'cx2-spec',
  'deferred-styles',
  'difference-layout-pure',
  'elk-drawing',
  'deferred-styles-slices',
  'deferred-styles-phases',
  'evidence-csv',
  'export',
  'export-content',
  'export-fonts',
  'export-sizes',
  'fast-start',
  'figure-shape',
  'figure-shape-pure',
  'figure-search',
  'force-layout',
  'force-layout-parts',
  'force-layout-small',
  'format-readers',
  'formats',
  // The whole import pipeline, with its layout: the model's part of it (matching, conversion) has its own tests.
  'import',
  'label-room',
  'label-room-geometry',
  'layout',
  'layout-input',
  'layout-pure',
  'layout-quality',
  'layout-service-pure',
  'marks',
  'measure',
  'measure-boxes',
  // The atlas overview's export steps: it reaches the overlay only through the atlas it lays out (seconds a run).
  'overview',
  'painter',
  'pdf',
  'pdf-painter',
  'portrait-layout',
  'portrait-pure',
  'portrait-search',
  'pptx',
  'pptx-painter',
  'quality-geometry',
  'room-search',
  'scene',
  'slide-fit',
  'slide-fit-pure',
  'source-marks',
  'split-bands-cuts',
  'svg-path',
  'ttf',
  'twin-layout',
  'twin-layout-pure',
].map((name) => `tests/unit/${name}.test.ts`);

const NOT_EXPORT = ['pptx'].map((name) => `tests/unit/${name}.test.ts`);

const scope = process.env.MUTATE_SCOPE ?? '';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    environment: 'node',
    setupFiles: [],
    include: process.env.MUTATE_TESTS ? process.env.MUTATE_TESTS.split(',').map((name) => `tests/unit/${name.trim()}.test.ts`) : ['tests/unit/**/*.test.ts'],
    exclude: ['tests/unit/**/*.fuzz.test.ts', ...(['model', 'state', 'ci'].includes(scope) ? NOT_MODEL_STATE : []), ...(scope === 'export' ? NOT_EXPORT : [])],
  },
});
