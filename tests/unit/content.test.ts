/**
 * The graphs against the review's text: for every figure, statements read off the review, asserted as edges with
 * the right sign, references and evidence. A change that flips a sign or drops a citation fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { atlasMembership, cellFreeSupports, computeOverlay, NO_FILTERS } from '../../src/model/overlay.ts';
import { RELATION_SIGN, type FigureEdge, type Relation } from '../../src/model/schema.ts';
import { RELATION_STYLE } from '../../src/theme/kinds.ts';
import { normalizeName } from '../../src/model/normalize.ts';
import { evidenceFor } from '../../src/model/evidence.ts';
import { atlasView, sourceIds } from '../../src/model/view.ts';
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
    says('fig3', 'egf-hgf', 'promotes', 'gc-proliferation', [90]);
    says('fig3', 'egf-hgf', 'reduces', 'gc-apoptosis', [90]);
    says('fig3', 'lipus', 'pretreats', 'hamsc', [89]);
    says('fig3', 'pi3k-akt', 'activates', 'gsk3b-catenin', [91]);
    says('fig3', 'hamsc-cm', 'upregulates', 'treg', [81]);
    const follicles = edge('fig3', 'hamsc', 'follicle-number');
    expect(evidenceFor(follicles, 68).injury?.find((i) => i.agent === 'cyclophosphamide')?.dose).toEqual({ what: expect.any(String), value: 70, unit: 'mg/kg' });
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
    says('table2', 'collagen-scaffold', 'part-of', 'humsc-collagen', [105, 106]);
    says('table2', 'humsc', 'part-of', 'humsc-collagen', [105, 106]);
    says('table2', 'humsc-collagen', 'upregulates', 'cd31', [105]);
    const fn = edge('table2', 'humsc', 'ovarian-function');
    expect(evidenceFor(fn, 100).injury?.map((i) => i.agent)).toEqual(['cyclophosphamide']);
    expect(evidenceFor(fn, 101).injury?.map((i) => i.agent)).toEqual(['paclitaxel']);
    expect(evidenceFor(fn, 12).injury).toBeUndefined();
  });
});

describe('Fig. 4, amniotic fluid MSCs', () => {
  it('exosomal miR-21 → PTEN → caspase-3, with follicles, estrous cycles and AMH', () => {
    says('fig4', 'hafmsc-exo', 'delivers', 'mir-21', [120]);
    says('fig4', 'mir-21', 'inhibits', 'pten', [120]);
    says('fig4', 'pten', 'regulates', 'caspase-3', [120]);
    for (const t of ['folliculogenesis', 'estrous-cycle', 'amh']) says('fig4', 'caspase-3', 'regulates', t, [120]);
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
    const combo = 'hmbmsc-bushen-tiaochong';
    expect(model.entities.get(combo)).toMatchObject({ kind: 'combination', members: ['hmbmsc', 'bushen-tiaochong'] });
    says('fig5', 'bushen-tiaochong', 'part-of', combo, [130]);
    says('fig5', 'hmbmsc', 'part-of', combo, [130]);
    const g = says('fig5', combo, 'downregulates', 'gadd45b', [130]);
    expect(g.evidence.injury?.[0]?.agent).toBe('epirubicin');
    says('fig5', combo, 'upregulates', 'cyclin-b1', [130]);
    says('fig5', combo, 'upregulates', 'cdc2', [130]);
    says('fig5', combo, 'promotes', 'ovarian-function', [130]);
    expect(edge('fig5', 'hmbmsc', 'ovarian-function').refs).not.toContain(130);
    says('fig5', 'hmbmsc', 'expresses', 'dazl', [123]);
  });
});

describe('Fig. 6, adipose MSCs', () => {
  it('exosomes act through SMAD on granulosa cells; estrogen co-treatment raises Treg and Foxp3 and lowers IFN-γ', () => {
    says('fig6', 'hadmsc-exo', 'regulates', 'smad', [137]);
    says('fig6', 'smad', 'reduces', 'gc-apoptosis', [137]);
    says('fig6', 'smad', 'promotes', 'gc-proliferation', [137]);
    says('fig6', 'estrogen-therapy', 'part-of', 'hadmsc-estrogen', [138]);
    says('fig6', 'hadmsc-estrogen', 'upregulates', 'treg', [138]);
    says('fig6', 'hadmsc-estrogen', 'upregulates', 'foxp3', [138]);
    says('fig6', 'hadmsc-estrogen', 'upregulates', 'tgfb', [138]);
    says('fig6', 'hadmsc-estrogen', 'downregulates', 'ifng', [138]);
  });
  it('VEGF and PRP combined in cyclophosphamide rats; located in the interstitium; PGE2 curbs T cells', () => {
    for (const m of ['hadmsc', 'vegf', 'prp']) says('fig6', m, 'part-of', 'hadmsc-vegf-prp', [139]);
    for (const t of ['bmp4', 'igf1', 'tgfb']) says('fig6', 'hadmsc-vegf-prp', 'upregulates', t, [139]);
    says('fig6', 'hadmsc-vegf-prp', 'promotes', 'ovarian-function', [139]);
    expect(edge('fig6', 'hadmsc', 'ovarian-function').refs).toEqual([140]);
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
    // The overview's vesicles cite what the source's own figure or table cites for them.
    for (const [s, t] of [['hbmmsc', 'hbmmsc-exo'], ['humsc', 'humsc-mv'], ['hafmsc', 'hafmsc-exo'], ['hadmsc', 'hadmsc-exo']] as const) {
      const own = model.figures.filter((f) => f.id !== 'fig7').flatMap((f) => f.edges.filter((e) => e.source === s && e.target === t && e.relation === 'secretes'));
      expect(own.length, `${s} → ${t} outside the overview`).toBeGreaterThan(0);
      const refs = [...new Set(own.flatMap((e) => e.refs))];
      expect(refs.length, `${s} → ${t} cited`).toBeGreaterThan(0);
      says('fig7', s, 'secretes', t, refs);
    }
    // The open problems are the review's own closing points: no reference is cited for them.
    for (const t of ['tumour-risk', 'immunogenicity', 'donor-variability', 'quality-control', 'ethical-issues']) {
      const e = says('fig7', 'msc', 'raises-concern', t, []);
      expect(e.refs).toEqual([]);
      expect(e.section).toBe('prospects');
    }
    expect(edge('fig7', 'collagen-scaffold', 'humsc-collagen').sources).toEqual(['humsc']);
    says('fig7', 'humsc-collagen', 'promotes', 'follicle-activation', [106]);
    says('fig7', 'hbmmsc-heat-shock', 'promotes', 'ovarian-function', [44]);
    says('fig7', 'hamsc-lipus', 'promotes', 'ovarian-function', [89]);
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
    for (const f of model.figures) for (const e of f.edges) expect(['increase', 'decrease', 'neutral'], `${f.id} ${e.id}`).toContain(RELATION_SIGN[e.relation]);
    for (const f of model.figures) {
      const nodes = f.nodes.map((n) => n.entity);
      for (const s of f.sources) {
        expect(nodes, `${f.id} draws its source ${s}`).toContain(s);
        expect(model.entities.get(s)?.kind, `${s} is an MSC source`).toBe('msc-source');
      }
    }
    expect(model.figures.map((f) => f.id)).toEqual(['fig1', 'fig2', 'fig3', 'table1', 'table2', 'fig4', 'fig5', 'fig6', 'other', 'fig7']);
  });
});

/**
 * One test per class of mistake found by the audit of the graphs against the review: a combination's result
 * credited to one part, a result drawn where only a measurement is stated, the wrong subject, evidence that
 * holds for one reference only, the review's own wording, a chain that stops short, and one finding drawn twice.
 */
