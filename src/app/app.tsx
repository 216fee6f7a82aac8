import { atom, createStore, Provider, useAtom, useAtomValue, useSetAtom } from 'jotai';
import { Suspense, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { lazyPart } from './lazy-part.tsx';
import { replayEarlyInput } from './early-input.ts';
import type { LayoutService } from '../layout/layout-service.ts';
import { formatIssue, type Issue, type Model } from '../model/types.ts';
import { baseModelAtom, compareAtom, currentFigureAtom, layoutServiceAtom, linkSrcAtom, modeAtom, modelAtom, requireModel, selectionAtom, sidePanelOpenAtom, urlStateAtom, type ViewMode } from '../state/atoms.ts';
import { parseUrl } from '../state/url.ts';
import { figureNeed, modelLoaderAtom, navigateAtom } from '../state/data.ts';
import type { ModelLoader } from '../data/model-parts.ts';
import { useUrlSync } from '../state/use-url-sync.ts';
import { usePhonePortrait } from '../state/use-phone-portrait.ts';
import { isEmbedded, withEmbed } from '../state/embed.ts';
import { toSearch } from '../state/url.ts';
import { defaultUrlState } from '../state/choices.ts';
import { ViewBoundary } from './view-boundary.tsx';
import { preloadGraphCanvas } from '../graph-view/lazy-graph-canvas.tsx';
import { DetailsPanel } from '../features/details/details-panel.tsx';
import { FigurePicker } from '../features/figure-picker/figure-picker.tsx';
import { MainGraph } from '../features/main-graph/main-graph.tsx';
import { Notice } from '../features/notice/notice.tsx';
import { ViewTabs } from '../features/view-tabs/view-tabs.tsx';
import { Search } from '../features/search/search.tsx';
import { SharedFactors } from '../features/shared-factors/shared-factors.tsx';
import { SidePanelToggle } from '../features/side-panel/side-panel-toggle.tsx';

// Split by view: what a figure does not show at first is loaded when it is first shown (compare, the side panel
// of sources, filters and paths) or once the figure is interactive (the export dialog and its encoders).
const CompareView = lazyPart(() => import('../features/compare/compare-view.tsx').then((m) => m.CompareView));
const CompareSummary = lazyPart(() => import('../features/compare/compare-view.tsx').then((m) => m.CompareSummary));
const ExportDialog = lazyPart<{ autoOpen?: boolean }>(() => import('../features/export/export-dialog.tsx').then((m) => m.ExportDialog));
const TextAlternative = lazyPart(() => import('../features/text-alternative/text-alternative.tsx').then((m) => m.TextAlternative));
const SidePanel = lazyPart(() => import('./side-panel.tsx').then((m) => m.SidePanel));
// Opening files (and reading the graphs kept in this browser): see LazyOpenFile.
const OpenFile = lazyPart(() => import('../features/open-file/open-file.tsx').then((m) => m.OpenFile));

/** Loads the compare view's code: a page that opens on a comparison has it before its first render (no fallback). */
export const preloadCompare = () => Promise.all([CompareView.preload(), CompareSummary.preload()]);

/** Loads every part's code (tests render the whole app at once; nothing suspends then). */
export const preloadParts = () =>
  Promise.all([...[CompareView, CompareSummary, ExportDialog, TextAlternative, SidePanel, OpenFile].map((p) => p.preload()), preloadGraphCanvas()]);

/** The export button before its dialog's code is loaded: same look; a click loads it and opens the dialog. */
function ExportPlaceholder({ onClick }: { onClick?: () => void }) {
  return (
    <button type="button" className="export-button" onClick={onClick}>
      Export
    </button>
  );
}

/**
 * How long after the canvas's code is in the code for later (the export dialog, opening files) waits before it asks for
 * an idle moment: the canvas's first drawing and the reader's first click come first. (With the app's code fetched
 * after the page's first paint, the canvas's code can be in while the view's data still comes, an idle moment for the
 * browser: the export dialog's code, 20 KB gzipped, then came in before the first click was answered in half the runs.)
 */
export const IDLE_AFTER_CANVAS_MS = 1000;

/**
 * True once the browser has been idle after start-up: code not needed for the first picture loads then. Not before
 * the canvas's code is in and IDLE_AFTER_CANVAS_MS have passed: while its chunks come in the browser is idle, and code
 * asked for then competed with them for the network and the main thread.
 */
export function useIdle() {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let cancel = () => {};
    void preloadGraphCanvas()
      .catch(() => undefined)
      .then(() => {
        if (cancelled) return;
        const request = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 200));
        const timer = window.setTimeout(() => {
          const id = request(() => setIdle(true));
          cancel = () => (window.cancelIdleCallback ?? window.clearTimeout)(id);
        }, IDLE_AFTER_CANVAS_MS);
        cancel = () => window.clearTimeout(timer);
      });
    return () => {
      cancelled = true;
      cancel();
    };
  }, []);
  return idle;
}

