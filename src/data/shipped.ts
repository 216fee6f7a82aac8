/**
 * The model the app starts with: validated at build time (vite.config.ts) and fetched as JSON (the page preloads
 * what its view needs while the scripts load), one figure's part or, for the atlas and compare, everything
 * (model-parts.ts). The rest is fetched when it is first needed (state/data.ts). No schema check runs here.
 */
import { atlasUrl, errors, figureUrls, modelData } from 'virtual:shipped-model';
import type { Issue, Model } from '../model/types.ts';
import { modelFromJson, type ModelJson } from './model-json.ts';
import { modelFromPart, type FigurePartJson, type ModelLoader } from './model-parts.ts';

/** The review's figures, in order, as the build split them (empty in the dev server, which has the whole model). */
export const shippedFigureIds: readonly string[] = Object.keys(figureUrls);

async function getJson<T>(url: string | undefined, what: string): Promise<T> {
  if (!url) throw new Error(`the build has no file for ${what}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${what} (${url}): HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The build's files. */
export const shippedLoader: ModelLoader = {
  figure: (id) => getJson<FigurePartJson>(figureUrls[id], `the data of ${id}`),
  atlas: () => getJson<ModelJson>(atlasUrl, 'the atlas data'),
};

/** The model with what the first view needs: a figure's part, or everything (`figure` absent). */
export async function loadShippedModel(figure: string | undefined): Promise<{ model: Model } | { errors: Issue[] }> {
  if (errors.length) return { errors };
  if (modelData) return { model: modelFromJson(modelData) };
  if (figure !== undefined) return { model: modelFromPart(await shippedLoader.figure(figure)) };
  return { model: modelFromJson(await shippedLoader.atlas()) };
}
