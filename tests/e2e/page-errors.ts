/**
 * Set-up file of every browser spec (vitest.e2e.config.ts): a test fails when any page it opened through
 * tests/e2e/browser.ts threw an uncaught error or logged a console error, whether or not the test looked.
 */
import { afterEach } from 'vitest';
import { takePageProblems } from './browser.ts';

afterEach(() => {
  const problems = takePageProblems();
  if (problems.length) throw new Error(`The page reported ${problems.length} error(s):\n${problems.join('\n')}`);
});
