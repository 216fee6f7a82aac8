/** Virtual module made by the build (vite.config.ts, plugin "shipped-model"): the graphs, validated at build time. */
declare module 'virtual:shipped-model' {
  import type { Issue } from '../model/types.ts';
  import type { ModelJson } from './model-json.ts';
  /** Problems found in graphs/ (only in the dev server: a production build fails on them instead). */
  export const errors: Issue[];
  /** The validated model itself (dev server). */
  export const modelData: ModelJson | undefined;
  /** Where each review figure's part is (production build: model-parts.ts), in the review's order. */
  export const figureUrls: Record<string, string>;
  /** Where the whole model is, for the atlas (production build). */
  export const atlasUrl: string | undefined;
}
