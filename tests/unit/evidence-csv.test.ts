/**
 * The evidence table (export/evidence-csv.ts) on a model made here, column by column: names, kinds and CURIEs of
 * both ends, the figure and sources, one row per reference with its citation, identifiers and retraction, the
 * evidence in words, and rows for uncited statements. Read back with papaparse (an independent CSV reader).
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, CSV_HEADER, csvField, evidenceCsv, guardFormula } from '../../src/export/evidence-csv.ts';
import type { FigureEdge, Reference } from '../../src/model/schema.ts';
import type { Model } from '../../src/model/types.ts';
import type { GraphView } from '../../src/model/view.ts';

const ref = (n: number, over: Partial<Reference> = {}) => [n, { n, authors: 'Yang M, Lin L', title: `T${n}`, journal: 'J', year: 2020, ...over } as Reference] as const;

function model(): Model {
  return {
    entities: new Map([
      ['a', { id: 'a', kind: 'mirna', label: 'miR-1', xrefs: ['miRBase:MIMAT1', 'HGNC:2'] }],
      ['b', { id: 'b', kind: 'gene-or-protein', label: 'PTEN' }],
      ['src', { id: 'src', kind: 'msc-source', label: 'hUCMSC' }],
    ]) as unknown as Model['entities'],
    references: new Map([ref(3, { doi: '10.1/x', pmid: '123', retracted: { date: '2022-10-13' } }), ref(4, { authors: 'Solo A' })]),
    review: { doi: '10.1186/s13287-021-02212-0' } as Model['review'],
    figures: [{ id: 'fig1', label: 'Fig. 1' }] as unknown as Model['figures'],
  };
}

const figEdge = (over: Partial<FigureEdge> = {}): FigureEdge =>
  ({ id: 'x', source: 'a', target: 'b', relation: 'inhibits', refs: [3, 4], evidence: {}, section: 'effects', note: 'A note.', ...over }) as FigureEdge;

function view(edges: { id?: string; source?: string; target?: string; supports: { figure: string; sources: string[]; edge: FigureEdge }[] }[]): GraphView {
  return {
    key: 'v',
    kind: 'figure',
    title: 'V',
    figures: [],
    nodes: [],
    edges: edges.map((e) => ({ id: e.id ?? 'a~inhibits~b', source: e.source ?? 'a', target: e.target ?? 'b', relation: 'inhibits', sign: 'decrease', sources: [], refs: [], supports: e.supports })),
  } as unknown as GraphView;
}

const rows = (csv: string) => {
  expect(csv.startsWith(BOM)).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...CSV_HEADER]);
  return parsed.data;
};

describe('evidenceCsv, column by column', () => {
  it('writes one row per reference, with the names, kinds, CURIEs, figure, sources and the reference’s own identifiers', () => {
    const csv = evidenceCsv(model(), view([{ supports: [{ figure: 'fig1', sources: ['src', 'gone'], edge: figEdge() }] }]));
    const [r3, r4, ...rest] = rows(csv);
    expect(rest).toEqual([]);
    expect(r3).toEqual({
      edge_id: 'a~inhibits~b',
      source: 'miR-1',
      relation: 'inhibits',
      sign: 'decrease',
      target: 'PTEN',
      source_kind: 'mirna',
      target_kind: 'gene-or-protein',
      source_curies: 'miRBase:MIMAT1; HGNC:2',
      target_curies: '',
      figure: 'Fig. 1',
      msc_sources: 'hUCMSC; gone',
      reference: '3',
      citation: 'Yang M et al. 2020',
      reference_doi: '10.1/x',
      reference_pmid: '123',
      reference_retracted: '2022-10-13',
      species: '',
      setting: '',
      injury_model: '',
      route: '',
      quantities: '',
      context: '',
      evidence_basis: 'review-text',
      section: 'effects',
      note: 'A note.',
    });
    expect(r4).toMatchObject({ reference: '4', citation: 'Solo A 2020', reference_doi: '', reference_pmid: '', reference_retracted: '' });
  });

  it('names ends, figures and references it does not know by their ids, and an uncited statement as such', () => {
    const csv = evidenceCsv(model(), view([{ id: 'p~inhibits~q', source: 'p', target: 'q', supports: [{ figure: 'figX', sources: [], edge: figEdge({ refs: [] }) }] }]));
    expect(rows(csv)).toEqual([
      expect.objectContaining({ source: 'p', target: 'q', source_kind: '', target_kind: '', source_curies: '', figure: 'figX', msc_sources: '', reference: '', citation: 'uncited', reference_doi: '' }),
    ]);
    // A reference number the list lacks is kept, and called uncited.
    const missing = evidenceCsv(model(), view([{ supports: [{ figure: 'fig1', sources: [], edge: figEdge({ refs: [99] }) }] }]));
    expect(rows(missing)[0]).toMatchObject({ reference: '99', citation: 'uncited' });
  });

  it('writes the evidence in words, each detail on the rows of the reference it holds for', () => {
    const edge = figEdge({
      evidence: {
        species: ['rat', 'mouse'],
        setting: ['in-vivo', 'in-vitro'],
        injury: [{ agent: 'chemotherapy-unspecified' }, { agent: 'cyclophosphamide', dose: { what: 'dose', value: 75, unit: 'mg/kg' } }],
        quantities: [{ what: 'follicles', value: 12, unit: 'per ovary' }, { what: 'AMH', value: 2.5, unit: 'ng/mL' }],
        context: 'bone regeneration',
        basis: 'reference-title',
      } as FigureEdge['evidence'],
      evidenceByRef: { '4': { route: ['tail-vein', 'ovarian-injection'] } } as FigureEdge['evidenceByRef'],
    });
    const [r3, r4] = rows(evidenceCsv(model(), view([{ supports: [{ figure: 'fig1', sources: [], edge }] }])));
    expect(r3).toMatchObject({
      species: 'rat; mouse',
      setting: 'in vivo; in vitro',
      injury_model: 'chemotherapy (agent not stated); cyclophosphamide 75 mg/kg',
      route: '',
      quantities: 'follicles: 12 per ovary; AMH: 2.5 ng/mL',
      context: 'bone regeneration',
      evidence_basis: 'reference-title',
    });
    expect(r4).toMatchObject({ route: 'tail vein; ovarian injection', species: 'rat; mouse' });
  });

  it('writes a row for every support of every edge, in order, and only the header for an empty view', () => {
    const csv = evidenceCsv(
      model(),
      view([
        { supports: [{ figure: 'fig1', sources: [], edge: figEdge({ refs: [4] }) }, { figure: 'fig1', sources: [], edge: figEdge({ refs: [3], section: 'prospects' }) }] },
        { id: 'b~inhibits~a', source: 'b', target: 'a', supports: [{ figure: 'fig1', sources: [], edge: figEdge({ refs: [4] }) }] },
      ]),
    );
    expect(rows(csv).map((r) => [r.edge_id, r.reference, r.section])).toEqual([
      ['a~inhibits~b', '4', 'effects'],
      ['a~inhibits~b', '3', 'prospects'],
      ['b~inhibits~a', '4', 'effects'],
    ]);
    // RFC 4180: CRLF after every record, the last one included.
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(5);
    expect(evidenceCsv(model(), view([]))).toBe(`${BOM}${CSV_HEADER.join(',')}\r\n`);
  });
});

describe('CSV cells', () => {
  it('guards only cells that start with a formula character, and a carriage return', () => {
    expect(guardFormula('\r=1')).toBe("'\r=1");
    expect(guardFormula('a=1')).toBe('a=1');
    expect(guardFormula('TNF-α + IL-6')).toBe('TNF-α + IL-6');
    expect(guardFormula('')).toBe('');
  });

  it('quotes a cell with a line break or a carriage return, and leaves other cells bare', () => {
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("it's; fine")).toBe("it's; fine");
  });
});
