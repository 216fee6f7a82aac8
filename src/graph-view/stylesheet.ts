/**
 * The Cytoscape stylesheet: what all nodes and edges share, their border by kind, and the classes that selection
 * and overlays toggle. Each element's fixed look by kind and relation (shape, fill, SBGN activity-flow arrow
 * heads) is a style bypass from elements.ts. Built from the shared theme so legend and exports agree.
 */
import type { StylesheetJson } from 'cytoscape';
import { EDGE_COLOUR, FONT_LIST, LINE_HEIGHT, NODE_FONT_SIZE } from '../theme/kinds.ts';

export const SELECTED_COLOUR = '#000000';
export const HIGHLIGHT_COLOUR = '#F0E442';

export function buildStylesheet(): StylesheetJson {
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        // Label, size, shape, fill and font weight are per-element bypasses (elements.ts); the border is data.
        'border-color': 'data(border)',
        'border-width': 'data(borderWidth)',
        'border-style': 'data(borderStyle)' as never,
        'font-family': FONT_LIST,
        'font-size': NODE_FONT_SIZE,
        'line-height': LINE_HEIGHT,
        color: '#111111',
        'text-valign': 'center',
        'text-halign': 'center',
        'text-wrap': 'wrap',
        'text-max-width': '400px', // labels arrive wrapped (measure.ts); this only stops Cytoscape re-wrapping them
        'min-zoomed-font-size': 4,
        'overlay-opacity': 0,
      },
    },
    {
      selector: 'edge',
      style: {
        // Arrow heads, line style and bends are per-element bypasses (elements.ts).
        width: 1.6,
        'line-color': EDGE_COLOUR,
        'target-arrow-color': EDGE_COLOUR,
        'arrow-scale': 1.1,
        'line-dash-pattern': [6, 4],
        'overlay-opacity': 0,
      },
    },
  ];
  sheet.push(
    // Overlays (overlay-styles.ts): what the active sources and filters leave out is dimmed, not moved.
    { selector: '.off', style: { opacity: 0.12 } },
    // Edges no active source supports are hidden outright: a ghost of every edge adds clutter, and not drawing
    // them keeps restyles of the atlas cheaper.
    { selector: 'edge.off', style: { visibility: 'hidden' } },
    // An active source's own colour, at its kind's border width: a width change would make Cytoscape recompute
    // the node's bounds and its edges' geometry, and draw the frame twice.
    { selector: 'node.source-on', style: { 'border-color': 'data(sourceColour)' } },
    { selector: 'edge.coloured', style: { width: 2.4, 'line-color': 'data(c0)', 'target-arrow-color': 'data(c0)' } },
    {
      selector: 'edge.striped',
      style: {
        'line-fill': 'linear-gradient',
        'line-gradient-stop-colors': 'data(gc)' as never, // space-separated list, per edge
        'line-gradient-stop-positions': 'data(gp)' as never,
      },
    },
    { selector: '.path-faded', style: { opacity: 0.15 } },
    { selector: 'edge.path', style: { width: 4.5, 'z-index': 20 } },
    { selector: 'node.path', style: { 'underlay-color': HIGHLIGHT_COLOUR, 'underlay-opacity': 0.9, 'underlay-padding': 5 } },
    { selector: 'node:selected', style: { 'border-color': SELECTED_COLOUR, 'border-width': 4, 'border-style': 'solid' } },
    {
      selector: 'edge:selected',
      style: { width: 4, 'line-color': SELECTED_COLOUR, 'target-arrow-color': SELECTED_COLOUR, 'z-index': 10 },
    },
    // Neighbourhood of the selection stays vivid; the rest fades.
    { selector: '.faded', style: { opacity: 0.22 } },
    { selector: 'edge.neighbour', style: { width: 2.6 } },
    // On a big drawing nothing fades (graph-canvas.tsx): the selection's neighbours are marked instead.
    { selector: 'node.near', style: { 'underlay-color': HIGHLIGHT_COLOUR, 'underlay-opacity': 0.6, 'underlay-padding': 4 } },
    // Level of detail (label-lod.ts): labels drawn at a readable size over a zoomed-out drawing get a light
    // backing so they read over edges; the others are not drawn.
    { selector: 'node.lod-label', style: { 'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': '1px', 'z-index': 5 } },
    { selector: 'node.lod-hidden', style: { 'text-opacity': 0 } },
    { selector: 'node.hover', style: { 'underlay-color': HIGHLIGHT_COLOUR, 'underlay-opacity': 0.8, 'underlay-padding': 6 } },
  );
  return sheet;
}
