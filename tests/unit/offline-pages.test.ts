import { describe, expect, it } from 'vitest';
import { pageForSearch } from '../../src/offline/pages.ts';

describe('the page the service worker answers a folder address with', () => {
  it('is the view’s own prerendered page, as the static host serves it', () => {
    expect(pageForSearch('?view=atlas&sources=hbmmsc,hafmsc')).toBe('atlas.html');
    expect(pageForSearch('?view=compare&left=source:hpmsc&right=source:humsc&panes=twin')).toBe('compare.html');
    expect(pageForSearch('?view=compare&left=source:hpmsc&right=source:humsc&select=node:hgf')).toBe('compare-source-hpmsc-source-humsc.html');
    expect(pageForSearch('?view=compare&left=figure:fig2&right=figure:fig5&linked=0')).toBe('compare-figure-fig2-figure-fig5.html');
    // Filters redraw the pair: compare.html opens it from the address.
    expect(pageForSearch('?view=compare&left=source:hpmsc&right=source:humsc&species=rat')).toBe('compare.html');
    expect(pageForSearch('?view=compare&left=source:hpmsc&right=figure:fig2')).toBe('compare.html');
    expect(pageForSearch('?view=compare')).toBe('compare.html');
    expect(pageForSearch('?figure=fig5&select=node:hgf')).toBe('fig5.html');
    expect(pageForSearch('?figure=table2')).toBe('table2.html');
  });

  it('is the first figure’s page for anything else: no query, another view, a figure id that names no file', () => {
    expect(pageForSearch('')).toBe('index.html');
    expect(pageForSearch('?view=figure')).toBe('index.html');
    expect(pageForSearch('?figure=../secret')).toBe('index.html');
    expect(pageForSearch('?figure=fig1.html%3Fx')).toBe('index.html');
    expect(pageForSearch(`?figure=${'a'.repeat(81)}`)).toBe('index.html');
    expect(pageForSearch('?embed=1')).toBe('index.html');
  });
});
