/**
 * The tests Stryker runs against each mutant: the unit tests only. They exercise src/model, src/state,
 * src/export and the pure parts of src/layout and src/graph-view directly, in milliseconds; the component tests
 * render the whole app and would multiply the run time without reaching code the unit tests miss. The fuzz tests
 * (tests/unit/*.fuzz.test.ts) are left out too: they draw new random inputs on every run, so a mutant they catch
 * once may survive the next run, and the import fuzzer alone takes minutes; each behaviour they guard has a
 * targeted test that Stryker does run.
 */
import { defineConfig } from 'vitest/config';
import base from './vite.config.ts';

export default defineConfig({
  ...base,
  test: { ...base.test, include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/**/*.fuzz.test.ts'] },
});
