/**
 * The import worker: reads the file, then runs the import path (pipeline.ts) with ELK on this thread, posting
 * each stage (and, during a force layout, the share done) so the page can show progress. The page ends the worker to cancel.
 */
import { layoutImported } from '../layout/import-layout.ts';
import type { Entity } from '../model/schema.ts';
import { decodeFile, runImport, type ImportOutcome, type Stage } from './pipeline.ts';

export interface WorkerRequest {
  name: string;
  file: Blob;
  atlas: Entity[];
  refs: number[];
}
export type WorkerMessage = { type: 'stage'; stage: Stage } | { type: 'progress'; done: number } | { type: 'done'; outcome: ImportOutcome };

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { name, file, atlas, refs } = e.data;
  post({ type: 'stage', stage: 'reading' });
  let text: string;
  try {
    text = decodeFile(new Uint8Array(await file.arrayBuffer()));
  } catch (err) {
    post({ type: 'done', outcome: { problems: [{ place: 'the whole file', reason: `the file could not be read (${err instanceof Error ? err.message : String(err)})` }] } });
    return;
  }
  const outcome = await runImport({ name, text, atlas, refs }, { onStage: (stage) => post({ type: 'stage', stage }), layout: (input) => layoutImported(input, (done) => post({ type: 'progress', done })) });
  post({ type: 'done', outcome });
};
