import { describe, expect, it } from 'vitest';
import { comparePage, pageFor, pagePath } from '../../src/state/page.ts';
import { parseUrl } from '../../src/state/url.ts';
import type { Model } from '../../src/model/types.ts';
import { shippedModel } from '../helpers/model.ts';

const shipped = shippedModel();
const withImport: Model = { ...shipped, figures: [...shipped.figures, { ...shipped.figures[1]!, id: 'import-lab-1234abcd', imported: true }] };

describe('the page an address names', () => {
  it('is the view’s own prerendered page for the atlas, compare and the review’s figures; the folder for the first figure', () => {
    expect(pageFor(parseUrl('?view=atlas', shipped).state, shipped)).toBe('atlas.html');
    expect(pageFor(parseUrl('?view=compare&left=source:hpmsc&right=source:humsc', shipped).state, shipped)).toBe('compare-source-hpmsc-source-humsc.html');
    expect(pageFor(parseUrl('?view=compare&left=figure:fig5&right=figure:fig2', shipped).state, shipped)).toBe('compare-figure-fig5-figure-fig2.html');
    expect(pageFor(parseUrl('?figure=fig5', shipped).state, shipped)).toBe('fig5.html');
    expect(pageFor(parseUrl(`?figure=${shipped.figures[0]!.id}`, shipped).state, shipped)).toBe('');
  });

  it('is the folder for an imported graph, which has no page file on any host or in the offline cache', () => {
    expect(pageFor(parseUrl('?figure=import-lab-1234abcd', withImport).state, withImport)).toBe('');
    expect(pagePath('/atlas/fig2.html', pageFor(parseUrl('?figure=import-lab-1234abcd', withImport).state, withImport))).toBe('/atlas/');
  });

  it('is a shipped comparison’s own page (its difference diagram drawn), else compare.html', () => {
    const page = (search: string, model = shipped) => pageFor(parseUrl(search, model).state, model);
    // Twin panes, filters, a source against a figure and an imported graph have no picture of their own.
    expect(page('?view=compare&left=source:hpmsc&right=source:humsc&panes=twin')).toBe('compare.html');
    expect(page('?view=compare&left=source:hpmsc&right=source:humsc&sign=decrease')).toBe('compare.html');
    expect(page('?view=compare&left=source:hpmsc&right=figure:fig2')).toBe('compare.html');
    expect(page('?view=compare&left=figure:fig2&right=figure:import-lab-1234abcd', withImport)).toBe('compare.html');
    // The default pair, with nothing in the address.
    expect(page('?view=compare')).toMatch(/^compare-source-[a-z0-9-]+-source-[a-z0-9-]+\.html$/);
  });

  it('names a pair’s page only for two sides of one kind, each a plain id, not the same', () => {
    expect(comparePage('source:hpmsc', 'source:humsc')).toBe('compare-source-hpmsc-source-humsc.html');
    expect(comparePage('figure:table2', 'figure:fig1')).toBe('compare-figure-table2-figure-fig1.html');
    expect(comparePage('source:hpmsc', 'source:hpmsc')).toBeUndefined();
    expect(comparePage('source:hpmsc', 'figure:fig1')).toBeUndefined();
    expect(comparePage('figure:import-lab-1234abcd', 'figure:fig1')).toBeUndefined();
    expect(comparePage('source:../x', 'source:humsc')).toBeUndefined();
    expect(comparePage('source:hpmsc', '')).toBeUndefined();
    expect(comparePage('source:HPMSC', 'source:humsc')).toBeUndefined();
  });
});
