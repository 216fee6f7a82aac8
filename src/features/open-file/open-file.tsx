/**
 * Open your own graph: a button, drag and drop anywhere on the window, or `?src=` (same-origin addresses only).
 * The file is read, checked, matched to the atlas and laid out in a worker (import/client.ts) with progress and
 * Cancel; a finished graph is stored (storage/graphs.ts), added to "Your graphs" and shown. A file that cannot be
 * opened gets every problem with its place; the current view and earlier imports are left as they were.
 */
import { useAtomValue, useSetAtom, useStore } from 'jotai';
import { useCallback, useEffect, useRef, useState } from 'react';
import { takeEarlyDrop } from './early-drop.ts';
import type { RunningImport } from '../../import/client.ts';
import type { Stage } from '../../import/pipeline.ts';
import type { ImportProblem } from '../../model/imported.ts';
import { baseModelAtom, importsAtom, linkSrcAtom, modelAtom, noticeAtom, requireModel, setImportsAtom } from '../../state/atoms.ts';
import { ATLAS, loadDataAtom } from '../../state/data.ts';

// Storage and the import client load on first use, off the start-up path.
const storage = () => import('../../storage/graphs.ts');

const STAGE_TEXT: Record<Stage, string> = {
  reading: 'Reading the file…',
  checking: 'Checking it…',
  matching: 'Matching its entities to the atlas…',
  'laying out': 'Laying it out…',
};

const ACCEPT = '.json,.cyjs,.cx2,.cx,.graphml,.xml,.sbgn,.sbgnml,.sif,.txt';

type Status = { kind: 'running'; name: string; stage: Stage; done?: number } | { kind: 'failed'; name: string; problems: ImportProblem[] } | null;


