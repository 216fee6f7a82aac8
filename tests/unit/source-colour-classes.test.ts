// @vitest-environment node
/**
 * Swatches take their source colour from app.css classes, not from style attributes (which the prerendered pages'
 * Content-Security-Policy does not apply). The classes must match the palette, colour for colour.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourClass, GENERIC_SOURCE_COLOUR, pairColours, SOURCE_COLOURS, SOURCE_PALETTE, sourceColour } from '../../src/theme/sources.ts';

const css = readFileSync(resolve(import.meta.dirname, '../../src/app/app.css'), 'utf8');

/** `.colour-XXXXXX { background: #XXXXXX; }` rules, class → colour. */
function colourRules(): Map<string, string> {
  return new Map([...css.matchAll(/^\.(colour-[0-9A-Fa-f]{6}) \{ background: (#[0-9A-Fa-f]{6}); \}$/gm)].map((m) => [m[1]!, m[2]!.toUpperCase()]));
}

describe('source colour classes', () => {
  it('app.css paints each palette colour and the generic grey with exactly that colour', () => {
    const rules = colourRules();
    expect(SOURCE_COLOURS).toEqual([...SOURCE_PALETTE, GENERIC_SOURCE_COLOUR]);
    for (const c of SOURCE_COLOURS) expect(rules.get(colourClass(c)), c).toBe(c.toUpperCase());
    expect(rules.size).toBe(SOURCE_COLOURS.length);
  });

  it('every colour a source or a comparison side can get has its class', () => {
    const order = ['msc', ...Array.from({ length: 12 }, (_, i) => `s${i}`)];
    for (const id of [...order, 'unknown']) expect(colourClass(sourceColour(order, id))).toMatch(/^colour-[0-9A-F]{6}$/);
    const figures = [{ id: 'f', sources: ['s0'] }];
    for (const [l, r] of [
      [{ type: 'source', id: 's0' }, { type: 'figure', id: 'f' }],
      [{ type: 'source', id: 'msc' }, { type: 'source', id: 'msc' }],
    ] as const) {
      const [a, b] = pairColours(order, figures, l, r);
      expect(a).not.toBe(b);
      expect(colourClass(a)).not.toBe(colourClass(b));
    }
    expect(colourClass('#332288')).toBe('colour-332288');
    expect(colourClass('#6cb8e0')).toBe('colour-6CB8E0');
  });

  it('refuses a colour with no class rather than drawing a blank swatch', () => {
    expect(() => colourClass('#123456')).toThrow(/not a source colour/);
  });
});
