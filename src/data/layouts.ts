/**
 * Precomputed layouts for the browser, one module per view (src/generated/layouts/*.json), each loaded the first
 * time its view is shown: the start-up figure loads its own and nothing else. On a phone held upright, a figure's
 * portrait layout (`portrait:figure:…`, src/generated/portrait-layouts/*.json, layout/portrait.ts) instead.
 */
import { layoutFileName, type LayoutFile } from '../layout/layout-files.ts';
import type { Positions } from '../layout/types.ts';

const files = import.meta.glob<LayoutFile>('../generated/layouts/*.json', { import: 'default' });
const portraitFiles = import.meta.glob<LayoutFile>('../generated/portrait-layouts/*.json', { import: 'default' });

export function loadPrecomputedLayout(key: string): Promise<Positions | undefined> {
  const load = key.startsWith('portrait:')
    ? portraitFiles[`../generated/portrait-layouts/${layoutFileName(key)}`]
    : files[`../generated/layouts/${layoutFileName(key)}`];
  if (!load) return Promise.resolve(undefined);
  return load().then((f) => (f.key === key ? f : undefined));
}
