/**
 * How each kind of entity and each relation looks: one table used by the canvas stylesheet, the legend, the
 * exports and the label measurement (a shape's usable width). Pure data, no library imports.
 *
 * Colours: fills are light tints so dark text stays legible (WCAG AA on every fill); borders use the Okabe–Ito
 * colour-blind-safe palette (https://jfly.uni-koeln.de/color/), and every kind also has its own shape, so colour
 * is never the only cue.
 */
import type { EntityKind, Relation } from '../model/schema.ts';

export type NodeShape =
  | 'round-rectangle'
  | 'rectangle'
  | 'ellipse'
  | 'hexagon'
  | 'octagon'
  | 'cut-rectangle'
  | 'barrel'
  | 'round-tag'
  | 'concave-hexagon'
  | 'rhomboid';

export interface KindStyle {
  shape: NodeShape;
  fill: string;
  border: string;
  borderWidth: number;
  borderStyle: 'solid' | 'dashed' | 'double';
  bold: boolean;
}

export const KIND_STYLE: Record<EntityKind, KindStyle> = {
  'msc-source': { shape: 'round-rectangle', fill: '#d4e6f5', border: '#0072B2', borderWidth: 3, borderStyle: 'solid', bold: true },
  intervention: { shape: 'cut-rectangle', fill: '#ececec', border: '#4d4d4d', borderWidth: 2, borderStyle: 'solid', bold: false },
  // A joined glyph in the spirit of SBGN's AND: the double rim says "these parts together", the source blue says
  // the combination is a treatment of its own.
  combination: { shape: 'round-rectangle', fill: '#e6e0f4', border: '#0072B2', borderWidth: 3, borderStyle: 'double', bold: true },
  vesicle: { shape: 'ellipse', fill: '#eadcf2', border: '#7b4f9d', borderWidth: 2, borderStyle: 'double', bold: false },
  'secreted-factor': { shape: 'round-rectangle', fill: '#fbe6c6', border: '#E69F00', borderWidth: 2, borderStyle: 'solid', bold: false },
  marker: { shape: 'rectangle', fill: '#fff6cf', border: '#a08a00', borderWidth: 1.5, borderStyle: 'dashed', bold: false },
  'msc-property': { shape: 'round-tag', fill: '#ddf0fa', border: '#56B4E9', borderWidth: 2, borderStyle: 'solid', bold: false },
  'anatomical-site': { shape: 'barrel', fill: '#ebebeb', border: '#7a7a7a', borderWidth: 1.5, borderStyle: 'solid', bold: false },
  mirna: { shape: 'hexagon', fill: '#f7d9e8', border: '#CC79A7', borderWidth: 2, borderStyle: 'solid', bold: false },
  'gene-or-protein': { shape: 'round-rectangle', fill: '#ffffff', border: '#333333', borderWidth: 1.5, borderStyle: 'solid', bold: false },
  pathway: { shape: 'concave-hexagon', fill: '#d3efe4', border: '#009E73', borderWidth: 2, borderStyle: 'solid', bold: false },
  'immune-cell': { shape: 'ellipse', fill: '#fadfcc', border: '#D55E00', borderWidth: 2, borderStyle: 'solid', bold: false },
  cytokine: { shape: 'round-rectangle', fill: '#fdece2', border: '#D55E00', borderWidth: 1.5, borderStyle: 'dashed', bold: false },
  'cell-type': { shape: 'ellipse', fill: '#eef5e1', border: '#5f7f25', borderWidth: 1.5, borderStyle: 'solid', bold: false },
  'cellular-process': { shape: 'rectangle', fill: '#f3f3f3', border: '#000000', borderWidth: 1.5, borderStyle: 'solid', bold: false },
  hormone: { shape: 'octagon', fill: '#e1ebfb', border: '#0072B2', borderWidth: 1.5, borderStyle: 'solid', bold: false },
  'ovarian-outcome': { shape: 'round-rectangle', fill: '#d8f2e8', border: '#009E73', borderWidth: 3, borderStyle: 'solid', bold: true },
  challenge: { shape: 'rhomboid', fill: '#fbe1e1', border: '#a33a3a', borderWidth: 2, borderStyle: 'solid', bold: false },
};

