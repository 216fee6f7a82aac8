/**
 * From decorations (theme/decorations.ts) to per-element classes and data for the stylesheet: dimmed elements,
 * a bar of source colours along the bottom of each node (with a count badge when two or more sources share
 * it), and edges striped in their sources' colours.
 */
import type { GraphView } from '../model/view.ts';
import type { Decorations } from '../theme/decorations.ts';

export interface ElementStyle {
  classes: string;
  data?: Record<string, string | number | string[]>;
}

/**
 * Source bars are built from a handful of tiny images: one solid swatch per source colour and one badge per
 * count, made once and reused by every node (Cytoscape places several background images per node). Per-node
 * images made source toggles on the atlas decode and redraw new images each time, costing long main-thread
 * tasks (measured with npm run bench).
 */
const imageCache = new Map<string, string>();

function canvasImage(key: string, size: number, draw: (ctx: CanvasRenderingContext2D) => void, fallback: () => string): string {
  let uri = imageCache.get(key);
  if (uri) return uri;
  if (typeof document !== 'undefined') {
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d');
    if (ctx) {
      draw(ctx);
      const url = canvas.toDataURL('image/png');
      if (url.startsWith('data:image/png')) uri = url;
    }
  }
  uri ??= fallback();
  imageCache.set(key, uri);
  return uri;
}

const svgUri = (svg: string) => `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;

export function swatchImage(colour: string): string {
  return canvasImage(
    `swatch|${colour}`,
    4,
    (ctx) => {
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, 4, 4);
    },
    () => svgUri(`<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="${colour}"/></svg>`),
  );
}

export function badgeImage(count: number): string {
  // Drawn at 3× so it stays crisp when zoomed in.
  return canvasImage(
    `badge|${count}`,
    48,
    (ctx) => {
      ctx.fillStyle = '#000';
      ctx.beginPath();
      ctx.arc(24, 24, 23, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = '#fff';
      ctx.font = '600 33px Inter, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(String(count), 24, 26);
    },
    () =>
      svgUri(
        `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><circle cx="24" cy="24" r="23"/><text x="24" y="34" font-size="33" fill="#fff" text-anchor="middle">${count}</text></svg>`,
      ),
  );
}

export const BAR_HEIGHT = 6;
export const BADGE_SIZE = 16;

/** Background images of a node: equal segments of the source colours along the bottom, a count badge top right. */
export function sourceBarData(colours: readonly string[], badge: boolean) {
  const k = colours.length;
  const imgs = colours.map(swatchImage);
  // Cytoscape positions images like CSS: x% puts the image's x% point on the node's x% point.
  const xs = colours.map((_, i) => (k === 1 ? '0%' : `${((i / (k - 1)) * 100).toFixed(2)}%`));
  const ys = colours.map(() => '100%');
  const ws = colours.map(() => `${(100 / k).toFixed(3)}%`);
  const hs = colours.map(() => `${BAR_HEIGHT}px`);
  if (badge) {
    imgs.push(badgeImage(k));
    xs.push('100%');
    ys.push('0%');
    ws.push(`${BADGE_SIZE}px`);
    hs.push(`${BADGE_SIZE}px`);
  }
  return { bgImgs: imgs, bgX: xs, bgY: ys, bgW: ws, bgH: hs };
}

export function overlayStyles(view: GraphView, decorations: Decorations): Map<string, ElementStyle> {
  const out = new Map<string, ElementStyle>();
  for (const n of view.nodes) {
    const d = decorations.nodes.get(n.id);
    const classes: string[] = [];
    const data: Record<string, string | number | string[]> = { sharedCount: d?.sourceColours.length ?? 0 };
    if (d?.dim) classes.push('off');
    if (d?.sourceColours.length) {
      classes.push('sourced');
      if (d.shared) classes.push('shared');
      Object.assign(data, sourceBarData(d.sourceColours, d.shared));
    }
    if (d?.ownColour) {
      classes.push('source-on');
      data.sourceColour = d.ownColour;
    }
    if (d?.highlight) classes.push(d.highlight === 'on' ? 'path' : 'path-faded');
    out.set(n.id, { classes: classes.join(' '), data });
  }
  for (const e of view.edges) {
    const d = decorations.edges.get(e.id);
    const classes: string[] = [];
    const data: Record<string, string | number> = {};
    if (d?.dim) classes.push('off');
    if (d?.colours.length) {
      classes.push('coloured');
      // Equal stripes along the edge, hard stops between colours.
      const stops: string[] = [];
      const positions: string[] = [];
      d.colours.forEach((c, i) => {
        stops.push(c, c);
        positions.push(`${((i / d.colours.length) * 100).toFixed(1)}%`, `${(((i + 1) / d.colours.length) * 100).toFixed(1)}%`);
      });
      data.gc = stops.join(' ');
      data.gp = positions.join(' ');
      data.c0 = d.colours[d.colours.length - 1]!;
    }
    if (d?.highlight) classes.push(d.highlight === 'on' ? 'path' : 'path-faded');
    out.set(e.id, { classes: classes.join(' '), data });
  }
  return out;
}
