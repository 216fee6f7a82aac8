import { describe, expect, it } from 'vitest';
import { parsePath, type PathCmd } from '../../src/export/svg-path.ts';

type Cubic = Extract<PathCmd, { c: 'C' }>;

/** The point at t of the cubic that starts at (x0, y0). */
function at(x0: number, y0: number, c: Cubic, t: number) {
  const u = 1 - t;
  const b = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t] as const;
  return { x: b[0] * x0 + b[1] * c.x1 + b[2] * c.x2 + b[3] * c.x, y: b[0] * y0 + b[1] * c.y1 + b[2] * c.y2 + b[3] * c.y };
}

/** Points sampled along the cubics of an arc drawn from (x0, y0). */
function sample(x0: number, y0: number, cmds: PathCmd[]) {
  const pts: { x: number; y: number }[] = [];
  let px = x0;
  let py = y0;
  for (const c of cmds) {
    if (c.c !== 'C') throw new Error(`expected a cubic, got ${c.c}`);
    for (const t of [0, 0.25, 0.5, 0.75, 1]) pts.push(at(px, py, c, t));
    px = c.x;
    py = c.y;
  }
  return pts;
}

const arc = (d: string) => parsePath(d).slice(1);

describe('parsePath: lines', () => {
  it('reads absolute move, line, horizontal, vertical and close commands', () => {
    expect(parsePath('M 1 2 L 3 4 H 10 V -5 Z')).toEqual([
      { c: 'M', x: 1, y: 2 },
      { c: 'L', x: 3, y: 4 },
      { c: 'L', x: 10, y: 4 },
      { c: 'L', x: 10, y: -5 },
      { c: 'Z' },
    ]);
  });

  it('makes relative commands absolute from the current point', () => {
    expect(parsePath('m 10 20 l 5 -5 h 2 v 3 l -1 -1')).toEqual([
      { c: 'M', x: 10, y: 20 },
      { c: 'L', x: 15, y: 15 },
      { c: 'L', x: 17, y: 15 },
      { c: 'L', x: 17, y: 18 },
      { c: 'L', x: 16, y: 17 },
    ]);
  });

  it('reads the pairs after a move as line-tos (absolute after M, relative after m)', () => {
    expect(parsePath('M0 0 10 0 10 10')).toEqual([
      { c: 'M', x: 0, y: 0 },
      { c: 'L', x: 10, y: 0 },
      { c: 'L', x: 10, y: 10 },
    ]);
    expect(parsePath('m1 1 2 0 0 2')).toEqual([
      { c: 'M', x: 1, y: 1 },
      { c: 'L', x: 3, y: 1 },
      { c: 'L', x: 3, y: 3 },
    ]);
  });

  it('repeats a command for further numbers', () => {
    expect(parsePath('M0 0 L1 1 2 2 h1 1')).toEqual([
      { c: 'M', x: 0, y: 0 },
      { c: 'L', x: 1, y: 1 },
      { c: 'L', x: 2, y: 2 },
      { c: 'L', x: 3, y: 2 },
      { c: 'L', x: 4, y: 2 },
    ]);
  });

  it('goes back to the start of the subpath after a close', () => {
    expect(parsePath('M 5 5 l 10 0 l 0 10 z l 1 1')).toEqual([
      { c: 'M', x: 5, y: 5 },
      { c: 'L', x: 15, y: 5 },
      { c: 'L', x: 15, y: 15 },
      { c: 'Z' },
      { c: 'L', x: 6, y: 6 },
    ]);
    // A second subpath closes to its own start.
    expect(parsePath('M0 0 L1 0 Z M 10 10 l 1 0 z l 0 2').at(-1)).toEqual({ c: 'L', x: 10, y: 12 });
  });

  it('reads numbers without separators, decimals, leading dots, signs and exponents', () => {
    expect(parsePath('M-1.5-2.25L.5.75l1e1 -2.5e-1')).toEqual([
      { c: 'M', x: -1.5, y: -2.25 },
      { c: 'L', x: 0.5, y: 0.75 },
      { c: 'L', x: 10.5, y: 0.5 },
    ]);
    // An exponent of more than one digit is one number.
    expect(parsePath('M1.5e-12,3L2e+10 4')).toEqual([
      { c: 'M', x: 1.5e-12, y: 3 },
      { c: 'L', x: 2e10, y: 4 },
    ]);
    expect(parsePath('M1,2L3,4')).toEqual([
      { c: 'M', x: 1, y: 2 },
      { c: 'L', x: 3, y: 4 },
    ]);
  });

  it('is empty for an empty path', () => {
    expect(parsePath('')).toEqual([]);
    expect(parsePath('  ')).toEqual([]);
  });
});

