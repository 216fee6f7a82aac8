/**
 * The graphs against the review's text: for every figure, statements read off the review, asserted as edges with
 * the right sign, references and evidence. A change that flips a sign or drops a citation fails here.
 */
import { describe, expect, it } from 'vitest';
import { RELATION_SIGN, type FigureEdge, type Relation } from '../../src/model/schema.ts';
import { normalizeName } from '../../src/model/normalize.ts';
import { atlasView } from '../../src/model/view.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();

function edge(figure: string, source: string, target: string, relation?: Relation): FigureEdge {
  const fig = model.figures.find((f) => f.id === figure);
  if (!fig) throw new Error(`no figure ${figure}`);
  const found = fig.edges.filter((e) => e.source === source && e.target === target && (!relation || e.relation === relation));
  if (found.length !== 1) throw new Error(`${figure}: expected one edge ${source} → ${target}, found ${found.length}`);
  return found[0]!;
}

/** The statement is there, with this relation, citing (at least) these references. */
function says(figure: string, source: string, relation: Relation, target: string, refs: number[]) {
  const all = model.figures.find((f) => f.id === figure)!.edges.filter((x) => x.source === source && x.target === target);
  expect(all.map((x) => x.relation), `${figure} ${source} → ${target}`).toContain(relation);
  const e = edge(figure, source, target, relation);
  expect(e.refs, `${figure} ${source} → ${target}`).toEqual(expect.arrayContaining(refs));
  return e;
}

const quantity = (e: FigureEdge, unit: string) => e.evidence.quantities?.find((q) => q.unit === unit)?.value;

describe('Fig. 1, human bone marrow MSCs', () => {
  it('exosomal miR-144-5p silences PTEN, a chain, not a shortcut', () => {
    says('fig1', 'hbmmsc', 'secretes', 'hbmmsc-exo', [43]);
    says('fig1', 'hbmmsc-exo', 'delivers', 'mir-144-5p', [43]);
    says('fig1', 'mir-144-5p', 'inhibits', 'pten', [43]);
    says('fig1', 'pten', 'promotes', 'gc-apoptosis', [43]);
    expect(() => edge('fig1', 'hbmmsc-exo', 'pten')).toThrow();
    expect(edge('fig1', 'mir-144-5p', 'pten').evidence.injury?.[0]?.agent).toBe('cyclophosphamide');
  });
  it('miR-21 targets PTEN and PDCD4; FSH falls; IGF-1 and TNF-α rise; heat shock pretreats', () => {
    says('fig1', 'mir-21', 'inhibits', 'pten', [42]);
    says('fig1', 'mir-21', 'inhibits', 'pdcd4', [42]);
    says('fig1', 'hbmmsc', 'downregulates', 'fsh', [38]);
    says('fig1', 'hbmmsc', 'upregulates', 'igf1', [40]);
    says('fig1', 'hbmmsc', 'upregulates', 'tnfa', [40]);
    says('fig1', 'hbmmsc', 'upregulates', 'amh', [36, 37]);
    expect(quantity(edge('fig1', 'hbmmsc', 'e2'), 'days')).toBe(30);
    says('fig1', 'heat-shock', 'pretreats', 'hbmmsc', [44]);
    says('fig1', 'hbmmsc', 'homes-to', 'ovarian-stroma', [40]);
  });
});

describe('Fig. 2, placenta MSCs', () => {
  it('lower FSH, LH and anti-zona antibodies, raise AMH and E2', () => {
    for (const t of ['fsh', 'lh', 'azp-ab']) says('fig2', 'hpmsc', 'downregulates', t, [57]);
    for (const t of ['amh', 'e2']) says('fig2', 'hpmsc', 'upregulates', t, [57]);
    says('fig2', 'hpmsc', 'reduces', 'gc-apoptosis', [57]);
  });
  it('Treg → TGF-β ⊣ IFN-γ ⊣ ovulation; EGF → NRF2/HO-1; exosomes damp inflammatory cytokines', () => {
    says('fig2', 'treg', 'secretes', 'tgfb', [62]);
    says('fig2', 'tgfb', 'downregulates', 'ifng', [62]);
    says('fig2', 'ifng', 'reduces', 'ovulation', [62]);
    says('fig2', 'egf', 'activates', 'nrf2-ho1', [64]);
    says('fig2', 'hpmsc-exo', 'upregulates', 'il10', [66]);
    for (const t of ['il1b', 'il8', 'tnfa', 'nfkb']) says('fig2', 'hpmsc-exo', 'downregulates', t, [66]);
    says('fig2', 'pi3k-akt', 'downregulates', 'th17-treg-ratio', [59]);
    says('fig2', 'hpmsc', 'regulates', 'ire1a', [58]);
    expect(edge('fig2', 'ire1a', 'gc-apoptosis').evidence.injury?.[0]?.agent).toBe('autoimmune');
  });
});

