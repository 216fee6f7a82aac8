/**
 * The Cytoscape stylesheet: nodes by entity kind (shape, fill, border), edges by relation (SBGN activity-flow
 * arrow heads), plus the classes overlays toggle. Built from the shared theme so legend and exports agree.
 */
import type { StylesheetJson } from 'cytoscape';
import { EDGE_COLOUR, FONT_FAMILY, LINE_HEIGHT, NODE_FONT_SIZE } from '../theme/kinds.ts';

export const SELECTED_COLOUR = '#000000';
export const HIGHLIGHT_COLOUR = '#F0E442';

export function buildStylesheet(): StylesheetJson {
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(text)',
        width: 'data(w)',
        height: 'data(h)',
        'font-family': FONT_FAMILY,
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
        width: 1.6,
        'line-color': EDGE_COLOUR,
        'target-arrow-color': EDGE_COLOUR,
        'arrow-scale': 1.1,
        'curve-style': 'straight',
        'overlay-opacity': 0,
      },
    },
    {
      // ELK's bend points, converted to Cytoscape's segment distances and weights (elements.ts).
      selector: 'edge[?bent]',
      style: {
        'curve-style': 'segments',
        'segment-distances': 'data(segD)',
        'segment-weights': 'data(segW)',
        'edge-distances': 'node-position',
      },
    },
  ];
  // Look by kind and relation comes from element data (elements.ts), not from one selector per kind: every
  // restyle matches each element against every selector, so 33 fewer selectors make source toggles cheaper.
  sheet.push(
    {
      selector: 'node',
      style: {
        shape: 'data(shape)' as never,
        'background-color': 'data(fill)',
        'border-color': 'data(border)',
        'border-width': 'data(borderWidth)',
        'border-style': 'data(borderStyle)' as never,
        'font-weight': 'data(fontWeight)' as never,
      },
    },
    {
      selector: 'edge',
      style: {
        'target-arrow-shape': 'data(arrow)' as never,
        'target-arrow-fill': 'data(arrowFill)' as never,
        'line-style': 'data(lineStyle)' as never,
        'line-dash-pattern': [6, 4],
      },
    },
  );
  sheet.push(
    // Overlays (overlay-styles.ts): what the active sources and filters leave out is dimmed, not moved.
    { selector: '.off', style: { opacity: 0.12 } },
    // Edges no active source supports are hidden outright: a ghost of every edge adds clutter, and not drawing
    // them keeps restyles of the atlas cheaper.
    { selector: 'edge.off', style: { visibility: 'hidden' } },
    { selector: 'node.source-on', style: { 'border-color': 'data(sourceColour)', 'border-width': 5 } },
    {
      selector: 'edge.coloured',
      style: {
        width: 2.4,
        'line-fill': 'linear-gradient',
        'line-gradient-stop-colors': 'data(gc)' as never, // space-separated list, per edge
        'line-gradient-stop-positions': 'data(gp)' as never,
        'target-arrow-color': 'data(c0)',
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
    { selector: 'node.hover', style: { 'underlay-color': HIGHLIGHT_COLOUR, 'underlay-opacity': 0.8, 'underlay-padding': 6 } },
  );
  return sheet;
}
