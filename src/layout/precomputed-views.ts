/** The views whose layouts are computed ahead of time (scripts/build-layouts.ts): every figure and the atlas. */
import type { Model } from '../model/types.ts';
import { atlasView, figureView, type GraphView } from '../model/view.ts';

export function precomputedViews(model: Model): GraphView[] {
  return [...model.figures.map((f) => figureView(model, f.id)!), atlasView(model)];
}
