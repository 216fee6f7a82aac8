/**
 * Each rule of the validator (src/model/validate.ts) on its own: the files it expects, the entities, the
 * references and the figures, each broken in one way, with the exact messages and places an author reads. What is
 * right must pass as well: the limits of the reference numbers, a shared `basis`, the schema folder.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/model/types.ts';
import { validateGraphs, type SourceFile } from '../../src/model/validate.ts';
import { entities, figure, files, references } from '../helpers/fixtures.ts';

type Parts = Parameters<typeof files>[0];
type Edge = Record<string, unknown>;

/** Every error as "file path: message" (the place without its line, which the next helper checks). */
const errorsOf = (input: Parts | SourceFile[]) =>
  validateGraphs(Array.isArray(input) ? input : files(input)).errors.map((e) => `${e.file} ${e.path}: ${e.message}`);
const withEntities = (...more: Record<string, unknown>[]) => {
  const ents = entities();
  (ents.entities as unknown as Record<string, unknown>[]).push(...more);
  return ents;
};
const entity = (id: string, label: string, over: Record<string, unknown> = {}) => ({ id, label, kind: 'hormone', synonyms: [], xrefs: [], ...over });
const edge = (over: Edge): Edge => ({ id: 'e9', source: 'factor', target: 'outcome', relation: 'promotes', refs: [4], section: 'effects', evidence: {}, note: 'N.', ...over });
const figWith = (...edges: Edge[]) => figure({ edges: [...figure().edges, ...edges] });
const figureErrors = (f: unknown, parts: Parts = {}, text: Record<string, string> = {}) => errorsOf(withText(text, { ...parts, figures: { 'figures/f1.json': f } }));
/** The files with some replaced by raw text (files() writes any value it is given as JSON). */
const withText = (text: Record<string, string>, parts: Parts = {}): SourceFile[] => files(parts).map((f) => (f.path in text ? { ...f, text: text[f.path]! } : f));

