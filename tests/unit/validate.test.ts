import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/model/types.ts';
import { validateGraphs } from '../../src/model/validate.ts';
import { entities, figure, files, references } from '../helpers/fixtures.ts';

const messages = (r: ReturnType<typeof validateGraphs>) => r.errors.map(formatIssue);

describe('validateGraphs', () => {
  it('accepts a valid set and builds the model', () => {
    const r = validateGraphs(files());
    expect(r.errors).toEqual([]);
    expect(r.model?.figures.map((f) => f.id)).toEqual(['f1']);
    expect(r.model?.entities.get('factor')?.label).toBe('Factor X');
    expect(r.report).toEqual([
      { id: 'f1', file: 'figures/f1.json', label: 'Fig. 1', nodes: 4, edges: 3, edgesWithoutEvidence: 1, referencesCited: 3 },
    ]);
  });

  it('names file, line, JSON path and reason for a schema error', () => {
    const f = figure();
    (f.edges[1] as Record<string, unknown>).relation = 'boosts';
    const r = validateGraphs(files({ figures: { 'figures/f1.json': f } }));
    expect(r.model).toBeUndefined();
    expect(messages(r)).toHaveLength(1);
    expect(messages(r)[0]).toMatch(/^figures\/f1\.json:\d+:\d+ \$\.edges\[1\]\.relation: must be one of "secretes"/);
    // The line points at the value in the file as written.
    const line = Number(/:(\d+):/.exec(messages(r)[0]!)![1]);
    const textLines = files({ figures: { 'figures/f1.json': f } })[2]!.text.split('\n');
    expect(textLines[line - 1]).toContain('"boosts"');
  });

  it('reports every problem at once, across files', () => {
    const f = figure();
    f.edges[0]!.target = 'nowhere';
    f.edges[1]!.refs = [0, 148];
    f.edges.push({ ...f.edges[2]!, id: 'e3' });
    f.nodes.push({ entity: 'ghost' });
    const ents = entities();
    ents.entities.push({ id: 'factor', label: 'Another', kind: 'hormone', synonyms: [], xrefs: [] });
    ents.entities.push({ id: 'fx2', label: 'F-X', kind: 'hormone', synonyms: [], xrefs: [] });
    const r = validateGraphs(files({ entities: ents, figures: { 'figures/f1.json': f } }));
    const m = messages(r).join('\n');
    expect(m).toContain('entities.json');
    expect(m).toMatch(/\$\.entities\[5\]\.id: duplicate entity id "factor"/);
    expect(m).toMatch(/\$\.entities\[6\]\.label: "F-X" collides with "FX" of entity "factor"/);
    expect(m).toMatch(/\$\.edges\[0\]\.target: target "nowhere" is not a node of this figure/);
    expect(m).toMatch(/\$\.edges\[1\]\.refs\[0\]: reference 0 is outside 1–147/);
    expect(m).toMatch(/\$\.edges\[1\]\.refs\[1\]: reference 148 is outside 1–147/);
    expect(m).toMatch(/\$\.edges\[3\]\.id: duplicate edge id "e3"/);
    expect(m).toMatch(/\$\.edges\[3\]: same reduces edge as \$\.edges\[2\]/);
    expect(m).toMatch(/\$\.nodes\[4\]\.entity: unknown entity "ghost"/);
    expect(m).toMatch(/\$\.nodes\[4\]: node "ghost" takes part in no edge/);
    expect(r.model).toBeUndefined();
  });

  it('checks combinations: members, their part-of edges, and nothing but members joining', () => {
    const ents = entities();
    ents.entities.push({ id: 'drug', label: 'Drug D', kind: 'intervention', synonyms: [], xrefs: [] });
    ents.entities.push({ id: 'a-with-d', label: 'Source A + Drug D', kind: 'combination', synonyms: [], xrefs: [], members: ['src-a', 'drug'] } as never);
    ents.entities.push({ id: 'lonely', label: 'Lonely', kind: 'combination', synonyms: [], xrefs: [], members: ['src-a'] } as never);
    ents.entities.push({ id: 'ghostly', label: 'Ghostly', kind: 'combination', synonyms: [], xrefs: [], members: ['src-a', 'ghost'] } as never);
    ents.entities.push({ id: 'not-combo', label: 'Not a combo', kind: 'intervention', synonyms: [], xrefs: [], members: ['src-a', 'drug'] } as never);
    const good = figure({
      nodes: [{ entity: 'src-a' }, { entity: 'drug' }, { entity: 'a-with-d' }, { entity: 'outcome' }],
      edges: [
        { id: 'p1', source: 'src-a', target: 'a-with-d', relation: 'part-of', refs: [4], section: 'effects', evidence: {}, note: 'Part.' },
        { id: 'p2', source: 'drug', target: 'a-with-d', relation: 'part-of', refs: [4], section: 'effects', evidence: {}, note: 'Part.' },
        { id: 'c1', source: 'a-with-d', target: 'outcome', relation: 'promotes', refs: [4], section: 'effects', evidence: {}, note: 'Together they help.' },
      ],
    });
    const r = validateGraphs(files({ entities: ents, figures: { 'figures/f1.json': good } }));
    const m = messages(r).join('\n');
    expect(m).toMatch(/\$\.entities\[7\]\.members: combination "lonely" needs "members": two or more/);
    expect(m).toMatch(/\$\.entities\[8\]\.members\[1\]: unknown member "ghost"/);
    expect(m).toMatch(/\$\.entities\[9\]\.members: only entities of kind combination have members/);
    expect(m).not.toContain('figures/f1.json');
    const bad = structuredClone(good);
    bad.edges.splice(1, 1);
    bad.edges.push({ id: 'p3', source: 'outcome', target: 'a-with-d', relation: 'part-of', refs: [4], section: 'effects', evidence: {}, note: 'x' });
    bad.edges.push({ id: 'p4', source: 'src-a', target: 'outcome', relation: 'part-of', refs: [4], section: 'effects', evidence: {}, note: 'x' });
    const m2 = messages(validateGraphs(files({ entities: ents, figures: { 'figures/f1.json': bad } }))).join('\n');
    expect(m2).toMatch(/\$\.nodes\[2\]: combination "a-with-d": its member "drug" must be a node of this figure with a "part-of" edge to it/);
    expect(m2).toMatch(/\$\.edges\[2\]\.source: "outcome" is not a member of the combination "a-with-d"/);
    expect(m2).toMatch(/\$\.edges\[3\]\.target: "part-of" points at a combination; "outcome" is not one/);
  });

  it('keeps evidence per reference to the edge’s own references, never repeating a shared field', () => {
    const f = figure();
    (f.edges[1] as Record<string, unknown>).evidenceByRef = { 2: { route: ['tail-vein'] }, 3: { species: ['rat'] }, 9: { route: ['scaffold'] } };
    (f.edges[2] as Record<string, unknown>).evidenceByRef = { 3: { route: ['tail-vein'] } };
    const m = messages(validateGraphs(files({ figures: { 'figures/f1.json': f } }))).join('\n');
    expect(m).toMatch(/\$\.edges\[1\]\.evidenceByRef\["3"\]\.species: "species" is also in "evidence"/);
    expect(m).toMatch(/\$\.edges\[1\]\.evidenceByRef\["9"\]: reference 9 is not cited by this edge \(refs: 2, 3\)/);
    expect(m).toMatch(/\$\.edges\[2\]\.evidenceByRef\["3"\]: the edge cites one reference: put these details in "evidence"/);
    expect(m).not.toMatch(/evidenceByRef\["2"\]/);
  });

  it('catches name collisions after normalising case, Greek letters and punctuation', () => {
    const ents = entities();
    ents.entities.push({ id: 'tgf-beta', label: 'TGF-β', kind: 'secreted-factor', synonyms: [], xrefs: [] });
    ents.entities.push({ id: 'tgfb-2', label: 'TGF beta', kind: 'cytoscape' as never, synonyms: [], xrefs: [] });
    ents.entities[6]!.kind = 'cytokine';
    const r = validateGraphs(files({ entities: ents }));
    expect(messages(r).join('\n')).toMatch(/"TGF beta" collides with "TGF-β" of entity "tgf-beta"/);
  });

  it('rejects malformed cross-references and ids', () => {
    const ents = entities();
    ents.entities[2]!.xrefs = ['HGNC:HGF', 'uniprot:P14210', 'Foo:1'];
    ents.entities[3]!.id = 'Gene_Y';
    const r = validateGraphs(files({ entities: ents }));
    const m = messages(r).join('\n');
    expect(m).toMatch(/\$\.entities\[2\]\.xrefs\[0\]: must be a CURIE/);
    expect(m).toMatch(/\$\.entities\[2\]\.xrefs\[1\]: must be a CURIE/);
    expect(m).toMatch(/\$\.entities\[2\]\.xrefs\[2\]: must be a CURIE/);
    expect(m).toMatch(/\$\.entities\[3\]\.id: must be lower-case kebab-case/);
  });

  it('requires all 147 references, each once', () => {
    const refs = references();
    refs.references.splice(10, 2);
    refs.references.push({ ...refs.references[0]! });
    const r = validateGraphs(files({ references: refs }));
    const m = messages(r).join('\n');
    expect(m).toMatch(/references\.json:\d+:\d+ \$\.references: missing reference number\(s\) 11, 12/);
    expect(m).toMatch(/\$\.references\[145\]\.n: duplicate reference number 1/);
  });

  it('allows uncited statements only in "Problems and prospects"', () => {
    const f = figure();
    f.edges[2]!.refs = [];
    expect(messages(validateGraphs(files({ figures: { 'figures/f1.json': f } })))[0]).toMatch(/edges\[2\]\.refs: cites no reference/);
    f.edges[2]!.section = 'prospects';
    expect(validateGraphs(files({ figures: { 'figures/f1.json': f } })).errors).toEqual([]);
  });

  it('checks figure sources are msc-source nodes of the figure', () => {
    const r = validateGraphs(files({ figures: { 'figures/f1.json': figure({ sources: ['factor', 'src-b'] }) } }));
    const m = messages(r).join('\n');
    expect(m).toMatch(/\$\.sources\[0\]: "factor" is not an entity of kind msc-source/);
    expect(m).toMatch(/\$\.sources\[1\]: source "src-b" is not a node of this figure/);
  });

  it('reports invalid JSON with its line and column, and keeps checking the other files', () => {
    const broken = '{\n  "id": "f1",\n  "order": 1,,\n}\n';
    const r = validateGraphs(files({ figures: { 'figures/f1.json': broken, 'figures/f2.json': figure({ id: 'f2', order: 2, sources: ['nope'] }) } }));
    const m = messages(r).join('\n');
    expect(m).toMatch(/figures\/f1\.json:3:\d+ \$: not valid JSON/);
    expect(m).toMatch(/figures\/f2\.json:\d+:\d+ \$\.sources\[0\]/);
  });

  it('rejects duplicate figure ids and orders, unknown fields and stray files', () => {
    const r = validateGraphs([
      ...files({ figures: { 'figures/a.json': figure(), 'figures/b.json': figure({ colour: 'red' }), 'figures/c.json': figure() } }),
      { path: 'notes.json', text: '{}' },
    ]);
    const m = messages(r).join('\n');
    expect(m).toMatch(/figures\/b\.json:\d+:\d+ \$: unknown field\(s\) "colour"/);
    expect(m).toMatch(/figures\/c\.json:\d+:\d+ \$\.id: figure id "f1" is also used by figures\/a\.json/);
    expect(m).toMatch(/figures\/c\.json:\d+:\d+ \$\.order: order 1 is also used by figures\/a\.json/);
    expect(m).toMatch(/notes\.json:1:1 \$: unexpected file/);
  });

  it('warns about entities no figure draws', () => {
    const r = validateGraphs(files());
    expect(r.warnings.map((w) => w.message)).toEqual(['entity "src-b" is drawn in no figure yet']);
  });
});

