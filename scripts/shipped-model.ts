/**
 * What the build makes of graphs/ for the browser (vite.config.ts, plugin "shipped-model"): validated by the same
 * code as `npm run validate`. Invalid data fails a production build with every problem listed; the dev server
 * gets a module carrying the problems (the app shows them). Valid data becomes the model as JSON: a file of the
 * build, or inline in the dev server.
 */
import { modelToJson } from '../src/data/model-json.ts';
import { formatIssue } from '../src/model/types.ts';
import { validateGraphs, type SourceFile } from '../src/model/validate.ts';

export function shippedModelModule(files: readonly SourceFile[], build: boolean): { error: string } | { code: string } | { json: string } {
  const result = validateGraphs(files);
  if (!result.model) {
    if (build) return { error: `graphs/ is not valid (npm run validate shows the same):\n${result.errors.map(formatIssue).join('\n')}` };
    return { code: `export const errors = ${JSON.stringify(result.errors)}; export const modelUrl = undefined; export const modelData = undefined;` };
  }
  const json = JSON.stringify(modelToJson(result.model));
  if (!build) return { code: `export const errors = []; export const modelUrl = undefined; export const modelData = ${json};` };
  return { json };
}