describe('parsePath: curves', () => {
  it('reads absolute and relative cubics', () => {
    expect(parsePath('M 1 1 C 2 3 4 5 6 7')).toEqual([
      { c: 'M', x: 1, y: 1 },
      { c: 'C', x1: 2, y1: 3, x2: 4, y2: 5, x: 6, y: 7 },
    ]);
    expect(parsePath('M 1 1 c 1 2 3 4 5 6 c 1 0 1 0 1 0')).toEqual([
      { c: 'M', x: 1, y: 1 },
      { c: 'C', x1: 2, y1: 3, x2: 4, y2: 5, x: 6, y: 7 },
      { c: 'C', x1: 7, y1: 7, x2: 7, y2: 7, x: 7, y: 7 },
    ]);
  });

  it('raises a quadratic to the same curve as a cubic (control points two thirds of the way)', () => {
    expect(parsePath('M 0 0 Q 3 6 9 0')).toEqual([
      { c: 'M', x: 0, y: 0 },
      { c: 'C', x1: 2, y1: 4, x2: 5, y2: 4, x: 9, y: 0 },
    ]);
    // Relative, from a current point that is not the origin; the next command continues from its end.
    expect(parsePath('M 3 3 q 3 6 9 3 l 1 1')).toEqual([
      { c: 'M', x: 3, y: 3 },
      { c: 'C', x1: 5, y1: 7, x2: 8, y2: 8, x: 12, y: 6 },
      { c: 'L', x: 13, y: 7 },
    ]);
  });
});

