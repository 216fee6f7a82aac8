/**
 * Node boxes to the pixel (layout/measure.ts): the widths of the font table, where labels wrap, and the room a box
 * keeps around its text, for each kind of shape and border. The canvas, the prerendered picture, the exports and
 * the layouts all size nodes through these numbers, so a change to any of them moves every drawing.
 */
import { describe, expect, it } from 'vitest';
import metrics from '../../src/layout/font-metrics.json';
import { DEFAULT_BOX, DENSE_BOX, LABEL_MAX_WIDTH, nodeBox, textWidth, wrapLabel } from '../../src/layout/measure.ts';
import { KIND_STYLE, LINE_HEIGHT, NODE_FONT_SIZE } from '../../src/theme/kinds.ts';

const units = (ch: string, weight: '400' | '600' = '400') => (metrics.widths as Record<string, Record<string, number>>)[weight]![ch]!;

describe('text width from the font table', () => {
  it('adds the advance of each character, scaled from font units to the font size', () => {
    expect(textWidth('H', 2048)).toBe(units('H'));
    expect(textWidth('HH', 20)).toBeCloseTo((2 * units('H') * 20) / metrics.unitsPerEm, 10);
    expect(textWidth('H-1', 13)).toBeCloseTo(((units('H') + units('-') + units('1')) * 13) / metrics.unitsPerEm, 10);
    expect(textWidth('', 13)).toBe(0);
  });

  it('reads the regular table unless asked for the semibold one', () => {
    expect(textWidth('H', 2048)).toBe(units('H', '400'));
    expect(textWidth('H', 2048, 400)).toBe(units('H', '400'));
    expect(textWidth('H', 2048, 600)).toBe(units('H', '600'));
    expect(units('H', '600')).not.toBe(units('H', '400'));
  });

  it('counts a character missing from the table as about an "n" wide (1300 units), not as nothing', () => {
    // CJK and emoji are not in Inter's table: a label made of them still gets a box.
    expect(units('漢')).toBeUndefined();
    expect(textWidth('漢', 2048)).toBe(1300);
    expect(textWidth('漢漢', 2048, 600)).toBe(2600);
    expect(textWidth('H漢', 2048)).toBe(units('H') + 1300);
  });
});

describe('text widths measured once', () => {
  it('gives the same width for a text measured again, at any size and weight', () => {
    const first = textWidth('Granulosa cell', 13);
    expect(textWidth('Granulosa cell', 13)).toBe(first);
    expect(textWidth('Granulosa cell', 26)).toBeCloseTo(2 * first, 10);
    expect(textWidth('Granulosa cell', 13, 600)).not.toBe(first);
    expect(textWidth('Granulosa cell', 2048, 600)).toBe([...'Granulosa cell'].reduce((s, ch) => s + units(ch, '600'), 0));
  });

  it('still measures right after more texts than it keeps (it starts again when full)', () => {
    for (let i = 0; i < 20_050; i++) textWidth(`label ${i}`, 13);
    expect(textWidth('HH', 2048)).toBe(2 * units('H'));
    expect(textWidth('label 7', 2048)).toBe([...'label 7'].reduce((s, ch) => s + units(ch), 0));
  });
});

describe('wrapping a label', () => {
  const fs = NODE_FONT_SIZE;
  it('keeps a label exactly as wide as the limit on one line, and wraps one a hair wider', () => {
    const label = 'Quality control';
    const w = textWidth(label, fs);
    expect(wrapLabel(label, w, fs)).toEqual([label]);
    expect(wrapLabel(label, w - 0.01, fs)).toEqual(['Quality', 'control']);
  });

  it('breaks after spaces, slashes and hyphens, with no trailing space on a line', () => {
    expect(wrapLabel('Quality control of MSC production', 110, fs)).toEqual(['Quality control of', 'MSC production']);
    const slash = wrapLabel('PI3K/Akt/mTOR/FOXO3a', textWidth('PI3K/Akt/', fs) + 1, fs);
    expect(slash).toEqual(['PI3K/Akt/', 'mTOR/', 'FOXO3a']);
    const hyphen = wrapLabel('granulosa-cell apoptosis', textWidth('granulosa-', fs) + 1, fs);
    expect(hyphen).toEqual(['granulosa-', 'cell', 'apoptosis']);
    // Several separators in a row stay with the word before them.
    expect(wrapLabel('TGF-β / SMAD signalling', textWidth('TGF-β / SMAD', fs) + 1, fs)).toEqual(['TGF-β / SMAD', 'signalling']);
  });

  it('wraps a word that would end exactly at the limit only when it passes it', () => {
    const fs2 = NODE_FONT_SIZE;
    expect(wrapLabel('Quality control of', textWidth('Quality control', fs2), fs2)).toEqual(['Quality control', 'of']);
    expect(wrapLabel('Quality control of', textWidth('Quality control', fs2) - 0.01, fs2)).toEqual(['Quality', 'control of']);
  });

  it('leaves no space at the end of the last line either', () => {
    expect(wrapLabel('Quality control of ', textWidth('Quality control', NODE_FONT_SIZE), NODE_FONT_SIZE)).toEqual(['Quality control', 'of']);
  });

  it('puts a word longer than the limit on a line of its own, never an empty line first', () => {
    expect(wrapLabel('Immunomodulation of cells', 30, fs)).toEqual(['Immunomodulation', 'of', 'cells']);
    expect(wrapLabel('Immunomodulation', 30, fs)).toEqual(['Immunomodulation']);
    expect(wrapLabel('of Immunomodulation', 30, fs)).toEqual(['of', 'Immunomodulation']);
  });

  it('measures the semibold width when it wraps a bold label', () => {
    // A label that fits in regular weight but not in semibold.
    const label = 'Ovarian reserve restored';
    const regular = textWidth(label, fs, 400);
    const bold = textWidth(label, fs, 600);
    expect(bold).toBeGreaterThan(regular);
    const limit = (regular + bold) / 2;
    expect(wrapLabel(label, limit, fs, 400)).toEqual([label]);
    expect(wrapLabel(label, limit, fs, 600).length).toBe(2);
  });
});

