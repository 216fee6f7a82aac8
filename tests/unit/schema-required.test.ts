import { describe, expect, it } from 'vitest';
import { validateGraphs } from '../../src/model/validate.ts';
import { entities, figure, files, references } from '../helpers/fixtures.ts';

/**
 * Every field the data format requires, per file: removing it, or (for text) leaving only spaces, must fail
 * validation with an error at that field. The lists are the format as README.md describes it, written out here
 * on purpose: deriving them from the schema would follow a field that silently became optional.
 */
type Part = 'entities' | 'references' | 'figure';
interface Field {
  part: Part;
  /** JSON path of the object holding the field, as validation reports it. */
  at: string;
  name: string;
  text: boolean;
}

const F = (part: Part, at: string, text: string[], other: string[] = []): Field[] => [
  ...text.map((name) => ({ part, at, name, text: true })),
  ...other.map((name) => ({ part, at, name, text: false })),
];

const REQUIRED: Field[] = [
  ...F('entities', '$.entities[2]', ['label'], ['id', 'kind']),
  ...F('references', '$.references[0]', ['authors', 'title', 'journal'], ['n', 'year']),
  ...F('references', '$.review', ['citation', 'licence'], ['doi']),
  ...F('figure', '$', ['label', 'title', 'caption', 'section'], ['id', 'order', 'sources', 'nodes', 'edges']),
  ...F('figure', '$.nodes[1]', [], ['entity']),
  ...F('figure', '$.edges[1]', ['note'], ['id', 'source', 'target', 'relation', 'refs', 'section']),
];

/** Optional text fields: when present, they may not be blank either. */
const OPTIONAL_TEXT: Field[] = [
  ...F('entities', '$.entities[2]', ['name', 'description']),
  ...F('entities', '$.entities[0]', ['tissue']),
  ...F('figure', '$.nodes[1]', ['note']),
  ...F('figure', '$.edges[1].evidence', ['context']),
];

/** The object at a reporting path inside a parsed file ("$", "$.a[2]", "$.a[2].b"). */
function at(root: Record<string, unknown>, path: string): Record<string, unknown> {
  let o: unknown = root;
  for (const m of path.slice(1).matchAll(/\.(\w+)|\[(\d+)\]/g)) o = (o as Record<string, unknown>)[m[1] ?? Number(m[2])];
  return o as Record<string, unknown>;
}

function validateWith(field: Field, change: (holder: Record<string, unknown>) => void) {
  const parts = { entities: entities(), references: references(), figure: figure() } as Record<Part, Record<string, unknown>>;
  if (field.at.endsWith('.evidence')) at(parts.figure, '$.edges[1]').evidence = {};
  change(at(parts[field.part], field.at));
  return validateGraphs(files({ entities: parts.entities, references: parts.references, figures: { 'figures/f1.json': parts.figure } }));
}

const fileOf = (part: Part) => (part === 'figure' ? 'figures/f1.json' : `${part}.json`);
const pathOf = (f: Field) => (f.at === '$' ? `$.${f.name}` : `${f.at}.${f.name}`);

describe('the schema requires each required field', () => {
  it('accepts the fixtures as they are', () => {
    expect(validateWith(REQUIRED[0]!, () => {}).errors).toEqual([]);
  });

  it.each(REQUIRED.map((f) => [pathOf(f), f] as const))('rejects a missing %s', (_, field) => {
    const r = validateWith(field, (o) => {
      expect(o[field.name], 'fixture has the field').toBeDefined();
      delete o[field.name];
    });
    expect(r.model).toBeUndefined();
    expect(r.errors.map((e) => `${e.file} ${e.path}`)).toContain(`${fileOf(field.part)} ${pathOf(field)}`);
  });

  it.each([...REQUIRED, ...OPTIONAL_TEXT].filter((f) => f.text).map((f) => [pathOf(f), f] as const))('rejects a whitespace-only %s', (_, field) => {
    for (const blank of ['', '   ', ' \t\n ']) {
      const r = validateWith(field, (o) => {
        o[field.name] = blank;
      });
      expect(r.model, JSON.stringify(blank)).toBeUndefined();
      expect(r.errors.map((e) => `${e.file} ${e.path}`)).toContain(`${fileOf(field.part)} ${pathOf(field)}`);
    }
  });

  it('rejects a blank synonym and a blank id', () => {
    const ents = entities();
    ents.entities[2]!.synonyms = ['  '];
    ents.entities[3]!.id = ' ';
    const r = validateGraphs(files({ entities: ents }));
    expect(r.model).toBeUndefined();
    const paths = r.errors.map((e) => e.path);
    expect(paths).toContain('$.entities[2].synonyms[0]');
    expect(paths).toContain('$.entities[3].id');
  });

  it('needs neither synonyms, cross-references nor evidence', () => {
    const ents = entities();
    delete (ents.entities[3] as Record<string, unknown>).synonyms;
    delete (ents.entities[3] as Record<string, unknown>).xrefs;
    const f = figure();
    delete (f.edges[0] as Record<string, unknown>).evidence;
    const r = validateGraphs(files({ entities: ents, figures: { 'figures/f1.json': f } }));
    expect(r.errors).toEqual([]);
    expect(r.model!.entities.get('gene')).toMatchObject({ synonyms: [], xrefs: [] });
    expect(r.model!.figures[0]!.edges[0]!.evidence).toEqual({});
  });
});
