/** Virtual module made by the build (vite.config.ts, plugin "shipped-model"): the graphs, validated at build time. */
declare module 'virtual:shipped-model' {
  import type { Issue } from '../model/types.ts';
  import type { ModelJson } from './model-json.ts';
  /** Problems found in graphs/ (only in the dev server: a production build fails on them instead). */
  export const errors: Issue[];
  /** Where the validated model's JSON is (production build). */
  export const modelUrl: string | undefined;
  /** The validated model itself (dev server). */
  export const modelData: ModelJson | undefined;
}
