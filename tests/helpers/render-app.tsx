/** Render the whole app at a URL, with the shipped graphs and an in-process ELK for views without a layout. */
import { render } from '@testing-library/react';
import { StrictMode } from 'react';
import { App, createAppStore, preloadParts } from '../../src/app/app.tsx';
import { modelFromPart, type ModelLoader } from '../../src/data/model-parts.ts';
import { linkNeed } from '../../src/state/data.ts';
import { modelFromJson } from '../../src/data/model-json.ts';
import { bundledValidation, precomputedLayouts } from '../../src/data/bundled.ts';
import { createInProcessEngine } from '../../src/layout/in-process.ts';
import { createLayoutService } from '../../src/layout/layout-service.ts';

export const model = bundledValidation.model!;

// Every part loaded on demand in the browser is loaded before the tests render the app.
await preloadParts();

export function renderApp(search = '') {
  window.history.replaceState(null, '', `/${search}`);
  // StrictMode as in start.tsx: effects run twice, which is how a link once got lost on start-up.
  return render(
    <StrictMode>
      <App model={model} layoutService={createLayoutService(precomputedLayouts, async () => createInProcessEngine())} />
    </StrictMode>,
  );
}

/**
 * Render the app as the built page starts it: from the data the address needs (one figure's part, or everything for
 * the atlas and compare: data/model-parts.ts), the rest loaded on demand from `loader`, as start.tsx does.
 */
export function renderAppFromParts(search: string, loader: ModelLoader, figureIds: readonly string[]) {
  window.history.replaceState(null, '', `/${search}`);
  const need = linkNeed(search, figureIds);
  const loading = need.atlas ? loader.atlas().then(modelFromJson) : loader.figure(need.figure).then(modelFromPart);
  return loading.then((start) => {
    const service = createLayoutService(precomputedLayouts, async () => createInProcessEngine());
    const store = createAppStore(start, service, search, loader);
    render(
      <StrictMode>
        <App model={start} layoutService={service} store={store} />
      </StrictMode>,
    );
    return store;
  });
}
