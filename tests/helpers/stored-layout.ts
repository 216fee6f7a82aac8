/** A precomputed layout as stored on disk (src/generated/layouts/, one file per view). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { layoutFileName, LAYOUTS_DIR, type LayoutFile } from '../../src/layout/layout-files.ts';

export function storedLayout(key: string): LayoutFile {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', LAYOUTS_DIR, layoutFileName(key)), 'utf8')) as LayoutFile;
}