describe('a node box', () => {
  const fs = NODE_FONT_SIZE;
  const lineH = fs * LINE_HEIGHT;

  it('is the text width plus 12 px each side and the border, and one line plus 6 px above and below', () => {
    // secreted-factor: a plain rounded rectangle (width factor 1) with a 2 px border, regular weight.
    expect(KIND_STYLE['secreted-factor'].borderWidth).toBe(2);
    const b = nodeBox('HGF', 'secreted-factor');
    expect(b.width).toBe(Math.ceil(textWidth('HGF', fs) + 24 + 4));
    expect(b.height).toBe(Math.ceil(lineH + 12 + 4));
    expect(b.text).toBe('HGF');
  });

  it('grows by one line height for each wrapped line', () => {
    const one = nodeBox('HGF', 'secreted-factor');
    const two = nodeBox('Quality control of MSC production', 'secreted-factor');
    expect(two.text).toBe('Quality control of\nMSC production');
    expect(two.height).toBe(Math.ceil(2 * lineH + 12 + 4));
    expect(two.height - one.height).toBeGreaterThanOrEqual(Math.floor(lineH));
    // As wide as its widest line.
    expect(two.width).toBe(Math.ceil(textWidth('Quality control of', fs) + 24 + 4));
  });

  it('measures a bold kind in semibold, with its thicker border', () => {
    expect(KIND_STYLE['ovarian-outcome'].bold).toBe(true);
    expect(KIND_STYLE['ovarian-outcome'].borderWidth).toBe(3);
    const b = nodeBox('Fertility', 'ovarian-outcome');
    expect(b.width).toBe(Math.ceil(textWidth('Fertility', fs, 600) + 24 + 6));
    expect(b.height).toBe(Math.ceil(lineH + 12 + 6));
  });

  it('widens slanted and round shapes by their factor, and makes the roundest 6 px taller', () => {
    // ellipse: factor 1.3 (> 1.2: 6 px taller); octagon: 1.15 (not taller).
    const ellipse = nodeBox('Th17 cells', 'immune-cell');
    expect(ellipse.width).toBe(Math.ceil(textWidth('Th17 cells', fs) * 1.3 + 24 + 4));
    expect(ellipse.height).toBe(Math.ceil(lineH + 12 + 4 + 6));
    const octagon = nodeBox('FSH', 'hormone');
    expect(octagon.width).toBe(Math.ceil(textWidth('FSH', fs) * 1.15 + 24 + 3));
    expect(octagon.height).toBe(Math.ceil(lineH + 12 + 3));
    // hexagon: factor 1.25, just over 1.2.
    expect(nodeBox('miR-21', 'mirna').height).toBe(Math.ceil(lineH + 12 + 4 + 6));
  });

  it('takes its wrap and side room from the box style', () => {
    expect(DEFAULT_BOX).toEqual({ wrap: LABEL_MAX_WIDTH, padX: 12 });
    expect(DENSE_BOX).toEqual({ wrap: 90, padX: 12 });
    const roomy = nodeBox('HGF', 'secreted-factor', { wrap: 110, padX: 20 });
    expect(roomy.width - nodeBox('HGF', 'secreted-factor').width).toBe(16);
    const narrow = nodeBox('Quality control', 'secreted-factor', { wrap: 50, padX: 12 });
    expect(narrow.text).toBe('Quality\ncontrol');
  });
});
