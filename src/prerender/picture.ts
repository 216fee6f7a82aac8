/**
 * A view as an inline SVG for the page the server sends: the export scene (the same shapes, colours and labels as
 * the canvas) painted by the SVG painter, with a title and a text description for screen readers and search
 * engines. Only presentation attributes: no inline style, so a strict Content-Security-Policy allows it.
 */
import { drawScene } from '../export/compose.ts';
import { SvgPainter } from '../export/painter.ts';
import { buildScene } from '../export/scene.ts';
import { drawingBox } from '../layout/drawing-box.ts';
import type { Positions } from '../layout/types.ts';
import { RELATION_VERB } from '../model/describe.ts';
import type { GraphView } from '../model/view.ts';
import type { Decorations } from '../theme/decorations.ts';

/** The canvas never zooms a fitted drawing beyond this (graph-canvas.tsx MAX_FIT_ZOOM); nor does the picture. */
const MAX_FIT_ZOOM = 1.5;
/** See pictureSvg: canvas labels sit this much (in em) higher than the painter's. */
const TEXT_LIFT = 0.11;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => String(Math.round(n * 100) / 100);

export function describeView(view: GraphView): string {
  const label = new Map(view.nodes.map((n) => [n.id, n.entity.label]));
  const relations = view.edges.map((e) => `${label.get(e.source)} ${RELATION_VERB[e.relation]} ${label.get(e.target)}`);
  return `${view.nodes.length} entities and ${view.edges.length} relations. ${relations.join('. ')}.`;
}

/**
 * `idSuffix` tells apart the ids of a page's picture and its portrait one; `compact: false` keeps the painter's shapes
 * as they are (compactShapes; for the test that both draw the same pixels).
 */
export function pictureSvg(view: GraphView, positions: Positions, decorations?: Decorations, idSuffix = '', { compact = true } = {}): string {
  const box = drawingBox(view, positions);
  const w = box.x2 - box.x1;
  const h = box.y2 - box.y1;
  const painter = new SvgPainter();
  drawScene(painter, buildScene(view, positions, decorations));
  // The painter's document without its XML declaration and outer element: its shapes, in model coordinates.
  const doc = painter.toString(1, 1, null, '');
  const body = doc.slice(doc.indexOf('<title></title>') + '<title></title>'.length, doc.lastIndexOf('</svg>'));
  const font = /font-family='([^']*)'/.exec(doc)?.[1] ?? 'Inter, sans-serif';
  // The painter puts a label's baseline 0.35 em below its middle (right for print and other SVG readers); Cytoscape
  // draws Inter's labels about 0.11 em higher. The picture follows the canvas, so labels do not move at the takeover.
  const lifted = body.replace(/<text x="([^"]+)" y="([^"]+)" font-size="([^"]+)"/g, (_m, x: string, y: string, size: string) =>
    `<text x="${x}" y="${num(Number(y) - TEXT_LIFT * Number(size))}" font-size="${size}"`,
  );
  const shapes = compact ? compactShapes(lifted) : { body: lifted, defaults: '' };
  // Its size is the largest the canvas would draw it (CSS shrinks it to the pane, keeping its proportions).
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(box.x1)} ${num(box.y1)} ${num(w)} ${num(h)}" width="${num(w * MAX_FIT_ZOOM)}" height="${num(h * MAX_FIT_ZOOM)}"`,
    ` overflow="visible" font-family="${esc(font.replace(/"/g, "'"))}"${shapes.defaults ? ` ${shapes.defaults}` : ''} role="img" aria-labelledby="prerender-title${idSuffix} prerender-desc${idSuffix}">`,
    `<title id="prerender-title${idSuffix}">${esc(view.title)}</title><desc id="prerender-desc${idSuffix}">${esc(describeView(view))}</desc>`,
    shapes.body,
    '</svg>',
  ].join('');
}

/**
 * The painter's shapes (export/painter.ts), made small for a page that has to arrive and be drawn at once: the same
 * pixels in about half the bytes and elements.
 * - No per-element titles and ids: the picture is one image (role="img") described by its own title and description,
 *   under the pointer of no one (the canvas below takes the pointer). Nodes keep their class and `data-id`.
 * - An edge's group, left with nothing to say, is dropped around its shapes.
 * - A node's fill and its outline, painted as two paths with the same outline, become one path (fill, then stroke: the
 *   order SVG paints one path in).
 * - Coordinates to a tenth of a unit (the canvas never zooms a picture beyond 1.5: at most 0.08 px off).
 * - Attributes that nearly every shape repeats are said once on the picture's <svg>, which its shapes inherit: line
 *   joins and ends (only stroked paths use them, and each stroked path carries its own), and the labels' size, colour
 *   and anchor (every label carries its own; every path carries its own fill).
 */
export function compactShapes(body: string): { body: string; defaults: string } {
  // Titles and ids out; edge groups unwrapped (their closing tags found by nesting).
  const dropClose: boolean[] = [];
  let out = body.replace(/<title>[^<]*<\/title>/g, '').replace(/<g [^>]*>|<\/g>/g, (tag) => {
    if (tag === '</g>') return dropClose.pop() ? '' : tag;
    const edge = /^<g id="[^"]*" class="edge" data-id="[^"]*">$/.test(tag);
    dropClose.push(edge);
    if (edge) return '';
    return tag.replace(/^<g id="[^"]*" class="node"/, '<g class="node"');
  });
  // A filled shape followed by its outline on the same path: one path.
  out = out.replace(/<path d="([^"]+)" fill="([^"]+)"\/>\s*<path d="\1" fill="none" (stroke="[^"]+" [^/>]*?)\/>/g, (all, d: string, fill: string, stroke: string) =>
    /opacity=/.test(stroke) ? all : `<path d="${d}" fill="${fill}" ${stroke}/>`,
  );
  // Numbers to a tenth, in path data and positions.
  const tenth = (n: string) => String(Math.round(Number(n) * 10) / 10);
  out = out.replace(/ (d|x|y)="([^"]*)"/g, (_m, name: string, value: string) => ` ${name}="${value.replace(/-?\d*\.\d+/g, tenth)}"`);
  // Inherited defaults, said once.
  const commonest = (re: RegExp) => {
    const counts = new Map<string, number>();
    for (const m of out.matchAll(re)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  };
  const defaults: string[] = [];
  const inherit = (attribute: string, value: string | undefined, on: RegExp) => {
    if (value === undefined) return;
    defaults.push(`${attribute}="${value}"`);
    out = out.replace(on, (tag) => tag.replace(` ${attribute}="${value}"`, ''));
  };
  inherit('stroke-linejoin', 'round', /<path [^>]*>/g);
  inherit('stroke-linecap', 'round', /<path [^>]*>/g);
  inherit('font-size', commonest(/<text [^>]*font-size="([^"]+)"/g), /<text [^>]*>/g);
  inherit('text-anchor', 'middle', /<text [^>]*>/g);
  // (Every path carries its own fill, "none" included; only labels take the picture's.)
  if (!/<path (?![^>]*fill=)[^>]*>/.test(out)) inherit('fill', commonest(/<text [^>]*fill="([^"]+)"/g), /<text [^>]*>/g);
  return { body: out, defaults: defaults.join(' ') };
}
