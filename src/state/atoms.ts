/**
 * What the user chose, as a few plain atoms; everything that follows from them is a derived atom.
 * The URL mirrors these atoms (use-url-sync.ts).
 */
import { atom } from 'jotai';
import type { LayoutService } from '../layout/layout-service.ts';
import type { Model } from '../model/types.ts';
import { atlasView, figureView, type GraphView } from '../model/view.ts';

export type ViewMode = 'figure' | 'atlas' | 'compare';
export type Selection = { type: 'node' | 'edge'; id: string } | null;

/** The validated model. Seeded by the app from the bundled graphs (tests seed their own). */
export const modelAtom = atom<Model | null>(null);

export const modeAtom = atom<ViewMode>('figure');
/** Empty means the first figure. */
export const figureIdAtom = atom<string>('');
export const selectionAtom = atom<Selection>(null);
/** A message for the user that is not an error of theirs to fix right now (e.g. a stale link). */
export const noticeAtom = atom<string | null>(null);

export const requireModel = (model: Model | null): Model => {
  if (!model) throw new Error('modelAtom is not seeded');
  return model;
};

export const currentFigureAtom = atom((get) => {
  const model = requireModel(get(modelAtom));
  const id = get(figureIdAtom);
  return model.figures.find((f) => f.id === id) ?? model.figures[0]!;
});

const atlasAtom = atom((get) => atlasView(requireModel(get(modelAtom))));

/** The graph the main canvas shows. */
export const currentViewAtom = atom<GraphView>((get) => {
  if (get(modeAtom) === 'atlas') return get(atlasAtom);
  const model = requireModel(get(modelAtom));
  return figureView(model, get(currentFigureAtom).id)!;
});

/** Where positions come from (precomputed, else the ELK worker). Seeded by the app; tests can seed a fake. */
export const layoutServiceAtom = atom<LayoutService | null>(null);
