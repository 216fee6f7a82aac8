/**
 * From decorations (theme/decorations.ts) to per-element classes and data for the stylesheet: dimmed elements,
 * a bar of source colours along the bottom of each node (with a count badge when two or more sources share
 * it), and edges striped in their sources' colours.
 */
import type { GraphView } from '../model/view.ts';
import type { Decorations } from '../theme/decorations.ts';

export interface ElementStyle {
  classes: string;
  data?: Record<string, string | number>;
}

const svgCache = new Map<string, string>();

/** An SVG the size of the node: coloured segments along the bottom, and a count badge when shared. */
export function sourceBar(width: number, height: number, colours: readonly string[], badge: boolean): string {
  const key = `${width}x${height}|${colours.join(',')}|${badge}`;
  let uri = svgCache.get(key);
  if (uri) return uri;
  const bar = 6;
  const seg = width / colours.length;
  const rects = colours
    .map((c, i) => `<rect x="${(i * seg).toFixed(1)}" y="${height - bar}" width="${(seg + 0.5).toFixed(1)}" height="${bar}" fill="${c}"/>`)
    .join('');
  const r = 8;
  const badgeSvg = badge
    ? `<circle cx="${width - r - 1}" cy="${r + 1}" r="${r}" fill="#000"/><text x="${width - r - 1}" y="${r + 5}" font-family="Inter, sans-serif" font-size="11" font-weight="600" fill="#fff" text-anchor="middle">${colours.length}</text>`
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rects}${badgeSvg}</svg>`;
  uri = `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
  svgCache.set(key, uri);
  return uri;
}

export function overlayStyles(
  view: GraphView,
  decorations: Decorations,
  sizes: ReadonlyMap<string, { width: number; height: number }>,
): Map<string, ElementStyle> {
  const out = new Map<string, ElementStyle>();
  for (const n of view.nodes) {
    const d = decorations.nodes.get(n.id);
    const classes: string[] = [];
    const data: Record<string, string | number> = { sharedCount: d?.sourceColours.length ?? 0 };
    if (d?.dim) classes.push('off');
    if (d?.sourceColours.length) {
      const size = sizes.get(n.id)!;
      classes.push('sourced');
      if (d.shared) classes.push('shared');
      data.bar = sourceBar(size.width, size.height, d.sourceColours, d.shared);
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