describe('npm run validate', () => {
  const script = resolve(import.meta.dirname, '../../scripts/validate.ts');
  const tsx = resolve(import.meta.dirname, '../../node_modules/.bin/tsx');

  it('exits 1 and prints every error of the broken fixture directory', () => {
    let out = '';
    let code = 0;
    try {
      execFileSync(tsx, [script, resolve(import.meta.dirname, '../fixtures/broken-graphs')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const err = e as { status: number; stderr: string; stdout: string };
      code = err.status;
      out = err.stderr + err.stdout;
    }
    expect(code).toBe(1);
    expect(out).toMatch(/error: figures\/fig-broken\.json:\d+:\d+ \$\.edges\[0\]\.refs\[0\]: reference 200 is outside 1–147/);
    expect(out).toMatch(/error: figures\/fig-broken\.json:\d+:\d+ \$\.edges\[1\]\.source: source "unknown-thing" is not a node of this figure/);
    expect(out).toMatch(/error: entities\.json:\d+:\d+ \$\.entities\[1\]\.kind: must be one of/);
    expect(out).toMatch(/\d+ error\(s\) in graphs\//);
  });

  it('passes on the shipped graphs and prints the per-figure report', () => {
    const out = execFileSync(tsx, [script], { encoding: 'utf8', stdio: 'pipe' });
    expect(out).toMatch(/figure\s+file\s+nodes\s+edges\s+no evidence\s+refs cited/);
    expect(out).toMatch(/Fig\. 1\s+figures\/fig1-bone-marrow\.json/);
    expect(out).toContain('graphs/ is valid');
  });
});
