import { describe, expect, it } from 'vitest';
import { pageFor, pagePath } from '../../src/state/page.ts';
import { parseUrl } from '../../src/state/url.ts';
import type { Model } from '../../src/model/types.ts';
import { shippedModel } from '../helpers/model.ts';

const shipped = shippedModel();
const withImport: Model = { ...shipped, figures: [...shipped.figures, { ...shipped.figures[1]!, id: 'import-lab-1234abcd', imported: true }] };

describe('the page an address names', () => {
  it('is the view’s own prerendered page for the atlas, compare and the review’s figures; the folder for the first figure', () => {
    expect(pageFor(parseUrl('?view=atlas', shipped).state, shipped)).toBe('atlas.html');
    expect(pageFor(parseUrl('?view=compare&left=source:hpmsc&right=source:humsc', shipped).state, shipped)).toBe('compare.html');
    expect(pageFor(parseUrl('?figure=fig5', shipped).state, shipped)).toBe('fig5.html');
    expect(pageFor(parseUrl(`?figure=${shipped.figures[0]!.id}`, shipped).state, shipped)).toBe('');
  });

  it('is the folder for an imported graph, which has no page file on any host or in the offline cache', () => {
    expect(pageFor(parseUrl('?figure=import-lab-1234abcd', withImport).state, withImport)).toBe('');
    expect(pagePath('/atlas/fig2.html', pageFor(parseUrl('?figure=import-lab-1234abcd', withImport).state, withImport))).toBe('/atlas/');
  });
});
