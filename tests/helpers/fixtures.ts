/** Small, valid graph files to build tests on; each test breaks one thing. */
import type { SourceFile } from '../../src/model/validate.ts';

export const entities = () => ({
  $schema: './schema/entities.schema.json',
  entities: [
    { id: 'src-a', label: 'Source A', tissue: 'tissue A', kind: 'msc-source', synonyms: ['SA'], xrefs: ['CL:0000134'] },
    { id: 'src-b', label: 'Source B', tissue: 'tissue B', kind: 'msc-source', synonyms: [], xrefs: [] },
    { id: 'factor', label: 'Factor X', kind: 'secreted-factor', synonyms: ['FX'], xrefs: ['HGNC:4893'] },
    { id: 'gene', label: 'Gene Y', kind: 'gene-or-protein', synonyms: [], xrefs: [] },
    { id: 'outcome', label: 'Outcome Z', kind: 'ovarian-outcome', synonyms: [], xrefs: [] },
  ],
});

export const references = () => ({
  $schema: './schema/references.schema.json',
  review: { citation: 'Fu YX et al. Stem Cell Res Ther. 2021;12:161.', doi: '10.1186/s13287-021-02212-0', licence: 'CC BY 4.0' },
  references: Array.from({ length: 147 }, (_, i) => ({ n: i + 1, authors: `Author ${i + 1}`, title: `Title ${i + 1}`, journal: 'J Test', year: 2020 })),
});

export const figure = (over: Record<string, unknown> = {}) => ({
  $schema: '../schema/figure.schema.json',
  id: 'f1',
  order: 1,
  label: 'Fig. 1',
  title: 'A test figure',
  caption: 'A caption.',
  section: 'Test section',
  sources: ['src-a'],
  nodes: [{ entity: 'src-a' }, { entity: 'factor' }, { entity: 'gene' }, { entity: 'outcome' }],
  edges: [
    { id: 'e1', source: 'src-a', target: 'factor', relation: 'secretes', refs: [1], section: 'characteristics', evidence: {}, note: 'Makes X.' },
    { id: 'e2', source: 'factor', target: 'gene', relation: 'inhibits', refs: [2, 3], section: 'effects', evidence: { species: ['mouse'], setting: ['in-vivo'] }, note: 'X stops Y.' },
    { id: 'e3', source: 'gene', target: 'outcome', relation: 'reduces', refs: [3], section: 'effects', evidence: { species: ['rat'] }, note: 'Y lowers Z.' },
  ],
  ...over,
});

const text = (o: unknown) => JSON.stringify(o, null, 2) + '\n';

export function files(parts: { entities?: unknown; references?: unknown; figures?: Record<string, unknown> } = {}): SourceFile[] {
  const figs = parts.figures ?? { 'figures/f1.json': figure() };
  return [
    { path: 'entities.json', text: text(parts.entities ?? entities()) },
    { path: 'references.json', text: text(parts.references ?? references()) },
    ...Object.entries(figs).map(([path, f]) => ({ path, text: typeof f === 'string' ? f : text(f) })),
  ];
}