describe('Fig. 3 and Table 1, amnion MSCs', () => {
  it('secrete IGF-1 ("FIGF-1") and bFGF ("GF2"); raise E2 and lower FSH; restore fertility after peroxide burns', () => {
    says('fig3', 'hamsc', 'secretes', 'igf1', [70]);
    says('fig3', 'hamsc', 'secretes', 'fgf2', [70]);
    says('fig3', 'hamsc', 'upregulates', 'e2', [86]);
    says('fig3', 'hamsc', 'downregulates', 'fsh', [86]);
    says('fig3', 'hamsc', 'upregulates', 'stra8', [86]);
    says('fig3', 'hamsc', 'upregulates', 'itgb1', [86]);
    const fertility = says('fig3', 'hamsc', 'promotes', 'fertility', [67]);
    expect(fertility.evidence.injury?.map((i) => i.agent)).toContain('hydrogen-peroxide');
  });
  it('EGF and HGF drive granulosa-cell growth; LIPUS pretreats; GSK3β/β-catenin depends on PI3K/Akt', () => {
    says('fig3', 'egf', 'promotes', 'gc-proliferation', [90]);
    says('fig3', 'hgf', 'reduces', 'gc-apoptosis', [90]);
    says('fig3', 'lipus', 'pretreats', 'hamsc', [89]);
    says('fig3', 'pi3k-akt', 'activates', 'gsk3b-catenin', [91]);
    says('fig3', 'hamsc-cm', 'upregulates', 'treg', [81]);
    const follicles = edge('fig3', 'hamsc', 'follicle-number');
    expect(follicles.evidence.injury?.find((i) => i.agent === 'cyclophosphamide')?.dose).toEqual({ what: expect.any(String), value: 70, unit: 'mg/kg' });
  });
  it('Table 1: more Ki67+AMH+ granulosa cells in patients', () => {
    const e = says('table1', 'hamsc', 'promotes', 'ki67-amh-gcs', [68]);
    expect(e.evidence.species).toEqual(['human']);
  });
});

describe('Table 2, umbilical cord MSCs', () => {
  it('settle in the injured ovary by percentage: medulla 57.1, cortex 32.2, epithelium 15', () => {
    expect(quantity(says('table2', 'humsc', 'homes-to', 'ovarian-medulla', [97]), '%')).toBe(57.1);
    expect(quantity(says('table2', 'humsc', 'homes-to', 'ovarian-cortex', [97]), '%')).toBe(32.2);
    expect(quantity(says('table2', 'humsc', 'homes-to', 'ovarian-epithelium', [97]), '%')).toBe(15);
  });
  it('raise P4, E2 and IL-4 and lower IFN-γ, FSH and IL-2; NGF/TrkA lowers FSHR and caspase-3 (tail vein)', () => {
    for (const t of ['p4', 'e2', 'il4']) says('table2', 'humsc', 'upregulates', t, [99]);
    for (const t of ['ifng', 'fsh', 'il2']) says('table2', 'humsc', 'downregulates', t, [99]);
    says('table2', 'humsc', 'upregulates', 'ngf', [100]);
    const casp = says('table2', 'ngf-trka', 'downregulates', 'caspase-3', [100]);
    expect(casp.evidence.route).toEqual(['tail-vein']);
    expect(casp.evidence.species).toEqual(['rat']);
  });
  it('microvesicles reach follicles in 24 h; HO-1 acts through JNK/Bcl-2; the collagen scaffold adds CD31', () => {
    expect(quantity(says('table2', 'humsc-mv', 'homes-to', 'ovarian-follicles', [102]), 'h')).toBe(24);
    says('table2', 'humsc-mv', 'regulates', 'pi3k-akt', [102]);
    says('table2', 'ho1', 'activates', 'jnk-bcl2', [104]);
    says('table2', 'ho1', 'upregulates', 'cd8-cd28-t', [104]);
    says('table2', 'collagen-scaffold', 'combines-with', 'humsc', [105, 106]);
    says('table2', 'humsc', 'upregulates', 'cd31', [105]);
    expect(edge('table2', 'humsc', 'ovarian-function').evidence.injury?.map((i) => i.agent)).toEqual(expect.arrayContaining(['cyclophosphamide', 'paclitaxel']));
  });
});

