/** Property tests: whatever the files contain, validation answers with a model or with errors, never a crash. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateGraphs } from '../../src/model/validate.ts';
import { figure, files } from '../helpers/fixtures.ts';

describe('validateGraphs under arbitrary input', () => {
  it('never throws on arbitrary text in a figure file, and every error names a file', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = validateGraphs(files({ figures: { 'figures/x.json': text } }));
        expect(Boolean(r.model)).toBe(r.errors.length === 0);
        for (const e of r.errors) expect(e.file).toBeTruthy();
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON values anywhere in a figure', () => {
    const paths = ['id', 'order', 'sources', 'nodes', 'edges', 'title'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (key, value) => {
        const f = { ...figure(), [key]: value };
        const r = validateGraphs(files({ figures: { 'figures/x.json': f } }));
        expect(Boolean(r.model)).toBe(r.errors.length === 0);
        for (const e of r.errors) expect(e.path.startsWith('$')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when an edge field is replaced by any JSON value, and points into that edge', () => {
    const fields = ['id', 'source', 'target', 'relation', 'refs', 'section', 'evidence', 'note', 'sources'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.constantFrom(...fields), fc.jsonValue(), (i, field, value) => {
        const f = figure();
        (f.edges[i] as Record<string, unknown>)[field] = value;
        const r = validateGraphs(files({ figures: { 'figures/x.json': f } }));
        // A value of a type the field can never take is always rejected.
        const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
        const impossible =
          (['id', 'source', 'target', 'relation', 'section', 'note'].includes(field) && typeof value !== 'string') ||
          (['refs', 'sources'].includes(field) && !Array.isArray(value)) ||
          (field === 'evidence' && !isObject);
        if (impossible) expect(r.errors.length, JSON.stringify(value)).toBeGreaterThan(0);
        if (r.errors.length) {
          expect(r.model).toBeUndefined();
          expect(r.errors.some((e) => e.path.startsWith(`$.edges[`) || e.path.startsWith('$.nodes['))).toBe(true);
        } else {
          // Accepted: the model holds the value as given (text trimmed).
          expect((r.model!.figures[0]!.edges[i] as Record<string, unknown>)[field]).toEqual(trimmed(value));
        }
      }),
      { numRuns: 400 },
    );
  });
});

/** A JSON value with every string trimmed, as the schema stores text. */
function trimmed(v: unknown): unknown {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return v.map(trimmed);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, trimmed(x)]));
  return v;
}
