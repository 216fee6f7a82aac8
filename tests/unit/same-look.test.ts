/** Whether a twin compare pane may keep an element's look from the last pair (use-element-looks.ts, sameLook). */
import { describe, expect, it } from 'vitest';
import { sameLook } from '../../src/graph-view/use-element-looks.ts';

describe('sameLook', () => {
  const look = { label: 'HGF', width: 80, 'segment-weights': [0.25, 0.5] };
  it('is the same look with the same properties and values, lists item by item', () => {
    expect(sameLook({ ...look, 'segment-weights': [0.25, 0.5] }, look)).toBe(true);
  });
  it('is not, with no last look, a value changed, a list changed or of another length, or a property more or less', () => {
    expect(sameLook(undefined, look)).toBe(false);
    expect(sameLook({ ...look, width: 81 }, look)).toBe(false);
    expect(sameLook({ ...look, 'segment-weights': [0.25, 0.6] }, look)).toBe(false);
    expect(sameLook({ ...look, 'segment-weights': [0.25] }, look)).toBe(false);
    expect(sameLook({ ...look, 'segment-weights': 0.25 }, look)).toBe(false);
    expect(sameLook({ ...look, height: 20 }, look)).toBe(false);
    const { width: _, ...less } = look;
    expect(sameLook(less, look)).toBe(false);
    expect(sameLook({ ...less, height: 80 }, look)).toBe(false);
  });
});
