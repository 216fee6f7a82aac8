/**
 * The model the app starts with: validated at build time (vite.config.ts), fetched as JSON (the page preloads it
 * while the scripts load) and turned back into maps. No schema check runs here.
 */
import { errors, modelData, modelUrl } from 'virtual:shipped-model';
import type { Issue, Model } from '../model/types.ts';
import { modelFromJson, type ModelJson } from './model-json.ts';

export async function loadShippedModel(): Promise<{ model: Model } | { errors: Issue[] }> {
  if (errors.length) return { errors };
  if (modelData) return { model: modelFromJson(modelData) };
  const response = await fetch(modelUrl!);
  if (!response.ok) throw new Error(`Could not load the graphs (${modelUrl}): HTTP ${response.status}`);
  return { model: modelFromJson((await response.json()) as ModelJson) };
}
