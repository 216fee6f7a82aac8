/**
 * What the build makes of graphs/ for the browser (vite.config.ts, plugin "shipped-model"): validated by the same
 * code as `npm run validate`. Invalid data fails a production build with every problem listed; the dev server
 * gets a module carrying the problems (the app shows them). Valid data becomes the model as JSON: in the build, one
 * file per figure and one with everything for the atlas (src/data/model-parts.ts), loaded as they are needed; in the
 * dev server, the whole model inline.
 */
import { modelToJson } from '../src/data/model-json.ts';
import { splitModel } from '../src/data/model-parts.ts';
import { formatIssue } from '../src/model/types.ts';
import { validateGraphs, type SourceFile } from '../src/model/validate.ts';

export type ShippedModel =
  | { error: string }
  | { code: string }
  /** The build's files: each figure's part (in the review's order) and the whole model, as JSON text. */
  | { parts: [id: string, json: string][]; atlas: string };

export function shippedModelModule(files: readonly SourceFile[], build: boolean): ShippedModel {
  const result = validateGraphs(files);
  const none = 'export const figureUrls = {}; export const atlasUrl = undefined;';
  if (!result.model) {
    if (build) return { error: `graphs/ is not valid (npm run validate shows the same):\n${result.errors.map(formatIssue).join('\n')}` };
    return { code: `export const errors = ${JSON.stringify(result.errors)}; export const modelData = undefined; ${none}` };
  }
  if (!build) return { code: `export const errors = []; export const modelData = ${JSON.stringify(modelToJson(result.model))}; ${none}` };
  const { parts, atlas } = splitModel(result.model);
  return { parts: [...parts].map(([id, part]) => [id, JSON.stringify(part)]), atlas: JSON.stringify(atlas) };
}

/** The module the build gives the browser: where each file is (Rollup file URL expressions, in the parts' order). */
export function shippedModelCode(figureRefs: readonly [id: string, ref: string][], atlasRef: string): string {
  const urls = figureRefs.map(([id, ref]) => `${JSON.stringify(id)}: import.meta.ROLLUP_FILE_URL_${ref}`).join(', ');
  return `export const errors = []; export const modelData = undefined; export const figureUrls = { ${urls} }; export const atlasUrl = import.meta.ROLLUP_FILE_URL_${atlasRef};`;
}
