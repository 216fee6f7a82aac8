/**
 * The page's one script before its first picture (src/prerender/boot.ts): the portrait picture's script at once on a
 * phone held upright, and nothing else until the first paint is reported; then the app's entry script, first, and the
 * page's list of the app's chunks and data. Driven with a fake paint report; the page is jsdom's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/prerender/boot.ts';
import { APP_PRELOADS_ID, type PaintWindow } from '../../src/prerender/after-first-paint.ts';

const PHONE = '(max-width: 699px) and (orientation: portrait)';

/** A window whose first paint is reported when the test says so, whose screen matches `matches` media queries. */
function fakeWindow(matches: string[] = []) {
  let report: (() => void) | undefined;
  class Observer {
    static supportedEntryTypes = ['paint'];
    constructor(private readonly callback: (list: { getEntries(): unknown[] }) => void) {}
    observe() {
      report = () => this.callback({ getEntries: () => [{ name: 'first-paint' }] });
    }
    disconnect() {
      report = undefined;
    }
  }
  const win: PaintWindow & Pick<Window, 'matchMedia'> = {
    document: { visibilityState: 'visible' },
    performance: { getEntriesByType: () => [] } as unknown as PaintWindow['performance'],
    PerformanceObserver: Observer,
    requestAnimationFrame: () => 0,
    setTimeout: () => 0,
    clearTimeout: () => {},
    matchMedia: (query: string) => ({ matches: matches.includes(query) }) as MediaQueryList,
  };
  return { win, paint: () => report?.() };
}

/** The page's head as the test reads it: each script's and link's address, in order. */
const headFiles = () =>
  [...document.head.querySelectorAll('script, link')].map((e) => `${e.tagName.toLowerCase()} ${e.getAttribute('src') ?? e.getAttribute('href')}`);

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  document.head.innerHTML = '';
});

function pageWithPreloads() {
  document.head.innerHTML = `<template id="${APP_PRELOADS_ID}"><link rel="preload" href="./assets/model-fig2.json" as="fetch" crossorigin><link rel="modulepreload" crossorigin href="./assets/start.js"></template>`;
}

describe('boot', () => {
  it('asks for nothing before the first paint; then the entry script, first, then the list of the app’s chunks and data', async () => {
    pageWithPreloads();
    const { win, paint } = fakeWindow();
    const done = boot({ entry: './assets/index.js', portrait: './assets/portrait-picture.js', portraitMedia: PHONE }, document, win);
    await settle();
    expect(headFiles()).toEqual([]);
    paint();
    await done;
    expect(headFiles()).toEqual(['script ./assets/index.js', 'link ./assets/model-fig2.json', 'link ./assets/start.js']);
    const entry = document.head.querySelector('script')!;
    expect([entry.type, entry.crossOrigin]).toEqual(['module', 'anonymous']);
    expect(document.getElementById(APP_PRELOADS_ID)).toBeNull();
  });

  it('on a phone held upright, adds the portrait picture’s script at once, before the paint', async () => {
    pageWithPreloads();
    const { win, paint } = fakeWindow([PHONE]);
    const done = boot({ entry: './assets/index.js', portrait: './assets/portrait-picture.js', portraitMedia: PHONE }, document, win);
    expect(headFiles()).toEqual(['script ./assets/portrait-picture.js']);
    expect(document.head.querySelector('script')!.type).toBe('module');
    paint();
    await done;
    expect(headFiles()).toEqual(['script ./assets/portrait-picture.js', 'script ./assets/index.js', 'link ./assets/model-fig2.json', 'link ./assets/start.js']);
  });

  it('a page without a portrait picture, or with no entry named, adds only what it names', async () => {
    const { win, paint } = fakeWindow([PHONE]);
    await boot({ portrait: './assets/portrait-picture.js' }, document, win);
    // (No media query named: the portrait script is not added either.)
    expect(headFiles()).toEqual([]);
    const done = boot({ entry: './assets/index.js' }, document, win);
    paint();
    await done;
    expect(headFiles()).toEqual(['script ./assets/index.js']);
  });
});