/** The export dialog, its code loaded when the browser is idle after start-up, or at once on a click. */
function LazyExport() {
  const idle = useIdle();
  const [clicked, setClicked] = useState(false);
  const load = clicked ? 'open' : idle || ExportDialog.loaded ? 'load' : 'idle';
  if (load === 'idle') return <ExportPlaceholder onClick={() => setClicked(true)} />;
  return (
    <Suspense fallback={<ExportPlaceholder onClick={() => setClicked(true)} />}>
      <ExportDialog autoOpen={load === 'open'} />
    </Suspense>
  );
}

/** "Open a file…" before its code has loaded: the same look, not yet usable. */
function OpenFilePlaceholder() {
  return (
    <button type="button" className="open-file-button" disabled>
      Open a file…
    </button>
  );
}

/**
 * Opening files, and the graphs kept in this browser, loaded once the browser is idle after start-up: a figure is used
 * without them, and their code (2.5 KB gzipped) is then not among what the page loads before its first click is
 * answered (issue #10's budget to interactive). At once when the address needs them: a file to open (`?src=`) or a
 * graph of the reader's own (an `import-` id). A file dropped meanwhile is kept for them (early-drop.ts).
 */
function LazyOpenFile() {
  const idle = useIdle();
  const src = useAtomValue(linkSrcAtom);
  const [needed] = useState(() => src !== null || (typeof window !== 'undefined' && /import-/.test(window.location.search)));
  if (!idle && !needed && !OpenFile.loaded) return <OpenFilePlaceholder />;
  return (
    <Suspense fallback={<OpenFilePlaceholder />}>
      <OpenFile />
    </Suspense>
  );
}

/**
 * `?embed=1`: the diagram with its title and legend and a link back to the full app, for an <iframe> on a course
 * page or a journal supplement.
 */
/** The view itself: compare (loaded on first use) or the figure/atlas canvas. */
function ViewStage({ mode }: { mode: ViewMode }) {
  return mode === 'compare' ? (
    <Suspense fallback={<p className="stage-message" role="status">Loading Compare…</p>}>
      <CompareView />
    </Suspense>
  ) : (
    <MainGraph />
  );
}

/** Back to the first figure (a view's error boundary offers it), once its data is loaded. */
function useHome(model: Model) {
  const navigate = useSetAtom(navigateAtom);
  return () => {
    const home = defaultUrlState(model);
    navigate(figureNeed(home.figure), (set) => set(urlStateAtom, home));
  };
}

/**
 * Keeps the address bar in step with the choices (use-url-sync.ts). A component of its own, rendering nothing: a new
 * choice (a click's selection) re-renders it alone, not the shell around the whole page.
 */
function UrlSync() {
  useUrlSync();
  return null;
}

/** The embedded view's link back to the full app, at the view and choices shown (re-rendered alone when they change). */
function OpenInAtlas() {
  const model = requireModel(useAtomValue(modelAtom));
  const state = useAtomValue(urlStateAtom);
  const full = `${window.location.origin}${window.location.pathname}${withEmbed(toSearch(state, model), false)}`;
  return (
    <a href={full} target="_blank" rel="noopener">
      Open in MSC–POF Atlas
    </a>
  );
}

