/** The shipped graphs, validated, for tests that need the real content. */
import { readGraphFiles } from '../../scripts/read-graphs.ts';
import type { Model } from '../../src/model/types.ts';
import { validateGraphs } from '../../src/model/validate.ts';

let cached: Model | undefined;

export function shippedModel(): Model {
  if (cached) return cached;
  const r = validateGraphs(readGraphFiles().filter((f) => !f.path.startsWith('schema/')));
  if (!r.model) throw new Error(`shipped graphs invalid:\n${r.errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join('\n')}`);
  cached = r.model;
  return cached;
}