describe('Fig. 4, amniotic fluid MSCs', () => {
  it('exosomal miR-21 → PTEN → caspase-3, with follicles, estrous cycles and AMH', () => {
    says('fig4', 'hafmsc-exo', 'delivers', 'mir-21', [120]);
    says('fig4', 'mir-21', 'inhibits', 'pten', [120]);
    says('fig4', 'pten', 'regulates', 'caspase-3', [120]);
    says('fig4', 'hafmsc-exo', 'upregulates', 'amh', [120]);
    says('fig4', 'hafmsc-exo', 'promotes', 'estrous-cycle', [120]);
  });
  it('express EGF, TGF-β, TGF-α and BMP-4; survive at least 3 weeks in the ovary', () => {
    for (const t of ['egf', 'tgfb', 'tgfa', 'bmp4']) says('fig4', 'hafmsc', 'expresses', t, [117, 118]);
    expect(quantity(says('fig4', 'hafmsc', 'homes-to', 'ovary', [119]), 'weeks')).toBe(3);
  });
});

describe('Fig. 5, menstrual blood MSCs', () => {
  it('survive 14 days, raise AMH, FSHR, inhibin and Ki67, secrete FGF2', () => {
    expect(quantity(says('fig5', 'hmbmsc', 'homes-to', 'ovary', [126]), 'days')).toBe(14);
    for (const t of ['amh', 'fshr', 'inhibin', 'ki67']) says('fig5', 'hmbmsc', 'upregulates', t, [126]);
    says('fig5', 'hmbmsc', 'secretes', 'fgf2', [128]);
    says('fig5', 'hmbmsc', 'reduces', 'fibrosis', [128]);
  });
  it('with Bushen Tiaochong: GADD45b down, Cyclin B1 and CDC2 up, in epirubicin mice', () => {
    says('fig5', 'bushen-tiaochong', 'combines-with', 'hmbmsc', [130]);
    const g = says('fig5', 'hmbmsc', 'downregulates', 'gadd45b', [130]);
    expect(g.evidence.injury?.[0]?.agent).toBe('epirubicin');
    says('fig5', 'hmbmsc', 'upregulates', 'cyclin-b1', [130]);
    says('fig5', 'hmbmsc', 'upregulates', 'cdc2', [130]);
    says('fig5', 'hmbmsc', 'expresses', 'dazl', [123]);
  });
});

describe('Fig. 6, adipose MSCs', () => {
  it('exosomes act through SMAD on granulosa cells; estrogen co-treatment raises Treg and Foxp3 and lowers IFN-γ', () => {
    says('fig6', 'hadmsc-exo', 'regulates', 'smad', [137]);
    says('fig6', 'smad', 'reduces', 'gc-apoptosis', [137]);
    says('fig6', 'smad', 'promotes', 'gc-proliferation', [137]);
    says('fig6', 'estrogen-therapy', 'combines-with', 'hadmsc', [138]);
    says('fig6', 'hadmsc', 'upregulates', 'foxp3', [138]);
    says('fig6', 'hadmsc', 'downregulates', 'ifng', [138]);
  });
  it('VEGF and PRP combined in cyclophosphamide rats; located in the interstitium; PGE2 curbs T cells', () => {
    says('fig6', 'prp', 'combines-with', 'hadmsc', [139]);
    says('fig6', 'hadmsc', 'upregulates', 'bmp4', [139]);
    says('fig6', 'hadmsc', 'homes-to', 'ovarian-stroma', [140]);
    says('fig6', 'pge2', 'reduces', 't-cell-proliferation', [134]);
    says('fig6', 'hadmsc-exo', 'activates', 'pka', [136]);
  });
});

