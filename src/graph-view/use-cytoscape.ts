/**
 * The Cytoscape instance's life: made in a task of its own after the commit that mounts the canvas, handed out
 * (to the owner, and to scripts and the browser tests as `window.mscAtlas`), with the source marks layer that lives
 * as long as it does.
 */
import type { Core } from 'cytoscape';
import { useCallback, useEffect, useRef, useState } from 'react';
import { keepContainerPlace } from './container-place.ts';
import { SourceMarksLayer, type MarkBox } from './source-marks.ts';
import { skipEagerLayers } from './texture-warm.ts';

declare global {
  interface Window {
    /** Live Cytoscape instances by pane, for scripting and the browser tests. */
    mscAtlas?: { cy: Record<string, Core>; marks?: Record<string, () => MarkBox[]> };
  }
}

/** False on the first render, true from a task posted after its commit. */
function useMadeAfterYield(): boolean {
  const [made, setMade] = useState(false);
  useEffect(() => (made ? undefined : nextTask(() => setMade(true))), [made]);
  return made;
}

/** Runs `then` in a task of its own, posted now (a message: no timer clamping); returns a function that cancels it. */
function nextTask(then: () => void): () => void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    then();
  };
  channel.port2.postMessage(null);
  return () => channel.port1.close();
}

/**
 * Whether the canvas may be made now (`made`), the instance once it holds the drawing (`cy`), and the callback that
 * receives it from react-cytoscapejs (`take`).
 *
 * Three tasks, none long (issue #10 point 3: no task over 50 ms from navigation until a click shows details):
 * 1. the commit that mounts the canvas, with the rest of the page, gives it an empty stand-in (`made` false);
 * 2. Cytoscape is made in the next task: its core, its default stylesheet, its renderer and canvases, with no
 *    elements and no stylesheet of ours (`made` true, `cy` still null: the owner gives it nothing yet);
 * 3. in the task after that, `cy` is handed out: the owner gives it the stylesheet and the elements, which
 *    react-cytoscapejs applies before any effect of the owner sees the instance. Making it and drawing in one task
 *    took 25–35 ms of CPU, the longest task of a start-up.
 * Steps 2 and 3 leave a performance mark (`canvas:made`, `canvas:handed`, with the instance's element count) for the
 * browser tests to tell the tasks apart (tests/e2e/start-tasks.e2e.ts).
 */
export function useCytoscape() {
  const made = useMadeAfterYield();
  const [cy, setCy] = useState<Core | null>(null);
  const cyRef = useRef<Core | null>(null);
  const take = useCallback((instance: Core) => {
    if (cyRef.current === instance) return;
    cyRef.current = instance;
    mark('canvas:made', instance.elements().length);
    skipEagerLayers(instance);
    // Where the canvas is on the page, fresh for each pointer event (container-place.ts).
    keepContainerPlace(instance);
    // (An instance unmounted meanwhile is destroyed by react-cytoscapejs: it is not handed out.)
    nextTask(() => {
      if (instance.destroyed()) return;
      mark('canvas:handed', instance.elements().length);
      setCy(instance);
    });
  }, []);
  return { made, cy, take };
}

/** A performance mark with the instance's element count. */
const mark = (name: string, elements: number) => performance.mark(name, { detail: { elements } });

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
