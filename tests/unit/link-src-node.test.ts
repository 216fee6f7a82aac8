// @vitest-environment node
/** The state module loads where there is no window (the build's prerender, in Node): no link to a file is read. */
import { createStore } from 'jotai';
import { expect, it } from 'vitest';

it('reads no link to a file where there is no page', async () => {
  expect(typeof window).toBe('undefined');
  // Imported in the test: a module that read the page's address would throw here, in the test.
  const { linkSrcAtom } = await import('../../src/state/atoms.ts');
  expect(createStore().get(linkSrcAtom)).toBeNull();
});
