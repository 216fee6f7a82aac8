/**
 * SVG path data as absolute move / line / cubic commands (arcs become cubic Béziers), for back ends that cannot
 * take SVG paths: slides (DrawingML custom geometry). Handles what src/theme/shapes.ts and the composer write.
 */
export type PathCmd = { c: 'M' | 'L'; x: number; y: number } | { c: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number } | { c: 'Z' };

/** Split a path into its commands and numbers. */
function tokens(d: string): (string | number)[] {
  return (d.match(/[MLHVCQAZmlhvcqaz]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? []).map((t) => (/[a-z]/i.test(t) && !/e/i.test(t) ? t : Number(t)));
}

/** Endpoint arc (SVG 1.1 F.6.5) as cubic Béziers, at most 90° each. */
function arcToCubics(x1: number, y1: number, rx: number, ry: number, phi: number, large: boolean, sweep: boolean, x2: number, y2: number): PathCmd[] {
  // An arc that ends where it starts is left out (F.6.2). Said here plainly: below, its centre and its number of
  // pieces would be NaN, and the loop would write nothing either.
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  if (x1 === x2 && y1 === y2) return [];
  if (rx === 0 || ry === 0) return [{ c: 'L', x: x2, y: y2 }];
  const sin = Math.sin((phi * Math.PI) / 180);
  const cos = Math.cos((phi * Math.PI) / 180);
  const dx = (x1 - x2) / 2;
  const dy = (y1 - y2) / 2;
  const xp = cos * dx + sin * dy;
  const yp = -sin * dx + cos * dy;
  rx = Math.abs(rx);
  ry = Math.abs(ry);
  const lambda = (xp * xp) / (rx * rx) + (yp * yp) / (ry * ry);
  // Stryker disable next-line EqualityOperator: equivalent, at lambda = 1 the radii are scaled by √1 = 1
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp;
  const den = rx * rx * yp * yp + ry * ry * xp * xp;
  const k = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
  const cxp = (k * rx * yp) / ry;
  const cyp = (-k * ry * xp) / rx;
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
  const cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
  const angle = (ux: number, uy: number, vx: number, vy: number) => {
    const a = Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
    return a;
  };
  const t1 = angle(1, 0, (xp - cxp) / rx, (yp - cyp) / ry);
  let dt = angle((xp - cxp) / rx, (yp - cyp) / ry, (-xp - cxp) / rx, (-yp - cyp) / ry);
  // dt is never 0: the ends differ (same ends are left out above), so the angle between them does not vanish.
  // Stryker disable next-line EqualityOperator: equivalent, dt = 0 does not occur
  if (!sweep && dt > 0) dt -= 2 * Math.PI;
  // Stryker disable next-line EqualityOperator: equivalent, dt = 0 does not occur
  if (sweep && dt < 0) dt += 2 * Math.PI;
  const n = Math.max(1, Math.ceil(Math.abs(dt) / (Math.PI / 2) - 1e-9));
  const step = dt / n;
  const alpha = (4 / 3) * Math.tan(step / 4);
  const point = (t: number) => ({ x: cx + rx * Math.cos(t) * cos - ry * Math.sin(t) * sin, y: cy + rx * Math.cos(t) * sin + ry * Math.sin(t) * cos });
  const deriv = (t: number) => ({ x: -rx * Math.sin(t) * cos - ry * Math.cos(t) * sin, y: -rx * Math.sin(t) * sin + ry * Math.cos(t) * cos });
  const out: PathCmd[] = [];
  for (let i = 0; i < n; i++) {
    const a = t1 + i * step;
    const b = a + step;
    const pa = point(a);
    const pb = i === n - 1 ? { x: x2, y: y2 } : point(b);
    const da = deriv(a);
    const db = deriv(b);
    out.push({ c: 'C', x1: pa.x + alpha * da.x, y1: pa.y + alpha * da.y, x2: pb.x - alpha * db.x, y2: pb.y - alpha * db.y, x: pb.x, y: pb.y });
  }
  return out;
}

export function parsePath(d: string): PathCmd[] {
  const t = tokens(d);
  const out: PathCmd[] = [];
  let i = 0;
  let cmd = '';
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  const num = () => {
    const v = t[i++];
    if (typeof v !== 'number') throw new Error(`path: a number was expected in "${d.slice(0, 60)}"`);
    return v;
  };
  while (i < t.length) {
    if (typeof t[i] === 'string') cmd = t[i++] as string;
    const rel = cmd === cmd.toLowerCase();
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    switch (cmd.toUpperCase()) {
      case 'M':
        x = ox + num();
        y = oy + num();
        sx = x;
        sy = y;
        out.push({ c: 'M', x, y });
        cmd = rel ? 'l' : 'L'; // further pairs are line-tos
        break;
      case 'L':
        x = ox + num();
        y = oy + num();
        out.push({ c: 'L', x, y });
        break;
      case 'H':
        x = ox + num();
        out.push({ c: 'L', x, y });
        break;
      case 'V':
        y = oy + num();
        out.push({ c: 'L', x, y });
        break;
      case 'C': {
        const x1 = ox + num();
        const y1 = oy + num();
        const x2 = ox + num();
        const y2 = oy + num();
        x = ox + num();
        y = oy + num();
        out.push({ c: 'C', x1, y1, x2, y2, x, y });
        break;
      }
      case 'Q': {
        const qx = ox + num();
        const qy = oy + num();
        const ex = ox + num();
        const ey = oy + num();
        out.push({ c: 'C', x1: x + (2 / 3) * (qx - x), y1: y + (2 / 3) * (qy - y), x2: ex + (2 / 3) * (qx - ex), y2: ey + (2 / 3) * (qy - ey), x: ex, y: ey });
        x = ex;
        y = ey;
        break;
      }
      case 'A': {
        const rx = num();
        const ry = num();
        const rot = num();
        const large = num() !== 0;
        const sweep = num() !== 0;
        const ex = ox + num();
        const ey = oy + num();
        out.push(...arcToCubics(x, y, rx, ry, rot, large, sweep, ex, ey));
        x = ex;
        y = ey;
        break;
      }
      case 'Z':
        out.push({ c: 'Z' });
        x = sx;
        y = sy;
        break;
      default:
        throw new Error(`path: command "${cmd}" is not supported`);
    }
  }
  return out;
}