function EmbeddedShell() {
  const mode = useAtomValue(modeAtom);
  const model = requireModel(useAtomValue(modelAtom));
  const home = useHome(model);
  return (
    <div className="app embed">
      <Notice />
      <main className="workspace embed">
        <ViewBoundary name="This view" resetKey={mode} onHome={home}>
          <ViewStage mode={mode} />
        </ViewBoundary>
      </main>
      <footer className="embed-footer">
        From Fu et al., Stem Cell Res Ther 2021;12:161 (CC BY 4.0), redrawn. <OpenInAtlas />
      </footer>
      {/* Last: its effects run after the page's (as the shell's own did), so the address is read once they have. */}
      <UrlSync />
    </div>
  );
}

function Shell() {
  // Read once: the address the page opened at decides whether it is an embedded view.
  const [embedded] = useState(() => typeof window !== 'undefined' && isEmbedded(window.location.search));
  usePhonePortrait();
  // The app's first commit has replaced the prerendered page: what the reader did to it meanwhile is done now, once
  // (early-input.ts; the last layout effect of the first commit, so every control of the page is in place).
  useLayoutEffect(() => void replayEarlyInput(), []);
  return embedded ? <EmbeddedShell /> : <FullShell />;
}

/**
 * On a narrow screen (a tablet, a small laptop: app.css, `max-width: 1300px`) the details panel is a drawer over the
 * diagram's right edge instead of a column beside it, so the diagram gets the whole width. It opens when something
 * is selected or on its button, and closes on its Close button; on a wide screen it is always shown.
 *
 * Whether it is open is an atom read by the button and the drawer alone: a selection re-renders those two, not the
 * shell (whose re-render re-rendered every panel of the page in the click's task, issue #10 point 3).
 */
const drawerOpenAtom = atom(false);

function DetailsToggle() {
  const [open, setOpen] = useAtom(drawerOpenAtom);
  return (
    <button type="button" className="side-toggle details-toggle" aria-expanded={open} aria-controls="details-drawer" onClick={() => setOpen(!open)}>
      {open ? (
        <>
          Hide details
          <span className="tri right after" aria-hidden="true" />
        </>
      ) : (
        <>
          <span className="tri left" aria-hidden="true" />
          Details & shared factors
        </>
      )}
    </button>
  );
}

/** The drawer (its content is the shell's: unchanged elements, so opening it re-renders none of it). */
function DetailsDrawer({ closable, children }: { closable: boolean; children: ReactNode }) {
  const [open, setOpen] = useAtom(drawerOpenAtom);
  const selection = useAtomValue(selectionAtom);
  // Before the browser paints, in the task of the click: the drawer shows with the details, never a frame after them
  // (a passive effect ran in a later task when the selection came from a canvas tap).
  useLayoutEffect(() => {
    if (selection) setOpen(true);
  }, [selection, setOpen]);
  return (
    <div id="details-drawer" className={`side-panel right ${open ? 'drawer-open' : ''}`}>
      {closable && (
        <button type="button" className="drawer-close" onClick={() => setOpen(false)}>
          Close
        </button>
      )}
      {children}
    </div>
  );
}

