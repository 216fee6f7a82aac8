import { describe, expect, it } from 'vitest';
import { boundedMemo, DEFAULT_BOX, DENSE_BOX, nodeBox, positionedBox, textWidth, wrapLabel } from '../../src/layout/measure.ts';

describe('label measurement', () => {
  it('measures with Inter advance widths: wider text, wider box', () => {
    expect(textWidth('HGF', 13)).toBeGreaterThan(20);
    expect(textWidth('HGF', 13)).toBeLessThan(35);
    expect(textWidth('WWW', 13)).toBeGreaterThan(textWidth('iii', 13));
    expect(textWidth('HGF', 13, 600)).toBeGreaterThan(textWidth('HGF', 13, 400));
    expect(textWidth('TGF-β', 13)).toBeGreaterThan(textWidth('TGF-', 13));
  });

  it('keeps measures in a memo that computes each text once and forgets everything once full', () => {
    const computed: string[] = [];
    const memo = boundedMemo(3, (key) => {
      computed.push(key);
      return key.length;
    });
    expect(['a', 'bb', 'ccc'].map((k) => memo.get(k))).toEqual([1, 2, 3]);
    // Asked again: from the memo.
    expect(memo.get('bb')).toBe(2);
    expect(computed).toEqual(['a', 'bb', 'ccc']);
    expect(memo.size).toBe(3);
    // A fourth key when three are held: the memo starts again with it alone.
    expect(memo.get('dddd')).toBe(4);
    expect(memo.size).toBe(1);
    expect(memo.get('a')).toBe(1);
    expect(computed).toEqual(['a', 'bb', 'ccc', 'dddd', 'a']);
    expect(memo.size).toBe(2);
    // A value of 0 is kept like any other.
    const zero = boundedMemo(2, (key) => (computed.push(key), 0));
    zero.get('');
    zero.get('');
    expect(computed.at(-1)).toBe('');
    expect(computed.filter((k) => k === '')).toHaveLength(1);
  });

  it('wraps long labels and sizes the box to the lines', () => {
    expect(wrapLabel('HGF', 150, 13)).toEqual(['HGF']);
    const lines = wrapLabel('Quality control of MSC production', 150, 13);
    expect(lines.length).toBe(2);
    expect(lines.join(' ')).toBe('Quality control of MSC production');
    const one = nodeBox('HGF', 'secreted-factor');
    const two = nodeBox('Quality control of MSC production', 'secreted-factor');
    expect(two.height).toBeGreaterThan(one.height);
    expect(two.text).toContain('\n');
  });

  it('cuts dense boxes narrower: labels wrap sooner, the same 13 px text', () => {
    // A short label: the same box (the room beside the text is kept for the count badge on the corner).
    expect(nodeBox('HGF', 'secreted-factor', DENSE_BOX)).toEqual(nodeBox('HGF', 'secreted-factor'));
    // A label between 90 and 110 px wide keeps one line by default and wraps to two in a dense box.
    const label = 'Oxidative stress';
    expect(textWidth(label, 13)).toBeGreaterThan(DENSE_BOX.wrap);
    expect(textWidth(label, 13)).toBeLessThan(DEFAULT_BOX.wrap);
    const dense = nodeBox(label, 'cellular-process', DENSE_BOX);
    expect(nodeBox(label, 'cellular-process').text).toBe(label);
    expect(dense.text.split('\n').length).toBe(2);
    expect(dense.width).toBeLessThan(nodeBox(label, 'cellular-process').width);
    expect(dense.height).toBeGreaterThan(nodeBox(label, 'cellular-process').height);
  });

  it('sizes a node as the positions it is drawn at were laid out: their box cut, else the default', () => {
    const e = { label: 'Oxidative stress', kind: 'cellular-process' as const };
    expect(positionedBox(undefined, e)).toEqual(nodeBox(e.label, e.kind));
    expect(positionedBox({}, e)).toEqual(nodeBox(e.label, e.kind));
    expect(positionedBox({ box: DENSE_BOX }, e)).toEqual(nodeBox(e.label, e.kind, DENSE_BOX));
  });

  it('gives shapes with slanted sides more room', () => {
    expect(nodeBox('Th17 cells', 'immune-cell').width).toBeGreaterThan(nodeBox('Th17 cells', 'cellular-process').width);
  });
});

describe('wrapping keeps every character', () => {
  it('re-joins to the original text', () => {
    const text = 'They curb granulosa- and germ-cell apoptosis via PI3K/Akt, restoring follicles and hormones in mice.';
    const lines = wrapLabel(text, 120, 13);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(lines.join(' ')).not.toContain('granulosa-and');
  });
});
