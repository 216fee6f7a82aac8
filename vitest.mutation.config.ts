/**
 * The tests Stryker runs against each mutant: the unit tests only. They exercise src/model, src/state,
 * src/export and the pure parts of src/layout and src/graph-view directly, in milliseconds; the component tests
 * render the whole app and would multiply the run time without reaching code the unit tests miss.
 */
import { defineConfig } from 'vitest/config';
import base from './vite.config.ts';

export default defineConfig({
  ...base,
  test: { ...base.test, include: ['tests/unit/**/*.test.ts'] },
});
