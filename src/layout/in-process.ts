/** ELK on the current thread: for Node (the build-time layout step) and tests. Never imported by the app. */
import ELK from 'elkjs/lib/elk.bundled.js';
import { fromElkGraph, toElkGraph, type ElkGraphJson } from './elk-graph.ts';
import { withTimeout } from './timeout.ts';
import { DEFAULT_LAYOUT_TIMEOUT_MS, type LayoutEngine } from './types.ts';

export function createInProcessEngine(): LayoutEngine {
  const elk = new ELK();
  return {
    async layout(input, options) {
      const ms = options?.timeoutMs ?? DEFAULT_LAYOUT_TIMEOUT_MS;
      const result = await withTimeout(elk.layout(toElkGraph(input) as never) as Promise<unknown>, ms, input.key);
      return fromElkGraph(input, result as ElkGraphJson);
    },
  };
}