describe('parsePath: arcs', () => {
  it('draws a half circle as two quarter cubics that stay on the circle', () => {
    const cmds = arc('M 0 0 A 10 10 0 0 1 20 0');
    expect(cmds).toHaveLength(2);
    for (const p of sample(0, 0, cmds)) expect(Math.hypot(p.x - 10, p.y)).toBeCloseTo(10, 1);
    expect(cmds.at(-1)).toMatchObject({ x: 20, y: 0 });
    // Sweep 1 (clockwise on screen, y down) from left to right passes above the centre.
    expect(at(0, 0, cmds[0] as Cubic, 1)).toMatchObject({ x: expect.closeTo(10, 6), y: expect.closeTo(-10, 6) });
  });

  it('takes the other side with sweep 0', () => {
    const cmds = arc('M 0 0 A 10 10 0 0 0 20 0');
    expect(cmds).toHaveLength(2);
    expect(at(0, 0, cmds[0] as Cubic, 1)).toMatchObject({ x: expect.closeTo(10, 6), y: expect.closeTo(10, 6) });
    for (const p of sample(0, 0, cmds)) expect(Math.hypot(p.x - 10, p.y)).toBeCloseTo(10, 1);
  });

  it('chooses the small or the large arc by its flag, around the right centre', () => {
    // Radius 10 from (0,0) to (10,10): the centres are (0,10) (a quarter turning with the sweep) and (10,0).
    const small = arc('M 0 0 A 10 10 0 0 1 10 10');
    const large = arc('M 0 0 A 10 10 0 1 1 10 10');
    expect(small).toHaveLength(1);
    expect(large).toHaveLength(3);
    for (const p of sample(0, 0, small)) expect(Math.hypot(p.x, p.y - 10)).toBeCloseTo(10, 1);
    for (const p of sample(0, 0, large)) expect(Math.hypot(p.x - 10, p.y)).toBeCloseTo(10, 1);
    const smallCcw = arc('M 0 0 A 10 10 0 0 0 10 10');
    const largeCcw = arc('M 0 0 A 10 10 0 1 0 10 10');
    expect(smallCcw).toHaveLength(1);
    expect(largeCcw).toHaveLength(3);
    for (const p of sample(0, 0, smallCcw)) expect(Math.hypot(p.x - 10, p.y)).toBeCloseTo(10, 1);
    for (const p of sample(0, 0, largeCcw)) expect(Math.hypot(p.x, p.y - 10)).toBeCloseTo(10, 1);
  });

  it('uses tangent handles of the standard length (4/3 tan(θ/4) of the radius)', () => {
    const [q] = arc('M 10 0 A 10 10 0 0 1 0 10') as Cubic[];
    const k = (4 / 3) * Math.tan(Math.PI / 8) * 10;
    expect(q!.x1).toBeCloseTo(10, 6);
    expect(q!.y1).toBeCloseTo(k, 6);
    expect(q!.x2).toBeCloseTo(k, 6);
    expect(q!.y2).toBeCloseTo(10, 6);
    expect(q).toMatchObject({ x: 0, y: 10 });
  });

  it('ends each arc exactly on its end point and continues from there', () => {
    const cmds = parsePath('M 0 0 a 5 5 0 0 1 10 0 l 1 0');
    expect(cmds.at(-2)).toMatchObject({ c: 'C', x: 10, y: 0 });
    expect(cmds.at(-1)).toEqual({ c: 'L', x: 11, y: 0 });
  });

  it('reads a relative arc from the current point', () => {
    const cmds = arc('M 100 50 a 10 10 0 0 1 20 0');
    for (const p of sample(100, 50, cmds)) expect(Math.hypot(p.x - 110, p.y - 50)).toBeCloseTo(10, 1);
    expect(cmds.at(-1)).toMatchObject({ x: 120, y: 50 });
  });

  it('scales radii up that are too small to reach the end point (SVG F.6.6)', () => {
    // Radius 5 cannot span 20: it becomes 10, a half circle.
    const cmds = arc('M 0 0 A 5 5 0 0 1 20 0');
    expect(cmds).toHaveLength(2);
    for (const p of sample(0, 0, cmds)) expect(Math.hypot(p.x - 10, p.y)).toBeCloseTo(10, 1);
    // The same straight down: the chord's vertical extent counts as much as its horizontal one.
    const down = arc('M 0 0 A 5 5 0 0 1 0 20');
    expect(down).toHaveLength(2);
    for (const p of sample(0, 0, down)) expect(Math.hypot(p.x, p.y - 10)).toBeCloseTo(10, 1);
  });

  it('takes negative radii as their size', () => {
    const cmds = arc('M 0 0 A -10 -10 0 0 1 20 0');
    for (const p of sample(0, 0, cmds)) expect(Math.hypot(p.x - 10, p.y)).toBeCloseTo(10, 1);
  });

  it('draws an ellipse with its own radii, and rotated by its angle', () => {
    // Half an ellipse with radii 20 × 5 from (0,0) to (40,0).
    const flat = arc('M 0 0 A 20 5 0 0 1 40 0');
    for (const p of sample(0, 0, flat)) expect(((p.x - 20) / 20) ** 2 + (p.y / 5) ** 2).toBeCloseTo(1, 2);
    expect(Math.min(...sample(0, 0, flat).map((p) => p.y))).toBeCloseTo(-5, 1);
    // The same ellipse turned 90°: from (0,0) to (0,40), it bulges 5 to the side.
    const turned = arc('M 0 0 A 20 5 90 0 1 0 40');
    for (const p of sample(0, 0, turned)) expect((p.x / 5) ** 2 + ((p.y - 20) / 20) ** 2).toBeCloseTo(1, 2);
    expect(Math.max(...sample(0, 0, turned).map((p) => Math.abs(p.x)))).toBeCloseTo(5, 1);
    // Turned 30°: every point is on the ellipse in its own turned frame.
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const tilted = arc(`M 0 0 A 20 5 30 0 1 ${40 * c} ${40 * s}`);
    for (const p of sample(0, 0, tilted)) {
      const u = (p.x - 20 * c) * c + (p.y - 20 * s) * s;
      const v = -(p.x - 20 * c) * s + (p.y - 20 * s) * c;
      expect((u / 20) ** 2 + (v / 5) ** 2).toBeCloseTo(1, 2);
    }
  });

  it('follows a turned ellipse between two points off its axes, around its own centre', () => {
    // The ellipse 20 × 5 about (0, 0), turned 30°, from its point at 30° to its point at 120° (a quarter, sweep 1):
    // the centre lies off the chord, and neither end is on an axis.
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const on = (t: number) => ({ x: 20 * Math.cos(t) * c - 5 * Math.sin(t) * s, y: 20 * Math.cos(t) * s + 5 * Math.sin(t) * c });
    const a = on(Math.PI / 6);
    const b = on((2 * Math.PI) / 3);
    const cmds = arc(`M ${a.x} ${a.y} A 20 5 30 0 1 ${b.x} ${b.y}`);
    expect(cmds).toHaveLength(1);
    for (const p of sample(a.x, a.y, cmds)) {
      const u = p.x * c + p.y * s;
      const v = -p.x * s + p.y * c;
      expect((u / 20) ** 2 + (v / 5) ** 2).toBeCloseTo(1, 2);
    }
    // Its middle is the ellipse's point at 75°.
    const mid = at(a.x, a.y, cmds[0] as Cubic, 0.5);
    expect(mid.x).toBeCloseTo(on((5 * Math.PI) / 12).x, 1);
    expect(mid.y).toBeCloseTo(on((5 * Math.PI) / 12).y, 1);
  });

  it('turns a quarter between two points that are both off the axes', () => {
    // Radius 10 about (0, 0), from 45° to 135°: one cubic on the circle through (0, 10).
    const r = 10 / Math.SQRT2;
    const cmds = arc(`M ${r} ${r} A 10 10 0 0 1 ${-r} ${r}`);
    expect(cmds).toHaveLength(1);
    for (const p of sample(r, r, cmds)) expect(Math.hypot(p.x, p.y)).toBeCloseTo(10, 1);
    expect(at(r, r, cmds[0] as Cubic, 0.5).y).toBeCloseTo(10, 1);
  });

  it('leaves out an arc that ends where it starts (SVG F.6.2)', () => {
    expect(parsePath('M 5 5 A 10 10 0 0 1 5 5 L 6 6')).toEqual([
      { c: 'M', x: 5, y: 5 },
      { c: 'L', x: 6, y: 6 },
    ]);
    expect(parsePath('M 5 5 a 10 10 0 1 0 0 0')).toEqual([{ c: 'M', x: 5, y: 5 }]);
  });

  it('draws a straight line for a zero radius', () => {
    expect(arc('M 0 0 A 0 10 0 0 1 20 5')).toEqual([{ c: 'L', x: 20, y: 5 }]);
    expect(arc('M 0 0 A 10 0 0 0 1 20 5')).toEqual([{ c: 'L', x: 20, y: 5 }]);
  });

  it('splits a full turn into four quarters (never more than 90° per cubic)', () => {
    // Two half circles make a full circle: two cubics each; a three-quarter arc needs three.
    const three = arc('M 10 0 A 10 10 0 1 1 0 -10');
    expect(three).toHaveLength(3);
    for (const p of sample(10, 0, three)) expect(Math.hypot(p.x, p.y)).toBeCloseTo(10, 1);
  });
});

describe('parsePath: errors', () => {
  it('names a missing number with the start of the path', () => {
    expect(() => parsePath('M 1 2 L 3')).toThrow('path: a number was expected in "M 1 2 L 3"');
    expect(() => parsePath('M 1')).toThrow(/a number was expected/);
  });

  it('cuts the path it quotes to 60 characters', () => {
    const long = `M 0 0 ${'L 1 1 '.repeat(20)}L`;
    expect(() => parsePath(long)).toThrow(`path: a number was expected in "${long.slice(0, 60)}"`);
  });

  it('refuses numbers before any command', () => {
    expect(() => parsePath('1 2')).toThrow('path: command "" is not supported');
  });
});