/** Extra width a shape needs so its label stays inside it (a rectangle needs none). */
export const SHAPE_WIDTH_FACTOR: Record<NodeShape, number> = {
  'round-rectangle': 1,
  rectangle: 1,
  ellipse: 1.3,
  hexagon: 1.25,
  octagon: 1.15,
  'cut-rectangle': 1.1,
  barrel: 1.1,
  'round-tag': 1.15,
  'concave-hexagon': 1.3,
  rhomboid: 1.3,
};

export type ArrowShape = 'triangle' | 'tee' | 'diamond' | 'vee' | 'circle' | 'square' | 'chevron';

export interface RelationStyle {
  arrow: ArrowShape;
  /** Hollow arrow heads ("unknown influence" in SBGN activity flow). */
  hollow: boolean;
  line: 'solid' | 'dashed' | 'dotted';
  group: string;
}

/**
 * SBGN activity-flow conventions: arrow = positive influence, tee = negative influence, hollow diamond = unknown
 * influence (https://sbgn.github.io/specifications). Production, carriage and cell behaviour are drawn dashed so
 * they read differently from regulation.
 */
export const RELATION_STYLE: Record<Relation, RelationStyle> = {
  upregulates: { arrow: 'triangle', hollow: false, line: 'solid', group: 'Increases (up-regulates, activates, promotes)' },
  activates: { arrow: 'triangle', hollow: false, line: 'solid', group: 'Increases (up-regulates, activates, promotes)' },
  promotes: { arrow: 'triangle', hollow: false, line: 'solid', group: 'Increases (up-regulates, activates, promotes)' },
  downregulates: { arrow: 'tee', hollow: false, line: 'solid', group: 'Decreases (down-regulates, inhibits, reduces)' },
  inhibits: { arrow: 'tee', hollow: false, line: 'solid', group: 'Decreases (down-regulates, inhibits, reduces)' },
  reduces: { arrow: 'tee', hollow: false, line: 'solid', group: 'Decreases (down-regulates, inhibits, reduces)' },
  regulates: { arrow: 'diamond', hollow: true, line: 'solid', group: 'Acts on, direction not stated' },
  secretes: { arrow: 'vee', hollow: false, line: 'dashed', group: 'Secretes, expresses, delivers' },
  expresses: { arrow: 'vee', hollow: false, line: 'dashed', group: 'Secretes, expresses, delivers' },
  delivers: { arrow: 'vee', hollow: false, line: 'dashed', group: 'Secretes, expresses, delivers' },
  'homes-to': { arrow: 'chevron', hollow: false, line: 'dashed', group: 'Homes to, differentiates into' },
  'differentiates-into': { arrow: 'chevron', hollow: false, line: 'dashed', group: 'Homes to, differentiates into' },
  'has-property': { arrow: 'circle', hollow: true, line: 'dotted', group: 'Has property' },
  pretreats: { arrow: 'square', hollow: false, line: 'dashed', group: 'Pretreats, combined with' },
  'combines-with': { arrow: 'square', hollow: false, line: 'dashed', group: 'Pretreats, combined with' },
  // SBGN's logic arc: a plain line into the combination, ending in a small open circle.
  'part-of': { arrow: 'circle', hollow: true, line: 'solid', group: 'Part of a combination' },
  'raises-concern': { arrow: 'circle', hollow: false, line: 'dotted', group: 'Open problem' },
  assessed: { arrow: 'square', hollow: true, line: 'dotted', group: 'Measured, no result stated' },
};

export const EDGE_COLOUR = '#3d3d3d';
export const FONT_FAMILY = 'Inter';
/**
 * Inter's faces for every character the app's own text never uses (a user's graph in Cyrillic, say: @fontsource's
 * files), a family of their own, named after Inter in each font list (vite.config.ts interFaces). In the family the
 * text is set in, every face not loaded yet costs the browser a system-font look-up for each size and weight it lays
 * text out in (a stand-in while the face loads: a synchronous call to the browser process each, before the first
 * picture); Inter keeps only the two start faces, which the page carries loaded.
 */
export const FONT_FAMILY_EXTRA = 'Inter Extra';
/** The font list of the app's text: Inter, then its other characters. */
export const FONT_LIST = `${FONT_FAMILY}, "${FONT_FAMILY_EXTRA}"`;
export const NODE_FONT_SIZE = 13;
export const LINE_HEIGHT = 1.25;