describe('the files the validator expects', () => {
  it('says which files are missing, without a line, and builds no model', () => {
    const r = validateGraphs([]);
    expect(r.errors).toEqual([
      { file: 'entities.json', path: '$', message: 'file is missing' },
      { file: 'references.json', path: '$', message: 'file is missing' },
      { file: 'figures/', path: '$', message: 'no figure files' },
    ]);
    expect(r.model).toBeUndefined();
    expect(r.report).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('needs at least one figure, and each of the two files', () => {
    const [ents, refs, fig] = files();
    expect(errorsOf([ents!, refs!])).toEqual(['figures/ $: no figure files']);
    expect(validateGraphs([ents!, refs!]).model).toBeUndefined();
    expect(errorsOf([refs!, fig!])).toEqual(['entities.json $: file is missing']);
    expect(errorsOf([ents!, fig!])).toEqual(['references.json $: file is missing']);
  });

  it('accepts the schema folder beside the data, and refuses anything else', () => {
    const r = validateGraphs([...files(), { path: 'schema/figure.schema.json', text: '{}' }]);
    expect(r.errors).toEqual([]);
    expect(r.model).toBeDefined();
    expect(errorsOf([...files(), { path: 'figures.json', text: '{}' }, { path: 'entities.json.bak', text: '' }])).toEqual([
      'figures.json $: unexpected file: graphs/ holds entities.json, references.json, figures/*.json and schema/',
      'entities.json.bak $: unexpected file: graphs/ holds entities.json, references.json, figures/*.json and schema/',
    ]);
  });

  it('an empty file is not JSON, with no line to point at; the other files are still checked', () => {
    const r = validateGraphs(files({ figures: { 'figures/f1.json': '', 'figures/f2.json': figure({ id: 'f2', order: 2, sources: ['src-b'] }) } }));
    expect(r.errors.map(formatIssue)).toEqual([
      'figures/f1.json $: not valid JSON: Unexpected end of JSON input',
      expect.stringMatching(/^figures\/f2\.json:\d+:\d+ \$\.sources\[0\]: source "src-b" is not a node of this figure$/),
    ]);
    expect(r.errors[0]).toEqual({ file: 'figures/f1.json', path: '$', message: 'not valid JSON: Unexpected end of JSON input' });
  });

  it('points at the line and column where the JSON breaks', () => {
    const r = validateGraphs(withText({ 'entities.json': '{\n  "entities": [\n    {,\n  ]\n}\n' }));
    expect(r.errors).toEqual([{ file: 'entities.json', path: '$', line: 3, column: 6, message: expect.stringMatching(/^not valid JSON: .* at position 23$/) }]);
  });

  it('with a broken entities file, figures are checked without it: no unknown entities, no wrong kinds', () => {
    const f = figure({ sources: ['src-a'], edges: [...figure().edges, edge({ id: 'x', sources: ['factor'] })] });
    expect(figureErrors(f, {}, { 'entities.json': '{' })).toEqual([expect.stringMatching(/^entities\.json \$: not valid JSON/)]);
    expect(validateGraphs(withText({ 'entities.json': '{' })).warnings).toEqual([]);
    // A figure source that is not a node is still found.
    expect(figureErrors(figure({ sources: ['src-b'] }), { entities: { entities: 'none' } })).toEqual([
      'entities.json $.entities: Invalid input: expected array, received string',
      'figures/f1.json $.sources[0]: source "src-b" is not a node of this figure',
    ]);
  });

  it('with a broken references file, a cited number is only checked against the review’s count', () => {
    expect(figureErrors(figWith(edge({ refs: [146, 147] })), {}, { 'references.json': '[' })).toEqual([expect.stringMatching(/^references\.json \$: not valid JSON/)]);
  });

  it('reads figures in file-name order, whatever order they come in, and lists them by their order', () => {
    const figs = { 'figures/d.json': figure({ id: 'f-d', order: 2 }), 'figures/b.json': figure({ id: 'f-b', order: 1 }), 'figures/a.json': figure({ id: 'f-a', order: 4 }), 'figures/c.json': figure({ id: 'f-c', order: 3 }) };
    const r = validateGraphs(files({ figures: figs }));
    expect(r.errors).toEqual([]);
    expect(r.model!.figures.map((f) => [f.id, f.file])).toEqual([['f-b', 'figures/b.json'], ['f-d', 'figures/d.json'], ['f-c', 'figures/c.json'], ['f-a', 'figures/a.json']]);
    expect(r.report.map((x) => x.id)).toEqual(['f-b', 'f-d', 'f-c', 'f-a']);
    expect(errorsOf({ figures: { 'figures/b.json': figure(), 'figures/a.json': figure() } })).toEqual([
      'figures/b.json $.id: figure id "f1" is also used by figures/a.json',
      'figures/b.json $.order: order 1 is also used by figures/a.json',
    ]);
  });

  it('warns about undrawn entities only when some figure could be read', () => {
    expect(validateGraphs(files({ figures: { 'figures/f1.json': '{' } })).warnings).toEqual([]);
    expect(validateGraphs(files()).warnings).toEqual([{ file: 'entities.json', path: '$.entities[1]', line: 16, column: 5, message: 'entity "src-b" is drawn in no figure yet' }]);
  });
});

describe('schema messages', () => {
  it('lists every unknown field, and every allowed value', () => {
    expect(figureErrors(figure({ colour: 'red', size: 2 }))).toEqual(['figures/f1.json $: unknown field(s) "colour", "size"']);
    const f = figure();
    (f.edges[0] as Edge).section = 'intro';
    expect(figureErrors(f)).toEqual([expect.stringMatching(/^figures\/f1\.json \$\.edges\[0\]\.section: must be one of "[a-z-]+", "[a-z-]+", /)]);
  });
});

describe('the report per figure', () => {
  it('counts edges without species, setting or injury, and the distinct references cited', () => {
    const f = figure({
      edges: [
        edge({ id: 'a', source: 'src-a', target: 'factor', relation: 'secretes', refs: [1, 2], evidence: { route: ['tail-vein'] } }),
        edge({ id: 'b', source: 'factor', target: 'gene', relation: 'inhibits', refs: [2], evidence: { setting: ['in-vitro'] } }),
        edge({ id: 'c', source: 'gene', target: 'outcome', relation: 'reduces', refs: [3, 1], evidence: { injury: [{ agent: 'cyclophosphamide' }] } }),
        edge({ id: 'd', source: 'src-a', target: 'outcome', relation: 'promotes', refs: [5, 6], evidence: {}, evidenceByRef: { 5: { species: ['rat'] } } }),
        edge({ id: 'f', source: 'factor', target: 'outcome', relation: 'promotes', refs: [], section: 'prospects', evidence: {} }),
      ],
    });
    const r = validateGraphs(files({ figures: { 'figures/f1.json': f } }));
    expect(r.errors).toEqual([]);
    expect(r.report).toEqual([{ id: 'f1', file: 'figures/f1.json', label: 'Fig. 1', nodes: 4, edges: 5, edgesWithoutEvidence: 2, referencesCited: 5 }]);
  });
});

describe('entities', () => {
  it('an MSC source needs its tissue, and only a source has one', () => {
    const ents = entities();
    delete (ents.entities[1] as { tissue?: string }).tissue;
    (ents.entities[2] as { tissue?: string }).tissue = 'bone marrow';
    expect(errorsOf({ entities: ents })).toEqual([
      'entities.json $.entities[1]: MSC source "src-b" needs a "tissue" (shown on its toggle, e.g. "bone marrow")',
      'entities.json $.entities[2].tissue: only entities of kind msc-source have a tissue',
    ]);
  });

  it('names the label, the name or the synonym that collides, and with what', () => {
    const ents = withEntities(
      entity('h1', 'Hormone one', { name: 'Source A' }),
      entity('h2', 'Hormone two', { name: 'Full two', synonyms: ['h two', 'Gene-Y'] }),
      entity('h3', 'Hormone three', { synonyms: ['h3', 'FX'] }),
      entity('h4', 'Outcome-Z'),
    );
    expect(errorsOf({ entities: ents })).toEqual([
      'entities.json $.entities[5].name: "Source A" collides with "Source A" of entity "src-a": one thing, one entity; merge them or rename',
      'entities.json $.entities[6].synonyms[1]: "Gene-Y" collides with "Gene Y" of entity "gene": one thing, one entity; merge them or rename',
      'entities.json $.entities[7].synonyms[1]: "FX" collides with "FX" of entity "factor": one thing, one entity; merge them or rename',
      'entities.json $.entities[8].label: "Outcome-Z" collides with "Outcome Z" of entity "outcome": one thing, one entity; merge them or rename',
    ]);
  });

  it('an entity may repeat its own names; a collision names the first spelling', () => {
    const ents = withEntities(entity('tgf-beta', 'TGF-β', { synonyms: ['TGF beta', 'tgf-β'] }), entity('tgfb', 'TNF-α'), entity('tgfb-2', 'Tgf Beta'));
    expect(errorsOf({ entities: ents })).toEqual([
      'entities.json $.entities[7].label: "Tgf Beta" collides with "TGF-β" of entity "tgf-beta": one thing, one entity; merge them or rename',
    ]);
  });

  it('a repeated id is one error, not a collision with itself', () => {
    const ents = withEntities(entity('gene', 'Gene Y'));
    expect(errorsOf({ entities: ents })).toEqual(['entities.json $.entities[5].id: duplicate entity id "gene" (first at $.entities[3])']);
  });

  it('a combination has two or more different members, none a combination itself', () => {
    const ents = withEntities(
      entity('both', 'Both', { kind: 'combination', members: ['src-a', 'factor'] }),
      entity('bare', 'Bare', { kind: 'combination' }),
      entity('twice', 'Twice', { kind: 'combination', members: ['factor', 'factor'] }),
      entity('nested', 'Nested', { kind: 'combination', members: ['both', 'gene'] }),
    );
    expect(errorsOf({ entities: ents })).toEqual([
      'entities.json $.entities[6].kind: combination "bare" needs "members": two or more different entities given together',
      'entities.json $.entities[7].members: combination "twice" needs "members": two or more different entities given together',
      'entities.json $.entities[8].members[0]: member "both" is itself a combination; list its parts instead',
    ]);
  });
});

describe('references', () => {
  it('names the first and the last missing number', () => {
    const refs = references();
    refs.references = refs.references.filter((r) => r.n !== 4 && r.n !== 147);
    expect(errorsOf({ references: refs })).toEqual(['references.json $.references: missing reference number(s) 4, 147; the review lists 147']);
  });
});

describe('figures', () => {
  it('an entity drawn twice', () => {
    const f = figure({ nodes: [...figure().nodes, { entity: 'factor' }] });
    expect(figureErrors(f)).toEqual(['figures/f1.json $.nodes[4].entity: entity "factor" is listed twice']);
  });

  it('an edge from a node to itself', () => {
    expect(figureErrors(figWith(edge({ source: 'gene', target: 'gene' })))).toEqual(['figures/f1.json $.edges[3].target: an edge may not point at its own source']);
  });

  it('reference numbers from 1 to 147, each once, each in references.json', () => {
    expect(figureErrors(figWith(edge({ refs: [1, 147] })))).toEqual([]);
    expect(figureErrors(figWith(edge({ refs: [2, 5, 2] })))).toEqual(['figures/f1.json $.edges[3].refs[2]: reference 2 is cited twice']);
    const refs = references();
    refs.references = refs.references.filter((r) => r.n !== 9);
    expect(figureErrors(figWith(edge({ refs: [9] })), { references: refs })).toEqual([
      'references.json $.references: missing reference number(s) 9; the review lists 147',
      'figures/f1.json $.edges[3].refs[0]: reference 9 is not in references.json',
    ]);
    expect(figureErrors(figWith(edge({ refs: [0, 0] })))).toEqual([
      'figures/f1.json $.edges[3].refs[0]: reference 0 is outside 1–147',
      'figures/f1.json $.edges[3].refs[1]: reference 0 is outside 1–147',
      'figures/f1.json $.edges[3].refs[1]: reference 0 is cited twice',
    ]);
  });

  it('details per reference: not empty, only for cited references, `basis` may be in both', () => {
    const basis = edge({ refs: [4, 5], evidence: { species: ['rat'], basis: 'reference-title' }, evidenceByRef: { 4: { setting: ['in-vivo'], basis: 'reference-title' } } });
    expect(figureErrors(figWith(basis))).toEqual([]);
    const empty = edge({ refs: [4, 5], evidenceByRef: { 5: {} } });
    expect(figureErrors(figWith(empty))).toEqual(['figures/f1.json $.edges[3].evidenceByRef["5"]: empty; remove it']);
    const uncited = edge({ refs: [], section: 'prospects', evidenceByRef: { 7: { species: ['rat'] } } });
    expect(figureErrors(figWith(uncited))).toEqual([
      'figures/f1.json $.edges[3].evidenceByRef["7"]: reference 7 is not cited by this edge (refs: none)',
    ]);
  });

  it('the sources an edge is about are MSC sources', () => {
    expect(figureErrors(figWith(edge({ sources: ['src-b', 'gene'] })))).toEqual(['figures/f1.json $.edges[3].sources[1]: "gene" is not an entity of kind msc-source']);
  });

  it('a member of a combination drawn in a figure is joined to it by "part-of", not by another relation', () => {
    const ents = withEntities(entity('pair', 'Pair', { kind: 'combination', members: ['src-a', 'factor'] }));
    const f = figure({
      nodes: [...figure().nodes, { entity: 'pair' }],
      edges: [
        ...figure().edges,
        edge({ id: 'p1', source: 'src-a', target: 'pair', relation: 'part-of' }),
        edge({ id: 'p2', source: 'factor', target: 'pair', relation: 'promotes' }),
        edge({ id: 'p3', source: 'pair', target: 'outcome', relation: 'part-of' }),
      ],
    });
    expect(figureErrors(f, { entities: ents })).toEqual([
      'figures/f1.json $.edges[5].target: "part-of" points at a combination; "outcome" is not one',
      'figures/f1.json $.nodes[4]: combination "pair": its member "factor" must be a node of this figure with a "part-of" edge to it',
    ]);
  });

  it('a "part-of" edge names the combination’s members, or says it has none', () => {
    const ents = withEntities(entity('pair', 'Pair', { kind: 'combination', members: ['src-a', 'factor'] }), entity('bare', 'Bare', { kind: 'combination' }));
    const f = figure({
      nodes: [...figure().nodes, { entity: 'pair' }, { entity: 'bare' }],
      edges: [
        ...figure().edges,
        edge({ id: 'p1', source: 'src-a', target: 'pair', relation: 'part-of' }),
        edge({ id: 'p2', source: 'factor', target: 'pair', relation: 'part-of' }),
        edge({ id: 'p3', source: 'gene', target: 'pair', relation: 'part-of' }),
        edge({ id: 'p4', source: 'gene', target: 'bare', relation: 'part-of' }),
      ],
    });
    expect(figureErrors(f, { entities: ents })).toEqual([
      'entities.json $.entities[6].kind: combination "bare" needs "members": two or more different entities given together',
      'figures/f1.json $.edges[5].source: "gene" is not a member of the combination "pair" (members: src-a, factor)',
      'figures/f1.json $.edges[6].source: "gene" is not a member of the combination "bare" (members: none)',
    ]);
  });

  it('a member shared by two combinations is joined to each', () => {
    const ents = withEntities(entity('pair', 'Pair', { kind: 'combination', members: ['src-a', 'factor'] }), entity('trio', 'Trio', { kind: 'combination', members: ['src-a', 'gene'] }));
    const f = figure({
      nodes: [...figure().nodes, { entity: 'pair' }, { entity: 'trio' }],
      edges: [
        ...figure().edges,
        edge({ id: 'p1', source: 'src-a', target: 'pair', relation: 'part-of' }),
        edge({ id: 'p2', source: 'factor', target: 'pair', relation: 'part-of' }),
        edge({ id: 'p3', source: 'gene', target: 'trio', relation: 'part-of' }),
        edge({ id: 'p4', source: 'trio', target: 'outcome', relation: 'promotes' }),
      ],
    });
    expect(figureErrors(f, { entities: ents })).toEqual([
      'figures/f1.json $.nodes[5]: combination "trio": its member "src-a" must be a node of this figure with a "part-of" edge to it',
    ]);
  });

  it('"part-of" to an unknown entity: unknown, and not a combination; without the entities file, neither is known', () => {
    const f = figure({ nodes: [...figure().nodes, { entity: 'ghost' }], edges: [...figure().edges, edge({ source: 'gene', target: 'ghost', relation: 'part-of' })] });
    expect(figureErrors(f)).toEqual([
      'figures/f1.json $.nodes[4].entity: unknown entity "ghost": add it to entities.json first',
      'figures/f1.json $.edges[3].target: "part-of" points at a combination; "ghost" is not one',
    ]);
    expect(figureErrors(f, {}, { 'entities.json': '{' })).toEqual([expect.stringMatching(/^entities\.json \$: not valid JSON/)]);
  });
});
