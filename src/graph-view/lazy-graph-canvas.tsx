/**
 * The canvas component with its code (and Cytoscape's) in a chunk of its own, loaded as soon as the app starts
 * (start.tsx asks for it before anything else, and each page preloads it: scripts/prerender.ts). The app shell and
 * the canvas then compile and run in separate tasks instead of one long one, while the prerendered picture is on
 * screen. Once loaded, it renders at once, without suspending.
 */
import { use } from 'react';
import type { GraphCanvasProps } from './graph-canvas.tsx';

type CanvasModule = typeof import('./graph-canvas.tsx');

let loading: Promise<CanvasModule> | undefined;
let loaded: CanvasModule | undefined;

export function preloadGraphCanvas(): Promise<CanvasModule> {
  loading ??= import('./graph-canvas.tsx').then((m) => (loaded = m));
  return loading;
}

export function LazyGraphCanvas(props: GraphCanvasProps) {
  const { GraphCanvas } = loaded ?? use(preloadGraphCanvas());
  return <GraphCanvas {...props} />;
}
