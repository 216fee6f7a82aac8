import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, InvalidData } from './app/app.tsx';
import { bundledValidation, precomputedLayouts } from './data/bundled.ts';
import { createLayoutService } from './layout/layout-service.ts';

const root = createRoot(document.getElementById('root')!);

// Cytoscape measures labels when it draws: load the font first so boxes and text agree.
await Promise.race([
  Promise.all([document.fonts.load('400 13px Inter'), document.fonts.load('600 13px Inter')]),
  new Promise((resolve) => setTimeout(resolve, 3000)),
]);

if (bundledValidation.model) {
  root.render(
    <StrictMode>
      <App model={bundledValidation.model} layoutService={createLayoutService(precomputedLayouts)} />
    </StrictMode>,
  );
} else {
  root.render(<InvalidData errors={bundledValidation.errors} />);
}
