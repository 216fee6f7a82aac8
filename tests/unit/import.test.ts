/** The import path, as the worker runs it: bundles in, a matched and laid-out graph or problems with places out. */
import { describe, expect, it } from 'vitest';
import { write } from '../../src/formats/bundle.ts';
import { layoutImported } from '../../src/layout/import-layout.ts';
import { detectFormat, fileSizeProblem, runImport } from '../../src/import/pipeline.ts';
import { withImports } from '../../src/model/imported.ts';
import { figureView } from '../../src/model/view.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();
const atlas = [...model.entities.values()];
const refs = [...model.references.keys()];
const run = (name: string, text: string) => runImport({ name, text, atlas, refs }, { layout: layoutImported });

describe('importing the app\'s own bundle', () => {
  it('reads a figure it wrote, matches every entity to the atlas and lays it out', async () => {
    const text = write(model, 'fig1');
    expect(detectFormat('fig1.json', text)).toBe('bundle');
    const r = await run('fig1.json', text);
    if (!('graph' in r)) throw new Error(JSON.stringify(r.problems));
    const g = r.graph;
    expect(g.key).toMatch(/^import-fig1-[0-9a-f]{8}$/);
    expect(g.stats.matched).toBe(g.stats.nodes);
    expect(g.entities).toEqual([]);
    const fig1 = figureView(model, 'fig1')!;
    const mine = figureView(withImports(model, [g]), g.key)!;
    expect(mine.edges.map((e) => e.id).sort()).toEqual(fig1.edges.map((e) => e.id).sort());
    expect(Object.keys(g.positions!.nodes).sort()).toEqual(mine.nodes.map((n) => n.id).sort());
    // The atlas stays the review's.
    expect(withImports(model, [g]).figures.filter((f) => !f.imported)).toEqual(model.figures);
  });

  it('keeps entities the atlas lacks as its own, and matches HGF by its full name', async () => {
    const b = JSON.parse(write(model, 'fig1'));
    const hgf = atlas.find((e) => e.label === 'HGF')!;
    b.entities.push({ id: 'my-hgf', label: 'hepatocyte growth factor', kind: 'secreted-factor' }, { id: 'quux', label: '<img src=x onerror=alert(1)>', kind: 'gene-or-protein' });
    b.figure.nodes.push({ entity: 'my-hgf' }, { entity: 'quux' });
    b.figure.edges.push({ id: 'q-h', source: 'quux', target: 'my-hgf', relation: 'activates', refs: [], section: 'effects', note: 'Made up for a test.' });
    const r = await run('mine.json', JSON.stringify(b));
    if (!('graph' in r)) throw new Error(JSON.stringify(r.problems));
    expect(r.graph.matches['my-hgf']).toEqual({ entity: hgf.id, basis: 'label' });
    expect(r.graph.entities).toHaveLength(1);
    expect(r.graph.entities[0]!.label).toBe('<img src=x onerror=alert(1)>');
    expect(r.graph.figure.edges.some((e) => e.target === hgf.id && e.relation === 'activates')).toBe(true);
  });

  it('names the place and the reason when the file is wrong', async () => {
    const bad = JSON.parse(write(model, 'fig1'));
    bad.figure.edges[2].target = 'nowhere';
    const r = await run('bad.json', JSON.stringify(bad, null, 2));
    expect('problems' in r && r.problems[0]).toMatchObject({ place: expect.stringMatching(/^\$\.figure\.edges\[2\]\.target \(\d+:\d+\)$/), reason: 'target "nowhere" is not a node of the figure' });
    const broken = await run('broken.json', '{"format": "msc-pof-atlas-bundle", "version": 1,\n  "figure": {,}');
    expect('problems' in broken && broken.problems[0]).toMatchObject({ place: '2:14', reason: expect.stringMatching(/^not valid JSON/) });
    const unknown = await run('notes.txt', 'hello');
    expect('problems' in unknown && unknown.problems[0]!.reason).toMatch(/not a format this app reads/);
  });

  it('refuses files over the size limit with their own message', () => {
    expect(fileSizeProblem(25 * 1024 * 1024)?.reason).toBe('the file is 25.0 MB; files up to 20.0 MB open here');
    expect(fileSizeProblem(1000)).toBeUndefined();
  });
});

describe('importing networks of other tools', () => {
  it('reads SIF through the same path: HGF matches the atlas, an unknown gene stays as it is', async () => {
    const r = await run('net.sif', 'HGF\tactivates\tQUUX1\nQUUX1\tpp\tQUUX2\n');
    if (!('graph' in r)) throw new Error(JSON.stringify(r.problems));
    const hgf = atlas.find((e) => e.label === 'HGF')!;
    expect(r.graph.format).toBe('sif');
    expect(r.graph.matches.HGF).toEqual({ entity: hgf.id, basis: 'id' });
    expect(r.graph.entities.map((e) => e.label).sort()).toEqual(['QUUX1', 'QUUX2']);
  });

  it('a broken GraphML file names its line and column', async () => {
    const r = await run('bad.graphml', '<graphml>\n  <graph>\n    <node id="a">\n</graphml>');
    expect('problems' in r && r.problems[0]!.place).toMatch(/^\d+:\d+$/);
  });
});
