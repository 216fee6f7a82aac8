/**
 * What an exported figure shows (export/content.ts), on views and decorations made here: the filters in words,
 * the panes, the legend of what is drawn, the source colours and compared sides, and the source line with the
 * references cited by what is drawn.
 */
import { describe, expect, it } from 'vitest';
import { describeFilters, exportContent, retractedText } from '../../src/export/content.ts';
import type { Positions } from '../../src/layout/types.ts';
import { NO_FILTERS, type Filters } from '../../src/model/overlay.ts';
import type { GraphView } from '../../src/model/view.ts';
import type { Decorations } from '../../src/theme/decorations.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();

const ent = (id: string, kind: string, label = id) => ({ id, kind, label });
const view = (nodes: ReturnType<typeof ent>[], edges: { id: string; source: string; target: string; relation: string; refs: number[] }[]): GraphView =>
  ({ key: 'v', kind: 'figure', title: 'V', figures: [], nodes: nodes.map((e) => ({ id: e.id, entity: e })), edges }) as unknown as GraphView;
const at = (ids: string[]): Positions => ({ hash: '', nodes: Object.fromEntries(ids.map((id, i) => [id, { x: i * 200, y: 0 }])), edges: {}, width: 0, height: 0 });
const dimmed = (nodes: string[], edges: string[]): Decorations => ({
  nodes: new Map(nodes.map((id) => [id, { dim: true, sourceColours: [], shared: false, highlight: null }])),
  edges: new Map(edges.map((id) => [id, { dim: true, colours: [], highlight: null }])),
});

/** A cell process activated by a gene (refs 3, 4, 5) and a marker that inhibits it (refs 9, 10). */
const v = view(
  [ent('g', 'gene-or-protein', 'Gene'), ent('p', 'cellular-process', 'Process'), ent('m', 'marker', 'Marker')],
  [
    { id: 'gp', source: 'g', target: 'p', relation: 'activates', refs: [3, 4, 5] },
    { id: 'mp', source: 'm', target: 'p', relation: 'inhibits', refs: [9, 10] },
  ],
);
const pane = (decorations?: Decorations, label?: string) => ({ view: v, positions: at(['g', 'p', 'm']), ...(decorations ? { decorations } : {}), ...(label ? { label } : {}) });

describe('describeFilters', () => {
  it('says nothing without filters', () => {
    expect(describeFilters(NO_FILTERS)).toBe('');
  });

  it('names every active filter in order, joining choices with "or" and filters with "; "', () => {
    const all: Filters = { cellFree: true, signs: ['+', '−'] as never, species: ['human', 'rat'] as never, settings: ['in-vivo', 'in-vitro'] as never, injuries: ['cyclophosphamide', 'busulfan'] as never };
    expect(describeFilters(all)).toBe(
      'cell-free mechanisms only; sign: + or −; species: human or rat; setting: in-vivo or in-vitro; injury model: cyclophosphamide or busulfan',
    );
  });

  it('names each filter alone', () => {
    expect(describeFilters({ ...NO_FILTERS, cellFree: true })).toBe('cell-free mechanisms only');
    expect(describeFilters({ ...NO_FILTERS, signs: ['+'] as never })).toBe('sign: +');
    expect(describeFilters({ ...NO_FILTERS, species: ['mouse'] as never })).toBe('species: mouse');
    expect(describeFilters({ ...NO_FILTERS, settings: ['in-vitro'] as never })).toBe('setting: in-vitro');
    expect(describeFilters({ ...NO_FILTERS, injuries: ['busulfan'] as never })).toBe('injury model: busulfan');
  });
});

describe('retractedText', () => {
  it('lists each retracted reference once with its year, in number order, and nothing for none', () => {
    const retracted = [...model.references.values()].filter((r) => r.retracted).map((r) => r.n).sort((a, b) => a - b);
    expect(retracted.length).toBeGreaterThanOrEqual(2);
    const [a, b] = retracted as [number, number];
    const year = (n: number) => model.references.get(n)!.retracted!.date.slice(0, 4);
    expect(retractedText(model, [b, a, b])).toBe(` Retracted since the review: ${a} (${year(a)}), ${b} (${year(b)}).`);
    expect(retractedText(model, [])).toBe('');
  });
});