describe('audit classes: every edge true to the review', () => {
  const all = model.figures.flatMap((f) => f.edges.map((e) => ({ figure: f.id, e })));

  /**
   * References whose sentence is about things given together (or cells modified before use): the combination
   * node, and the parts that must not be shown acting alone on the strength of that reference.
   */
  const COMBINED: Record<number, { combination: string; parts: string[] }> = {
    42: { combination: 'hbmmsc-mir21', parts: ['hbmmsc', 'mir21-overexpression'] },
    44: { combination: 'hbmmsc-heat-shock', parts: ['hbmmsc', 'heat-shock'] },
    // the edited cells make both factors; angiogenesis is credited to the cells, not to one factor
    78: { combination: 'hamsc-talen', parts: ['hamsc', 'talen-editing', 'gcp2', 'sdf1a'] },
    89: { combination: 'hamsc-lipus', parts: ['hamsc', 'lipus'] },
    90: { combination: 'egf-hgf', parts: ['egf', 'hgf'] },
    105: { combination: 'humsc-collagen', parts: ['humsc', 'collagen-scaffold'] },
    106: { combination: 'humsc-collagen', parts: ['humsc', 'collagen-scaffold'] },
    130: { combination: 'hmbmsc-bushen-tiaochong', parts: ['hmbmsc', 'bushen-tiaochong'] },
    138: { combination: 'hadmsc-estrogen', parts: ['hadmsc', 'estrogen-therapy'] },
    139: { combination: 'hadmsc-vegf-prp', parts: ['hadmsc', 'vegf', 'prp'] },
  };

  it('credits no combination’s result to one of its parts', () => {
    const wrong: string[] = [];
    for (const { figure, e } of all) {
      if (!e.refs.length || !e.refs.every((n) => COMBINED[n]?.parts.includes(e.source))) continue;
      // A part may be joined to its combination, or pretreat the cells it goes with; it may not act alone.
      const joins = e.relation === 'part-of' || (e.relation === 'pretreats' && e.refs.every((n) => COMBINED[n]!.parts.includes(e.target)));
      if (!joins) wrong.push(`${figure} ${e.id}`);
    }
    expect(wrong).toEqual([]);
    for (const { combination, parts } of Object.values(COMBINED)) {
      const entity = model.entities.get(combination);
      expect(entity?.kind, combination).toBe('combination');
      expect(parts, combination).toEqual(expect.arrayContaining(entity!.members!));
      expect(all.some(({ e }) => e.source === combination && e.relation !== 'part-of'), `${combination} has effects of its own`).toBe(true);
    }
  });

  it('gives a combination to its member sources in the overlay, and marks its effects as a combination’s', () => {
    const atlas = atlasView(model);
    const e = atlas.edges.find((x) => x.source === 'hmbmsc-bushen-tiaochong' && x.target === 'gadd45b')!;
    expect(e.sources).toEqual(['hmbmsc']);
    expect(e.supports.every((s) => s.combination === 'hmbmsc-bushen-tiaochong')).toBe(true);
    const order = sourceIds(model);
    const cellFree = cellFreeSupports(model);
    const membership = atlasMembership(atlas, ['hmbmsc'], NO_FILTERS, cellFree, order);
    const overlay = computeOverlay(atlas, membership, NO_FILTERS, cellFree);
    expect(overlay.edges.get(e.id)).toMatchObject({ on: true, sources: ['hmbmsc'], combinations: ['hmbmsc-bushen-tiaochong'] });
    expect(overlay.nodes.get('hmbmsc-bushen-tiaochong')?.sources).toEqual(['hmbmsc']);
    const plain = atlas.edges.find((x) => x.source === 'hmbmsc' && x.target === 'fgf2')!;
    expect(overlay.edges.get(plain.id)?.combinations).toBeUndefined();
  });

  it('draws no result where the review only says something was measured', () => {
    // [143]: the induced cells' oocyte, germ-cell, granulosa and theca markers "were assessed".
    const markers = all.filter(({ e }) => e.source === 'ovarian-like-cells');
    expect(markers.map(({ e }) => e.target).sort()).toEqual(['amh', 'dazl', 'gdf9', 'lhr', 'vasa', 'zpc']);
    for (const { e } of markers) expect(e.relation, e.id).toBe('assessed');
    // [34]: bone marrow MSCs were used to evaluate therapy in POF rats; no outcome is given.
    expect(edge('fig1', 'hbmmsc', 'ovarian-function').relation).toBe('assessed');
    expect(RELATION_SIGN.assessed).toBe('neutral');
    const style = RELATION_STYLE.assessed;
    const others = Object.entries(RELATION_STYLE).filter(([r]) => r !== 'assessed');
    expect(others.some(([, s]) => s.arrow === style.arrow && s.hollow === style.hollow && s.line === style.line)).toBe(false);
  });

  it('draws each statement from its own subject', () => {
    // [142] is about repair of the peritoneal mesothelium, not about peritoneum MSCs.
    expect(all.filter(({ e }) => e.refs.includes(142) && model.entities.get(e.source)?.kind === 'msc-source')).toEqual([]);
    // [41]: angiogenin acts on grafted ovarian tissue; the cells only release it.
    expect(all.filter(({ e }) => e.source === 'hbmmsc' && e.refs.length === 1 && e.refs[0] === 41).map(({ e }) => e.relation)).toEqual(['secretes']);
  });

  it('marks details read off a cited title, and keeps a detail of one reference to that reference', () => {
    for (const { e } of all.filter(({ e }) => e.refs.length === 1 && e.refs[0] === 78)) expect(e.evidence.basis, e.id).toBe('reference-title');
    const amh = edge('fig5', 'hmbmsc', 'amh');
    expect(evidenceFor(amh, 126).route).toEqual(['ovarian-injection']);
    expect(evidenceFor(amh, 131).route).toBeUndefined();
    expect(evidenceFor(amh, 131).species).toEqual(['rat']);
    const hgf = edge('fig3', 'hamsc', 'hgf');
    expect(evidenceFor(hgf, 70).quantities?.[0]?.value).toBe(30);
    expect(evidenceFor(hgf, 90).quantities).toBeUndefined();
    // No edge keeps a route, dose or injury for references that did not state it: where refs disagree on them
    // (as the notes' per-reference brackets say), they sit in evidenceByRef.
    for (const { figure, e } of all) {
      if (e.refs.length < 2) continue;
      for (const n of Object.keys(e.evidenceByRef ?? {})) expect(e.refs, `${figure} ${e.id}`).toContain(Number(n));
    }
  });

  it('never repeats more than six consecutive words of the review in a note, caption or description', () => {
    const body = readFileSync('tests/fixtures/review-text.txt', 'utf8');
    const words = (t: string) => t.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const grams = (w: string[]) => w.slice(0, Math.max(0, w.length - 6)).map((_, i) => w.slice(i, i + 7).join(' '));
    const review = new Set(grams(words(body)));
    const texts: [string, string][] = [];
    for (const f of model.figures) {
      texts.push([`${f.id} caption`, f.caption]);
      for (const n of f.nodes) if (n.note) texts.push([`${f.id} node ${n.entity}`, n.note]);
      for (const e of f.edges) texts.push([`${f.id} ${e.id}`, e.note]);
    }
    for (const e of model.entities.values()) if (e.description) texts.push([`entity ${e.id}`, e.description]);
    expect(texts.length).toBeGreaterThan(400);
    const copied = texts.flatMap(([where, t]) => grams(words(t)).filter((g) => review.has(g)).map((g) => `${where}: "${g}"`));
    expect(copied).toEqual([]);
    // the check itself bites: the review's own sentence fails it
    expect(grams(words('Setting up a professional system to test the quality of MSC production')).some((g) => review.has(g))).toBe(true);
  });

  it('runs the Fig. 4 chain from the exosomes through miR-21, PTEN and caspase-3 to its outcomes', () => {
    const fig = model.figures.find((f) => f.id === 'fig4')!;
    const next = (id: string) => fig.edges.filter((e) => e.source === id).map((e) => e.target);
    const chain = ['hafmsc-exo', 'mir-21', 'pten', 'caspase-3'];
    for (let i = 0; i + 1 < chain.length; i++) expect(next(chain[i]!)).toContain(chain[i + 1]);
    for (const outcome of ['folliculogenesis', 'estrous-cycle', 'amh']) {
      expect(next('caspase-3')).toContain(outcome);
      expect(next('hafmsc-exo'), `no shortcut from the exosomes to ${outcome}`).not.toContain(outcome);
    }
  });

  it('draws one finding once: no source differentiates twice on the strength of one reference', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const { figure, e } of all) {
      if (e.relation !== 'differentiates-into' || e.refs.length !== 1) continue;
      const key = `${e.source} ${e.refs[0]}`;
      if (seen.has(key)) twice.push(`${figure} ${e.id} and ${seen.get(key)}`);
      seen.set(key, `${figure} ${e.id}`);
    }
    expect(twice).toEqual([]);
  });
});