export function OpenFile() {
  const store = useStore();
  const load = useSetAtom(loadDataAtom);
  const imports = useAtomValue(importsAtom);
  const setImports = useSetAtom(setImportsAtom);
  const setNotice = useSetAtom(noticeAtom);
  const src = useAtomValue(linkSrcAtom);
  const setSrc = useSetAtom(linkSrcAtom);
  const handledSrc = useRef<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [dragging, setDragging] = useState(false);
  const running = useRef<RunningImport | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const importsRef = useRef(imports);
  importsRef.current = imports;

  // The graphs kept in this browser, once at start.
  useEffect(() => {
    let live = true;
    storage().then((s) => s.listGraphs()).then(
      (stored) => live && setImports(stored),
      () => live && setImports([]),
    );
    return () => {
      live = false;
    };
  }, [setImports]);

  const open = useCallback(
    async (name: string, file: Blob) => {
      running.current?.cancel();
      setStatus({ kind: 'running', name, stage: 'reading' });
      // A graph is matched against every entity of the atlas: its data is loaded first (on first use).
      const [{ startImport }, loaded] = await Promise.all([import('../../import/client.ts'), load(ATLAS)]);
      if (loaded === false) {
        // The notice says what could not be loaded; nothing was opened.
        setStatus(null);
        return;
      }
      const base = store.get(baseModelAtom) ?? requireModel(store.get(modelAtom));
      // User-timing marks per stage (seen in the browser's performance panel; `npm run bench -- --scale` reads them).
      performance.mark('import:start');
      const job = startImport(name, file, [...base.entities.values()], [...base.references.keys()], (stage) => {
        performance.mark(`import:${stage}`);
        setStatus({ kind: 'running', name, stage });
      }, (done) => setStatus((s) => (s?.kind === 'running' && s.name === name ? { ...s, done } : s)));
      running.current = job;
      const outcome = await job.result;
      performance.mark('import:done');
      if (running.current !== job) return;
      running.current = null;
      if ('cancelled' in outcome) {
        setStatus(null);
        return;
      }
      if ('problems' in outcome) {
        setStatus({ kind: 'failed', name, problems: outcome.problems });
        return;
      }
      const graph = outcome.graph;
      try {
        await (await storage()).saveGraph(graph);
      } catch (e) {
        // Still shown now; only keeping it failed. Say so rather than pretend.
        setNotice(`Opened ${name}, but this browser would not keep it (${e instanceof Error ? e.message : String(e)}): it will be gone after a reload.`);
      }
      const next = [...importsRef.current.filter((g) => g.key !== graph.key), graph];
      // Address first: the URL mirror re-reads it when the model changes, and so opens the new graph.
      window.history.pushState(null, '', `${window.location.pathname}?figure=${graph.key}${window.location.hash}`);
      setImports(next);
      setStatus(null);
      const { nodes, edges, matched } = graph.stats;
      setNotice(`Opened ${graph.file}: ${nodes} nodes and ${edges} edges; ${matched} of the nodes are entities of the atlas. It is kept in this browser under Your graphs.`);
    },
    [store, load, setImports, setNotice],
  );

  // A modal dialog while running or after a failure.
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (status && !d.open) d.showModal?.();
    if (!status && d.open) d.close();
  }, [status]);

  // Drag and drop anywhere on the window.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void open(file.name, file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    // A file dropped while this code was loading (early-drop.ts) opens now.
    const early = takeEarlyDrop();
    if (early) void open(early.name, early);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [open]);

  // ?src=<same-origin address>: fetched and opened, once per page.
  useEffect(() => {
    // Once per link, even when effects run twice (StrictMode).
    if (!src || handledSrc.current === src) return;
    handledSrc.current = src;
    setSrc(null);
    let url: URL;
    try {
      url = new URL(src, window.location.href);
    } catch {
      setNotice('The link’s src is not an address; nothing was opened.');
      return;
    }
    if (url.origin !== window.location.origin) {
      setNotice(`The link asks to open a file from ${url.origin.slice(0, 60)}; only files from this site open by link (download it and open it here instead).`);
      return;
    }
    const name = decodeURIComponent(url.pathname.split('/').pop() || 'graph').slice(0, 200);
    fetch(url, { credentials: 'same-origin' })
      .then(async (r) => {
        if (!r.ok) throw new Error(`the server answered ${r.status}`);
        return r.blob();
      })
      .then(
        (blob) => open(name, blob),
        (e: unknown) => setStatus({ kind: 'failed', name, problems: [{ place: 'the address', reason: `it could not be fetched (${e instanceof Error ? e.message : String(e)})` }] }),
      );
  }, [src, setSrc, open, setNotice]);

  const cancel = () => {
    running.current?.cancel();
  };

  return (
    <>
      <button type="button" className="open-file-button" onClick={() => input.current?.click()}>
        Open a file…
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        aria-label="Graph file to open"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file.name, file);
        }}
      />
      {dragging && (
        <div className="drop-zone" aria-hidden="true">
          Drop a graph file to open it (the app’s bundle JSON, Cytoscape .cyjs, CX2, GraphML or SIF)
        </div>
      )}
      <dialog
        ref={dialog}
        className="import-dialog"
        aria-labelledby="import-heading"
        onCancel={(e) => {
          e.preventDefault();
          if (status?.kind === 'running') cancel();
          else setStatus(null);
        }}
      >
        {status?.kind === 'running' && (
          <div role="status" aria-live="polite">
            <h2 id="import-heading">Opening {status.name}</h2>
            <p>
              {STAGE_TEXT[status.stage]}
              {status.stage === 'laying out' && status.done !== undefined && ` ${Math.round(status.done * 100)}%`}
            </p>
            <progress aria-label="Import progress" value={Object.keys(STAGE_TEXT).indexOf(status.stage) + 1 + (status.done ?? 0)} max={Object.keys(STAGE_TEXT).length + 1} />
            <div className="dialog-actions">
              <button type="button" onClick={cancel}>
                Cancel
              </button>
            </div>
          </div>
        )}
        {status?.kind === 'failed' && (
          <div role="alert">
            <h2 id="import-heading">{status.name} could not be opened</h2>
            <p>Nothing was changed: your view and your graphs are as they were.</p>
            <ul className="import-problems">
              {status.problems.map((p, i) => (
                <li key={i}>
                  <code>{status.name.slice(0, 80)}</code> <span className="place">{p.place}</span>: {p.reason}
                </li>
              ))}
            </ul>
            <div className="dialog-actions">
              <button type="button" onClick={() => setStatus(null)}>
                Close
              </button>
            </div>
          </div>
        )}
      </dialog>
    </>
  );
}
