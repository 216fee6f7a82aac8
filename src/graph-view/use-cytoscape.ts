/**
 * The Cytoscape instance's life: made in a task of its own after the commit that mounts the canvas, handed out
 * (to the owner, and to scripts and the browser tests as `window.mscAtlas`), with the source marks layer that lives
 * as long as it does.
 */
import type { Core } from 'cytoscape';
import { useCallback, useEffect, useRef, useState } from 'react';
import { SourceMarksLayer, type MarkBox } from './source-marks.ts';
import { skipEagerLayers } from './texture-warm.ts';

declare global {
  interface Window {
    /** Live Cytoscape instances by pane, for scripting and the browser tests. */
    mscAtlas?: { cy: Record<string, Core>; marks?: Record<string, () => MarkBox[]> };
  }
}

/** False on the first render, true from a task posted after its commit (a message: no timer clamping). */
function useMadeAfterYield(): boolean {
  const [made, setMade] = useState(false);
  useEffect(() => {
    if (made) return;
    if (typeof MessageChannel === 'undefined') return setMade(true);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => setMade(true);
    channel.port2.postMessage(null);
    return () => channel.port1.close();
  }, [made]);
  return made;
}

/**
 * Whether the canvas may be made now (`made`), the instance once it is (`cy`), and the callback that receives it
 * from react-cytoscapejs (`take`).
 *
 * Cytoscape is made in a task of its own, after the one that commits the rest of the page (the app shell on
 * start-up, the panels on a switch of view): making it (its renderer, canvases and stylesheet) and handing it the
 * elements took 20–35 ms of a start-up commit that was already long.
 */
export function useCytoscape() {
  const made = useMadeAfterYield();
  const [cy, setCy] = useState<Core | null>(null);
  const cyRef = useRef<Core | null>(null);
  const take = useCallback((instance: Core) => {
    if (cyRef.current !== instance) {
      cyRef.current = instance;
      skipEagerLayers(instance);
      setCy(instance);
    }
  }, []);
  return { made, cy, take };
}

/** Hand the instance out once it exists: to `onCy`, and as `window.mscAtlas.cy[name]`. */
export function useHandOut(cy: Core | null, onCy: ((cy: Core | null) => void) | undefined, name: string) {
  useEffect(() => {
    if (!cy) return;
    onCy?.(cy);
    window.mscAtlas ??= { cy: {} };
    window.mscAtlas.cy[name] = cy;
    return () => {
      onCy?.(null);
      if (window.mscAtlas?.cy[name] === cy) delete window.mscAtlas.cy[name];
    };
  }, [cy, onCy, name]);
}

/** The marks layer (source-marks.ts) of the instance, null until it exists. */
export function useMarksLayer(cy: Core | null, name: string): SourceMarksLayer | null {
  const [layer, setLayer] = useState<SourceMarksLayer | null>(null);
  useEffect(() => {
    if (!cy) return;
    const container = cy.container();
    if (!container) return;
    const l = new SourceMarksLayer(cy, container);
    setLayer(l);
    // Where the marks are, for the browser tests (marks must never cover label text).
    window.mscAtlas ??= { cy: {} };
    (window.mscAtlas.marks ??= {})[name] = () => l.boxes();
    return () => {
      if (window.mscAtlas?.marks) delete window.mscAtlas.marks[name];
      l.destroy();
      setLayer(null);
    };
  }, [cy, name]);
  return layer;
}
