/**
 * The validated model as plain JSON and back. The build validates graphs/ (vite.config.ts) and ships the result
 * in this form, so the browser only parses JSON: no schema checks, no zod, on the start-up path.
 */
import type { Entity, Reference, ReferencesFile } from '../model/schema.ts';
import type { Figure, Model } from '../model/types.ts';

export interface ModelJson {
  review: ReferencesFile['review'];
  entities: Entity[];
  references: Reference[];
  figures: Figure[];
}

export function modelToJson(model: Model): ModelJson {
  return { review: model.review, entities: [...model.entities.values()], references: [...model.references.values()], figures: [...model.figures] };
}

export function modelFromJson(json: ModelJson): Model {
  return {
    review: json.review,
    entities: new Map(json.entities.map((e) => [e.id, e])),
    references: new Map(json.references.map((r) => [r.n, r])),
    figures: json.figures,
  };
}
