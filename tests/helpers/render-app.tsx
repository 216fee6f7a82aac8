/** Render the whole app at a URL, with the shipped graphs and an in-process ELK for views without a layout. */
import { render } from '@testing-library/react';
import { StrictMode } from 'react';
import { App, preloadParts } from '../../src/app/app.tsx';
import { bundledValidation, precomputedLayouts } from '../../src/data/bundled.ts';
import { createInProcessEngine } from '../../src/layout/in-process.ts';
import { createLayoutService } from '../../src/layout/layout-service.ts';

export const model = bundledValidation.model!;

// Every part loaded on demand in the browser is loaded before the tests render the app.
await preloadParts();

export function renderApp(search = '') {
  window.history.replaceState(null, '', `/${search}`);
  // StrictMode as in main.tsx: effects run twice, which is how a link once got lost on start-up.
  return render(
    <StrictMode>
      <App model={model} layoutService={createLayoutService(precomputedLayouts, async () => createInProcessEngine())} />
    </StrictMode>,
  );
}
