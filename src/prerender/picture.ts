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

/** `idSuffix` tells apart the ids of two pictures of one page (the usual and the portrait one). */
export function pictureSvg(view: GraphView, positions: Positions, decorations?: Decorations, idSuffix = ''): string {
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
  // Its size is the largest the canvas would draw it (CSS shrinks it to the pane, keeping its proportions).
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(box.x1)} ${num(box.y1)} ${num(w)} ${num(h)}" width="${num(w * MAX_FIT_ZOOM)}" height="${num(h * MAX_FIT_ZOOM)}"`,
    ` overflow="visible" font-family="${esc(font.replace(/"/g, "'"))}" role="img" aria-labelledby="prerender-title${idSuffix} prerender-desc${idSuffix}">`,
    `<title id="prerender-title${idSuffix}">${esc(view.title)}</title><desc id="prerender-desc${idSuffix}">${esc(describeView(view))}</desc>`,
    lifted,
    '</svg>',
  ].join('');
}
