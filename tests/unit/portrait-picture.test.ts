/** A figure's portrait picture: fetched and put into the page on a phone held upright only, once. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 40"><g class="node" data-id="pten"><path d="M0,0H10V10Z"/></g></svg>';

function page(portrait: string | null) {
  document.body.innerHTML = `<div id="root"><div class="graph-stage"><div class="prerender-picture" data-view="figure:fig2" data-state="?figure=fig2"${
    portrait ? ` data-portrait="${portrait}"` : ''
  }><svg></svg></div></div></div>`;
}

/** The module afresh (it keeps the insertion it started), on a screen that is a phone held upright or not. */
async function load(upright: boolean) {
  vi.resetModules();
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: upright && query === '(max-width: 699px) and (orientation: portrait)' }));
  return import('../../src/prerender/portrait-picture.ts');
}

describe('the portrait picture', () => {
  const fetchMock = vi.fn<(url: string) => Promise<Response>>();
  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(() => Promise.resolve(new Response(SVG)));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is fetched on a phone held upright and put next to the usual picture, once, with what it draws', async () => {
    page('./assets/portrait-figure-fig2-0123abcd.svg');
    const { insertPortraitPicture } = await load(true);
    const [a, b] = await Promise.all([insertPortraitPicture(), insertPortraitPicture()]);
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['./assets/portrait-figure-fig2-0123abcd.svg']);
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    const pictures = document.querySelectorAll('.prerender-portrait');
    expect(pictures).toHaveLength(1);
    const picture = pictures[0]!;
    expect(picture.previousElementSibling?.className).toBe('prerender-picture');
    expect(picture.getAttribute('data-view')).toBe('figure:fig2');
    expect(picture.getAttribute('data-state')).toBe('?figure=fig2');
    expect(picture.getAttribute('aria-hidden')).toBe('true');
    expect(picture.querySelector('g.node')?.getAttribute('data-id')).toBe('pten');
    // Asked again later: the same picture, no second request.
    await expect(insertPortraitPicture()).resolves.toBe(picture);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('is neither fetched nor put in on a wider screen, nor on a page without one', async () => {
    page('./assets/portrait-figure-fig2-0123abcd.svg');
    await expect((await load(false)).insertPortraitPicture()).resolves.toBeNull();
    page(null);
    await expect((await load(true)).insertPortraitPicture()).resolves.toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(document.querySelector('.prerender-portrait')).toBeNull();
  });

  it('leaves the page as it was when the file cannot be had (the canvas then draws the figure)', async () => {
    page('./assets/portrait-figure-fig2-0123abcd.svg');
    fetchMock.mockImplementation(() => Promise.resolve(new Response('gone', { status: 404 })));
    await expect((await load(true)).insertPortraitPicture()).resolves.toBeNull();
    fetchMock.mockImplementation(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect((await load(true)).insertPortraitPicture()).resolves.toBeNull();
    expect(document.querySelector('.prerender-portrait')).toBeNull();
  });
});
