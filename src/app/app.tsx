import { createStore, Provider, useAtomValue, useSetAtom } from 'jotai';
import { useMemo } from 'react';
import type { LayoutService } from '../layout/layout-service.ts';
import { formatIssue, type Issue, type Model } from '../model/types.ts';
import { compareAtom, currentFigureAtom, layoutServiceAtom, modeAtom, modelAtom, requireModel, sidePanelOpenAtom, urlStateAtom } from '../state/atoms.ts';
import { useUrlSync } from '../state/use-url-sync.ts';
import { defaultUrlState } from '../state/url.ts';
import { ViewBoundary } from './view-boundary.tsx';
import { DetailsPanel } from '../features/details/details-panel.tsx';
import { FigurePicker } from '../features/figure-picker/figure-picker.tsx';
import { MainGraph } from '../features/main-graph/main-graph.tsx';
import { Notice } from '../features/notice/notice.tsx';
import { TextAlternative } from '../features/text-alternative/text-alternative.tsx';
import { ViewTabs } from '../features/view-tabs/view-tabs.tsx';
import { ExplainPath } from '../features/paths/explain-path.tsx';
import { FiltersPanel } from '../features/filters/filters.tsx';
import { Search } from '../features/search/search.tsx';
import { SharedFactors } from '../features/shared-factors/shared-factors.tsx';
import { SourceToggles } from '../features/sources/source-toggles.tsx';
import { SidePanelToggle } from '../features/side-panel/side-panel-toggle.tsx';
import { CompareView } from '../features/compare/compare-view.tsx';
import { ExportDialog } from '../features/export/export-dialog.tsx';

function Shell() {
  useUrlSync();
  const mode = useAtomValue(modeAtom);
  const sideOpen = useAtomValue(sidePanelOpenAtom);
  const model = requireModel(useAtomValue(modelAtom));
  const figure = useAtomValue(currentFigureAtom);
  const pair = useAtomValue(compareAtom);
  const setUrlState = useSetAtom(urlStateAtom);
  const home = () => setUrlState(defaultUrlState(model));
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
          <ExportDialog />
        </div>
      </header>
      <Notice />
      {mode !== 'compare' && (
        <div className="toolbar-row">
          <SidePanelToggle controls="side-panel" />
        </div>
      )}
      <main className={`workspace ${sideOpen && mode !== 'compare' ? 'with-side' : ''} ${mode === 'compare' ? 'compare' : ''}`}>
        {sideOpen && mode !== 'compare' && (
          <aside id="side-panel" className="side-panel" aria-label="Sources, filters and paths">
            <ViewBoundary name="The side panel" resetKey={viewKey} onHome={home}>
              <SourceToggles />
              <FiltersPanel />
              <ExplainPath />
            </ViewBoundary>
          </aside>
        )}
        <ViewBoundary name={viewName} resetKey={viewKey} onHome={home}>
          {mode === 'compare' ? <CompareView /> : <MainGraph />}
        </ViewBoundary>
        <div className="side-panel right">
          <ViewBoundary name="The details panel" resetKey={viewKey} onHome={home}>
            <DetailsPanel />
            {mode !== 'compare' && <SharedFactors />}
          </ViewBoundary>
        </div>
      </main>
      </div>
      <TextAlternative />
      <footer className="app-footer">
        Content: Fu YX, Ji J, Shan F, Li J, Hu R. Human mesenchymal stem cell treatment of premature ovarian failure: new
        challenges and opportunities. Stem Cell Res Ther. 2021;12:161.{' '}
        <a href="https://doi.org/10.1186/s13287-021-02212-0">doi:10.1186/s13287-021-02212-0</a>, licensed{' '}
        <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>. Graphs paraphrase the review; they are not its figures.
      </footer>
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

export function App({ model, layoutService }: { model: Model; layoutService: LayoutService }) {
  const store = useMemo(() => {
    const s = createStore();
    s.set(modelAtom, model);
    s.set(layoutServiceAtom, layoutService);
    return s;
  }, [model, layoutService]);
  return (
    <Provider store={store}>
      <Shell />
    </Provider>
  );
}