function FullShell() {
  const idle = useIdle();
  const mode = useAtomValue(modeAtom);
  const sideOpen = useAtomValue(sidePanelOpenAtom);
  const model = requireModel(useAtomValue(modelAtom));
  const figure = useAtomValue(currentFigureAtom);
  const pair = useAtomValue(compareAtom);
  const home = useHome(model);
  const viewKey = `${mode}|${figure.id}|${pair ? `${pair.left.id}|${pair.right.id}` : ''}`;
  const viewName = mode === 'atlas' ? 'The atlas' : mode === 'compare' ? 'The comparison' : figure.label;
  return (
    <div className="app">
      <div className="screen">
      <header className="app-header">
        <h1>
          MSC–POF Atlas <span className="subtitle">how mesenchymal stem cells repair the ovary in premature ovarian failure</span>
        </h1>
        <div className="header-controls">
          <ViewTabs />
          {mode === 'figure' && <FigurePicker />}
          <Search />
          <LazyOpenFile />
          <LazyExport />
        </div>
      </header>
      <Notice />
      {mode !== 'compare' && (
        <div className="toolbar-row">
          <SidePanelToggle controls="side-panel" />
          <DetailsToggle />
        </div>
      )}
      <main className={`workspace ${sideOpen && mode !== 'compare' ? 'with-side' : ''} ${mode === 'compare' ? 'compare' : ''}`}>
        {sideOpen && mode !== 'compare' && (
          <aside id="side-panel" className="side-panel" aria-label="Sources, filters and paths">
            <ViewBoundary name="The side panel" resetKey={viewKey} onHome={home}>
              <Suspense fallback={null}>
                <SidePanel />
              </Suspense>
            </ViewBoundary>
          </aside>
        )}
        <ViewBoundary name={viewName} resetKey={viewKey} onHome={home}>
          <ViewStage mode={mode} />
        </ViewBoundary>
        <DetailsDrawer closable={mode !== 'compare'}>
          <ViewBoundary name="The details panel" resetKey={viewKey} onHome={home}>
            <DetailsPanel />
            {mode === 'compare' ? (
              // Beside the comparison, so its picture keeps the stage's whole width.
              <Suspense fallback={null}>
                <CompareSummary />
              </Suspense>
            ) : (
              <SharedFactors />
            )}
          </ViewBoundary>
        </DetailsDrawer>
      </main>
      </div>
      {/* Below the fold: loaded once the figure is interactive. */}
      {(idle || TextAlternative.loaded) && (
        <Suspense fallback={null}>
          <TextAlternative />
        </Suspense>
      )}
      <footer className="app-footer">
        Content: Fu YX, Ji J, Shan F, Li J, Hu R. Human mesenchymal stem cell treatment of premature ovarian failure: new
        challenges and opportunities. Stem Cell Res Ther. 2021;12:161.{' '}
        <a href="https://doi.org/10.1186/s13287-021-02212-0">doi:10.1186/s13287-021-02212-0</a>, licensed{' '}
        <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>. Graphs paraphrase the review; they are not its figures.
      </footer>
      {/* Last: its effects run after the page's (as the shell's own did), so the address is read once they have. */}
      <UrlSync />
    </div>
  );
}

/** Shown instead of the app when the shipped graphs do not validate: every problem, with file and place. */
export function InvalidData({ errors }: { errors: readonly Issue[] }) {
  return (
    <main className="invalid-data">
      <h1>MSC–POF Atlas cannot start: the graph files have errors</h1>
      <p>Fix these in graphs/ (run npm run validate to see them in the terminal):</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <code>{formatIssue(e)}</code>
          </li>
        ))}
      </ul>
    </main>
  );
}

/**
 * The app's state, seeded with the model and layouts, and with the address it opens at (when given), so the first
 * render already shows the linked view (the prerendered picture it takes over from shows that view too).
 */
export function createAppStore(model: Model, layoutService: LayoutService, search?: string, loader?: ModelLoader) {
  const s = createStore();
  s.set(modelAtom, model);
  s.set(baseModelAtom, model);
  s.set(layoutServiceAtom, layoutService);
  // A model with figures still to load (data/model-parts.ts) loads them from here as they are needed (state/data.ts).
  if (loader) s.set(modelLoaderAtom, loader);
  if (search !== undefined) s.set(urlStateAtom, parseUrl(search, model).state);
  return s;
}

export function App({ model, layoutService, store: given }: { model: Model; layoutService: LayoutService; store?: ReturnType<typeof createStore> }) {
  const store = useMemo(() => given ?? createAppStore(model, layoutService), [given, model, layoutService]);
  return (
    <Provider store={store}>
      <Shell />
    </Provider>
  );
}
