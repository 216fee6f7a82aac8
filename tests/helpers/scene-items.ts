/** A scene's node and edge as the export draws them (src/export/scene.ts), for tests of what draws a scene. */
import type { SceneEdge, SceneNode } from '../../src/export/scene.ts';

/** A plain 80×40 rectangle labelled "N" at (100, 50); `over` changes any field. */
export const sceneNode = (over: Partial<SceneNode> = {}): SceneNode => ({
  id: 'n',
  kind: 'gene-or-protein',
  title: 'N',
  x: 100,
  y: 50,
  w: 80,
  h: 40,
  shape: 'rectangle',
  fill: '#eeeeee',
  stroke: '#333333',
  strokeWidth: 2,
  dashed: false,
  double: false,
  lines: ['N'],
  bold: false,
  opacity: 1,
  bar: [],
  badge: 0,
  highlight: false,
  ...over,
});

/** A solid "activates" edge from a to b along the x axis, ending in a triangle; `over` changes any field. */
export const sceneEdge = (over: Partial<SceneEdge> = {}): SceneEdge => ({
  id: 'e',
  source: 'a',
  target: 'b',
  relation: 'activates',
  title: 'a activates b',
  points: [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
  ],
  tip: { x: 108, y: 0 },
  dir: { x: 1, y: 0 },
  colours: [],
  width: 1.6,
  line: 'solid',
  arrow: 'triangle',
  hollow: false,
  opacity: 1,
  ...over,
});