describe('Other MSCs and Fig. 7', () => {
  it('peritoneum MSCs become ovarian-like cells in 21 days; skin MSCs lower six pro-inflammatory cytokines', () => {
    expect(quantity(says('other', 'pemsc', 'differentiates-into', 'ovarian-like-cells', [143]), 'days')).toBe(21);
    for (const t of ['tnfa', 'tgfb', 'il8', 'il6', 'il1b', 'ifng']) says('other', 'smsc', 'downregulates', t, [144]);
  });
  it('overview: exosomes without tumour risk, combined therapies, open problems (uncited)', () => {
    says('fig7', 'msc-exo', 'reduces', 'tumour-risk', [146, 147]);
    for (const [s, t] of [['hbmmsc', 'hbmmsc-exo'], ['humsc', 'humsc-mv'], ['hafmsc', 'hafmsc-exo'], ['hadmsc', 'hadmsc-exo']] as const) says('fig7', s, 'secretes', t, []);
    for (const t of ['tumour-risk', 'immunogenicity', 'donor-variability', 'quality-control', 'ethical-issues']) {
      const e = says('fig7', 'msc', 'raises-concern', t, []);
      expect(e.section).toBe('prospects');
    }
    expect(edge('fig7', 'collagen-scaffold', 'humsc').sources).toEqual(['humsc']);
  });
});

describe('one entity, one id, across the atlas', () => {
  it('maps the review’s names and misspellings to one entity each', () => {
    const byName = new Map<string, string>();
    for (const e of model.entities.values()) for (const n of [e.label, e.name ?? '', ...e.synonyms]) if (n) byName.set(normalizeName(n), e.id);
    const id = (name: string) => byName.get(normalizeName(name));
    expect(id('bFGF')).toBe('fgf2');
    expect(id('GF2')).toBe('fgf2');
    expect(id('FIGF-1')).toBe('igf1');
    expect(id('E2')).toBe('e2');
    expect(id('estradiol')).toBe('e2');
    expect(id('CASP-3')).toBe('caspase-3');
    expect(id('CD29')).toBe('itgb1');
    expect(id('PI3K/AKT')).toBe('pi3k-akt');
    expect(id('TGF-beta')).toBe('tgfb');
    expect(id('interstitium')).toBe('ovarian-stroma');
  });

  it('has no two entities whose names collide after normalising case, Greek letters and punctuation', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of model.entities.values()) {
      for (const n of new Set([e.label, e.name ?? '', ...e.synonyms].filter(Boolean).map(normalizeName))) {
        const other = seen.get(n);
        if (other && other !== e.id) clashes.push(`${n}: ${other} / ${e.id}`);
        seen.set(n, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('draws shared factors once in the atlas: miR-21 from Figs. 1 and 4, PI3K/Akt from three sources', () => {
    const atlas = atlasView(model);
    expect(atlas.nodes.filter((n) => n.id === 'mir-21')).toHaveLength(1);
    expect(atlas.nodes.find((n) => n.id === 'mir-21')!.sources).toEqual(['hafmsc', 'hbmmsc']);
    expect(atlas.nodes.find((n) => n.id === 'pi3k-akt')!.sources).toEqual(expect.arrayContaining(['hamsc', 'hpmsc', 'humsc']));
    expect(atlas.nodes.find((n) => n.id === 'hgf')!.sources.length).toBeGreaterThanOrEqual(4);
  });

  it('normalises names the same way everywhere', () => {
    expect(normalizeName('TGF-β')).toBe(normalizeName('tgf beta'));
    expect(normalizeName('IL-1β')).toBe('il1beta');
    expect(normalizeName('NF-κB')).toBe(normalizeName('NF-kappaB'));
    expect(normalizeName('CD44+')).not.toBe(normalizeName('CD44'));
  });
});

describe('the data as a whole', () => {
  it('has all 147 references with the review’s details, and every figure cites some', () => {
    expect(model.references.size).toBe(147);
    expect(model.references.get(43)!.title).toBe(
      'Bone marrow mesenchymal stem cell-derived exosomal miR-144-5p improves rat ovarian function after chemotherapy-induced ovarian failure by targeting PTEN',
    );
    expect(model.references.get(43)).toMatchObject({ journal: 'Lab Investig', year: 2020, volume: '100', issue: '3', pages: '342–52' });
    expect(model.references.get(7)!.doi).toBe('10.1016/j.beem.2014.09.010');
    for (const f of model.figures) expect(f.edges.some((e) => e.refs.length > 0), f.id).toBe(true);
  });

  it('gives every relation a sign and every figure all its sources as nodes', () => {
    for (const f of model.figures) for (const e of f.edges) expect(RELATION_SIGN[e.relation]).toBeDefined();
    expect(model.figures.map((f) => f.id)).toEqual(['fig1', 'fig2', 'fig3', 'table1', 'table2', 'fig4', 'fig5', 'fig6', 'other', 'fig7']);
  });
});
