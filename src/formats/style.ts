/**
 * Our theme (src/theme/kinds.ts) in the words other tools use: Cytoscape desktop's visual lexicon, the portable
 * style of CX2 (NDEx, Cytoscape Web) and yEd's shapes. Each tool knows fewer shapes than we draw; where one is
 * missing we pick the nearest it has, so kinds stay apart by colour and, as far as possible, by shape.
 */
import { ENTITY_KINDS, RELATIONS, type EntityKind, type Relation } from '../model/schema.ts';
import { KIND_STYLE, RELATION_STYLE, type ArrowShape, type NodeShape } from '../theme/kinds.ts';

/** Shapes of the CX2 portable style (NDEx, Cytoscape Web), which knows fewer than cytoscape.js: ours, narrowed. */
export const PORTABLE_SHAPE: Record<NodeShape, string> = {
  'round-rectangle': 'round-rectangle',
  rectangle: 'rectangle',
  ellipse: 'ellipse',
  hexagon: 'hexagon',
  octagon: 'octagon',
  'cut-rectangle': 'octagon',
  barrel: 'round-rectangle',
  'round-tag': 'diamond',
  'concave-hexagon': 'hexagon',
  rhomboid: 'parallelogram',
};

/** Arrow heads of the CX2 portable style (triangle, tee, diamond, circle, square). */
export const PORTABLE_ARROW: Record<ArrowShape, string> = {
  triangle: 'triangle',
  tee: 'tee',
  diamond: 'diamond',
  vee: 'triangle',
  chevron: 'triangle',
  circle: 'circle',
  square: 'square',
};

/** Cytoscape desktop's names (vizmap XML): NodeShapeVisualProperty, ArrowShapeVisualProperty, LineTypeVisualProperty. */
export const DESKTOP_SHAPE: Record<NodeShape, string> = {
  'round-rectangle': 'ROUND_RECTANGLE',
  rectangle: 'RECTANGLE',
  ellipse: 'ELLIPSE',
  hexagon: 'HEXAGON',
  octagon: 'OCTAGON',
  'cut-rectangle': 'OCTAGON',
  barrel: 'ROUND_RECTANGLE',
  'round-tag': 'DIAMOND',
  'concave-hexagon': 'HEXAGON',
  rhomboid: 'PARALLELOGRAM',
};

export const DESKTOP_ARROW: Record<ArrowShape, string> = {
  triangle: 'DELTA',
  tee: 'T',
  diamond: 'DIAMOND',
  vee: 'ARROW',
  chevron: 'ARROW',
  circle: 'CIRCLE',
  square: 'SQUARE',
};

export const DESKTOP_LINE: Record<'solid' | 'dashed' | 'dotted' | 'double', string> = {
  solid: 'SOLID',
  dashed: 'EQUAL_DASH',
  dotted: 'DOT',
  double: 'SOLID',
};

/** yEd's ShapeNode shapes (y:Shape type). */
export const YED_SHAPE: Record<NodeShape, string> = {
  'round-rectangle': 'roundrectangle',
  rectangle: 'rectangle',
  ellipse: 'ellipse',
  hexagon: 'hexagon',
  octagon: 'octagon',
  'cut-rectangle': 'octagon',
  barrel: 'roundrectangle',
  'round-tag': 'fatarrow',
  'concave-hexagon': 'hexagon',
  rhomboid: 'parallelogram',
};

/** yEd's arrow names (y:Arrows target). */
export const YED_ARROW: Record<ArrowShape, string> = {
  triangle: 'standard',
  tee: 't_shape',
  diamond: 'white_diamond',
  vee: 'plain',
  chevron: 'plain',
  circle: 'circle',
  square: 'diamond',
};

export const KINDS: readonly EntityKind[] = ENTITY_KINDS;
export const RELATION_LIST: readonly Relation[] = RELATIONS;
export { KIND_STYLE, RELATION_STYLE };

/** Portable line style: solid, dashed or dotted. */
export const portableLine = (r: Relation): 'solid' | 'dashed' | 'dotted' => RELATION_STYLE[r].line;

/** Portable border style of a kind: CX2 knows solid, dashed, dotted, double. */
export const portableBorder = (k: EntityKind): 'solid' | 'dashed' | 'double' => KIND_STYLE[k].borderStyle;