describe('exportContent', () => {
  it('keeps the title, a caption only when given, and one scene per pane with its label', () => {
    const c = exportContent(model, { title: 'T', panes: [pane(undefined, 'Left'), pane()], sources: [] });
    expect(c.title).toBe('T');
    expect('caption' in c).toBe(false);
    expect(c.panes).toHaveLength(2);
    expect(c.panes[0]!.label).toBe('Left');
    expect('label' in c.panes[1]!).toBe(false);
    expect(c.panes[0]!.scene.nodes.map((n) => n.id)).toEqual(['g', 'p', 'm']);
    expect(c.panes[0]!.scene.edges.map((e) => e.id)).toEqual(['gp', 'mp']);
    expect(exportContent(model, { title: 'T', caption: 'Cap', panes: [pane()], sources: [] }).caption).toBe('Cap');
    expect('caption' in exportContent(model, { title: 'T', caption: '', panes: [pane()], sources: [] })).toBe(false);
  });

  it('cites the references of the drawn edges as ranges, in the source line naming the review', () => {
    const c = exportContent(model, { title: 'T', panes: [pane()], sources: [] });
    expect(c.sourceLine).toBe(
      `Source: Fu YX, Ji J, Shan F, Li J, Hu R. Stem Cell Res Ther 2021;12:161, doi:${model.review.doi} (${model.review.licence}); redrawn with MSC–POF Atlas.` +
        ' References cited (numbers as in the review): 3–5, 9, 10.',
    );
  });

  it('leaves out the references and the legend entries of edges the overlay dims', () => {
    const c = exportContent(model, { title: 'T', panes: [pane(dimmed([], ['mp']))], sources: [] });
    expect(c.sourceLine).toMatch(/References cited \(numbers as in the review\): 3–5\.$/);
    expect(c.legend.relations.map((r) => r.relation)).toEqual(['activates']);
    // Every edge dimmed: no reference is cited.
    expect(exportContent(model, { title: 'T', panes: [pane(dimmed([], ['gp', 'mp']))], sources: [] }).sourceLine).toMatch(/review\): none\.$/);
  });

  it('lists the kinds of dimmed nodes in the legend only when they are drawn', () => {
    const d = dimmed(['m'], ['mp']);
    const drawn = exportContent(model, { title: 'T', panes: [pane(d)], sources: [] });
    expect(drawn.legend.kinds.map((k) => k.kind).sort()).toEqual(['cellular-process', 'gene-or-protein', 'marker']);
    expect(drawn.panes[0]!.scene.nodes.map((n) => n.id)).toEqual(['g', 'p', 'm']);
    const shown = exportContent(model, { title: 'T', panes: [pane(d)], sources: [], onlyShown: true });
    expect(shown.legend.kinds.map((k) => k.kind).sort()).toEqual(['cellular-process', 'gene-or-protein']);
    expect(shown.panes[0]!.scene.nodes.map((n) => n.id)).toEqual(['g', 'p']);
  });

  it('gathers the legend and the citations over every pane', () => {
    const right = view([ent('x', 'msc-source', 'X'), ent('p', 'cellular-process', 'Process')], [{ id: 'xp', source: 'x', target: 'p', relation: 'secretes', refs: [20] }]);
    const c = exportContent(model, { title: 'T', panes: [pane(), { view: right, positions: at(['x', 'p']) }], sources: [] });
    expect(c.sourceLine).toMatch(/review\): 3–5, 9, 10, 20\.$/);
    expect(c.legend.kinds.map((k) => k.kind)).toContain('msc-source');
    expect(c.legend.relations.map((r) => r.relation)).toContain('secretes');
  });

  it('names each overlaid source by its label and tissue, in its colour', () => {
    const sources = [...model.entities.values()].filter((e) => e.kind === 'msc-source' && e.tissue).slice(0, 2);
    expect(sources).toHaveLength(2);
    const c = exportContent(model, { title: 'T', panes: [pane()], sources: [{ id: sources[0]!.id, colour: '#E69F00' }, { id: sources[1]!.id, colour: '#56B4E9' }] });
    expect(c.sources).toEqual([
      { label: `${sources[0]!.label} — ${sources[0]!.tissue}`, colour: '#E69F00' },
      { label: `${sources[1]!.label} — ${sources[1]!.tissue}`, colour: '#56B4E9' },
    ]);
    // A source the model does not know is named by its id.
    expect(exportContent(model, { title: 'T', panes: [pane()], sources: [{ id: 'nowhere', colour: '#000000' }] }).sources).toEqual([{ label: 'nowhere — ', colour: '#000000' }]);
  });

  it('names two compared sides and "Both" in their two colours; one side alone has no "Both"', () => {
    const sides = [
      { label: 'Fig. 1', colour: '#0072B2' },
      { label: 'Fig. 2', colour: '#D55E00' },
    ];
    expect(exportContent(model, { title: 'T', panes: [pane()], sources: [], sides }).sources).toEqual([...sides, { label: 'Both', colour: '#0072B2', second: '#D55E00' }]);
    expect(exportContent(model, { title: 'T', panes: [pane()], sources: [], sides: sides.slice(0, 1) }).sources).toEqual(sides.slice(0, 1));
    expect(exportContent(model, { title: 'T', panes: [pane()], sources: [] }).sources).toEqual([]);
  });

  it('states active filters at the end of the source line, and nothing for inactive ones', () => {
    const on = exportContent(model, { title: 'T', panes: [pane()], sources: [], filters: { ...NO_FILTERS, species: ['rat'] as never } });
    expect(on.sourceLine).toMatch(/review\): 3–5, 9, 10\. Filters: species: rat\.$/);
    const off = exportContent(model, { title: 'T', panes: [pane()], sources: [], filters: NO_FILTERS });
    expect(off.sourceLine).not.toContain('Filters');
  });
});
