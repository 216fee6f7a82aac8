/**
 * ELK in a Web Worker: the browser's engine for views with no precomputed layout. This module and elkjs are
 * loaded only through a dynamic import (see layout-service.ts), so they are not part of the start-up bundle.
 * elk-api.js talks to elk-worker.min.js over postMessage (https://github.com/kieler/elkjs#web-worker).
 */
import ELK from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import { fromElkGraph, toElkGraph, type ElkGraphJson } from './elk-graph.ts';
import { withTimeout } from './timeout.ts';
import { DEFAULT_LAYOUT_TIMEOUT_MS, type LayoutEngine } from './types.ts';

export function createWorkerEngine(): LayoutEngine {
  let elk: InstanceType<typeof ELK> | undefined;
  const get = () => (elk ??= new ELK({ workerFactory: () => new Worker(elkWorkerUrl) }));
  return {
    async layout(input, options) {
      const ms = options?.timeoutMs ?? DEFAULT_LAYOUT_TIMEOUT_MS;
      const instance = get();
      const result = await withTimeout(instance.layout(toElkGraph(input) as never) as Promise<unknown>, ms, input.key, () => {
        // A stuck layout would hold the worker: end it; the next call starts a fresh one.
        instance.terminateWorker();
        elk = undefined;
      });
      return fromElkGraph(input, result as ElkGraphJson);
    },
    dispose() {
      elk?.terminateWorker();
      elk = undefined;
    },
  };
}
