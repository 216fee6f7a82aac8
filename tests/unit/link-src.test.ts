// @vitest-environment jsdom
/**
 * `?src=<address>`: a link that opens a file (open-file.tsx reads linkSrcAtom). The address is read when the state
 * module loads, before the URL mirror rewrites the address to the view's own choices.
 */
import { createStore } from 'jotai';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  window.history.replaceState(null, '', '/');
  vi.resetModules();
});

async function linkSrcAt(path: string) {
  window.history.replaceState(null, '', path);
  vi.resetModules();
  const { linkSrcAtom } = await import('../../src/state/atoms.ts');
  return createStore().get(linkSrcAtom);
}

describe('a link to a file', () => {
  it('is the src the page opened with', async () => {
    expect(await linkSrcAt('/?src=https%3A%2F%2Fexample.org%2Fmy%20graph.cyjs&figure=fig2')).toBe('https://example.org/my graph.cyjs');
  });

  it('is nothing when the page opened without one', async () => {
    expect(await linkSrcAt('/?figure=fig2')).toBeNull();
  });
});
