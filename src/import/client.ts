/** Starts an import in its own worker; the page gets stages, then the outcome, and can cancel at any time. */
import type { Entity } from '../model/schema.ts';
import { fileSizeProblem } from '../model/import-limits.ts';
import type { ImportOutcome, Stage } from './pipeline.ts';
import type { WorkerMessage, WorkerRequest } from './import.worker.ts';

export type ClientOutcome = ImportOutcome | { cancelled: true };

export interface RunningImport {
  result: Promise<ClientOutcome>;
  cancel(): void;
}

export function startImport(name: string, file: Blob, atlas: Entity[], refs: number[], onStage: (s: Stage) => void, onProgress?: (done: number) => void): RunningImport {
  const tooBig = fileSizeProblem(file.size);
  if (tooBig) return { result: Promise.resolve({ problems: [tooBig] }), cancel: () => {} };
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
  let settle: (o: ClientOutcome) => void = () => {};
  const result = new Promise<ClientOutcome>((resolve) => (settle = resolve));
  const finish = (o: ClientOutcome) => {
    worker.terminate();
    settle(o);
  };
  worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
    if (e.data.type === 'stage') onStage(e.data.stage);
    else if (e.data.type === 'progress') onProgress?.(e.data.done);
    else finish(e.data.outcome);
  };
  worker.onerror = (e) => finish({ problems: [{ place: 'the whole file', reason: `the import stopped (${e.message || 'the worker failed'})` }] });
  const request: WorkerRequest = { name, file, atlas, refs };
  worker.postMessage(request);
  return { result, cancel: () => finish({ cancelled: true }) };
}
