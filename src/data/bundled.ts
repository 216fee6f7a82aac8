/**
 * The graphs the app ships with, read as text at build time and validated here, in the browser, by the same
 * code as `npm run validate`: one boundary, one set of messages.
 */
import { validateGraphs, type SourceFile, type ValidationResult } from '../model/validate.ts';
import layoutsJson from '../generated/layouts.json';
import type { Positions } from '../layout/types.ts';

const raw = import.meta.glob('../../graphs/**/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const bundledFiles: SourceFile[] = Object.entries(raw)
  .map(([path, text]) => ({ path: path.replace(/^.*?\/graphs\//, ''), text }))
  .filter((f) => !f.path.startsWith('schema/'));

export const bundledValidation: ValidationResult = validateGraphs(bundledFiles);

export const precomputedLayouts = (layoutsJson as { views: Record<string, Positions> }).views;
