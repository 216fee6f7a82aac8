/**
 * The shipped graphs and every precomputed layout, read at once and validated from their text by the same code as
 * `npm run validate`. For tests and Node: the app itself loads the build-validated model (shipped.ts) and each
 * layout on demand (layouts.ts).
 */
import { validateGraphs, type SourceFile, type ValidationResult } from '../model/validate.ts';
import type { LayoutFile } from '../layout/layout-files.ts';
import type { Positions } from '../layout/types.ts';

const raw = import.meta.glob('../../graphs/**/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const bundledFiles: SourceFile[] = Object.entries(raw)
  .map(([path, text]) => ({ path: path.replace(/^.*?\/graphs\//, ''), text }))
  .filter((f) => !f.path.startsWith('schema/'));

export const bundledValidation: ValidationResult = validateGraphs(bundledFiles);

const layoutFiles = import.meta.glob<LayoutFile>('../generated/layouts/*.json', { import: 'default', eager: true });

export const precomputedLayouts: Record<string, Positions> = Object.fromEntries(Object.values(layoutFiles).map((f) => [f.key, f]));
