// @vitest-environment jsdom
import Papa from 'papaparse';
import { XMLParser } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { bibAuthors, citedReferences, toBibtex, toRis } from '../../src/export/bibliography.ts';
import { naturalFrame, numberRanges, splitPolyline } from '../../src/export/compose.ts';
import { exportContent } from '../../src/export/content.ts';
import { CSV_HEADER, csvField, evidenceCsv } from '../../src/export/evidence-csv.ts';
import { renderSvg } from '../../src/export/image.ts';
import { readDpi, withDpi } from '../../src/export/png-dpi.ts';
import { buildScene, clipToNode } from '../../src/export/scene.ts';
import { checkSize, MAX_PIXELS, resolveSize } from '../../src/export/size.ts';
import { precomputedLayouts } from '../../src/data/bundled.ts';
import type { Positions } from '../../src/layout/types.ts';
import type { Model } from '../../src/model/types.ts';
import { atlasView, figureView, type GraphView } from '../../src/model/view.ts';
import { shippedModel } from '../helpers/model.ts';

let model: Model;
let fig1: GraphView;
let fig1Positions: Positions;
// Built in each test rather than at import, so mutation testing knows which tests run which code.
beforeEach(() => {
  model = shippedModel();
  fig1 = figureView(model, 'fig1')!;
  fig1Positions = precomputedLayouts['figure:fig1']!;
});

describe('export size', () => {
  it('passes presets and refuses what a browser cannot draw, offering the largest size of the same shape', () => {
    expect(checkSize(3840, 2160)).toEqual({ ok: true });
    expect(checkSize(4096, 4096)).toEqual({ ok: true });
    const big = checkSize(3840 * 4, 2160 * 4);
    expect(big.ok).toBe(false);
    if (big.ok) return;
    expect(big.largest.width * big.largest.height).toBeLessThanOrEqual(MAX_PIXELS);
    expect(big.largest.width / big.largest.height).toBeCloseTo(16 / 9, 2);
    expect(big.largest.width).toBeGreaterThan(5400);
    expect(big.message).toMatch(/15,360 × 8,640 px is 132,710,400 pixels; .* at most 16,777,216\. The largest image of this shape that works is 5,461 × 3,07\d px\./);
    const thin = checkSize(40_000, 100);
    expect(thin.ok).toBe(false);
    if (!thin.ok) expect(thin.largest.width).toBeLessThanOrEqual(16_384);
    expect(checkSize(0, 100).ok).toBe(false);
    expect(checkSize(Number.NaN, 100).ok).toBe(false);
  });

  it('resolves presets and scales, independent of the screen', () => {
    expect(resolveSize({ preset: 'slide-4k' }, { width: 10, height: 10 })).toEqual({ width: 3840, height: 2160 });
    expect(resolveSize({ preset: 'print-a4' }, { width: 10, height: 10 })).toEqual({ width: 3508, height: 2480, dpi: 300 });
    expect(resolveSize({ preset: 'scale', scale: 2.5 }, { width: 1000, height: 600 })).toEqual({ width: 2500, height: 1500 });
  });
});

describe('PNG resolution chunk', () => {
  it('writes a pHYs chunk that decoders accept and that reads back as 300 dpi', () => {
    const png = new PNG({ width: 4, height: 3 });
    png.data.fill(255);
    const bytes = new Uint8Array(PNG.sync.write(png));
    expect(readDpi(bytes)).toBeUndefined();
    const withChunk = withDpi(bytes, 300);
    expect(readDpi(withChunk)).toBe(300);
    const back = PNG.sync.read(Buffer.from(withChunk));
    expect([back.width, back.height]).toEqual([4, 3]);
  });
});

describe('scene geometry', () => {
  it('clips edges at node outlines and splits multi-coloured edges into equal parts', () => {
    expect(clipToNode({ x: 0, y: 0, w: 100, h: 20, shape: 'rectangle' }, { x: 200, y: 0 })).toEqual({ x: 50, y: 0 });
    const p = clipToNode({ x: 0, y: 0, w: 100, h: 40, shape: 'ellipse' }, { x: 0, y: 100 });
    expect(p.x).toBeCloseTo(0);
    expect(p.y).toBeCloseTo(20);
    const parts = splitPolyline([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 20 }], 3);
    expect(parts).toHaveLength(3);
    expect(parts[0]!.at(-1)).toEqual({ x: 10, y: 0 });
    expect(parts[1]!.at(-1)!.y).toBeCloseTo(10);
    expect(parts[2]!.at(-1)).toEqual({ x: 10, y: 20 });
  });

  it('builds one shape per node and edge, with edge ends on the node outlines', () => {
    const scene = buildScene(fig1, fig1Positions);
    expect(scene.nodes).toHaveLength(fig1.nodes.length);
    expect(scene.edges).toHaveLength(fig1.edges.length);
    const e = scene.edges.find((x) => x.id === 'mir-144-5p~inhibits~pten')!;
    const target = scene.nodes.find((n) => n.id === 'pten')!;
    expect(Math.abs(e.tip.x - target.x) <= target.w / 2 + 0.01 && Math.abs(e.tip.y - target.y) <= target.h / 2 + 0.01).toBe(true);
    expect(e.arrow).toBe('tee');
  });
});

describe('scene with an overlay', () => {
  it('never draws dimmed edges, and leaves out dimmed nodes when asked, fitting what remains', () => {
    const decorations = {
      nodes: new Map(fig1.nodes.map((n) => [n.id, { dim: n.id !== 'pten' && n.id !== 'mir-21', sourceColours: [], shared: false, highlight: null }])),
      edges: new Map(fig1.edges.map((e) => [e.id, { dim: e.id !== 'mir-21~inhibits~pten', colours: ['#332288'], highlight: null }])),
    };
    const all = buildScene(fig1, fig1Positions, decorations);
    expect(all.nodes).toHaveLength(fig1.nodes.length);
    expect(all.edges.map((e) => e.id)).toEqual(['mir-21~inhibits~pten']);
    expect(all.edges[0]!.colours).toEqual(['#332288']);
    const shown = buildScene(fig1, fig1Positions, decorations, true);
    expect(shown.nodes.map((n) => n.id).sort()).toEqual(['mir-21', 'pten']);
    expect(shown.width).toBeLessThan(all.width / 2);
  });
});

describe('SVG export', () => {
  it('is a standalone SVG with the title, legend, source line and every label', () => {
    const content = exportContent(model, { title: fig1.title, caption: fig1.caption, panes: [{ view: fig1, positions: fig1Positions }], sources: [] });
    const svg = renderSvg(content, { width: 1920, height: 1080 }, 'white');
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080"');
    expect(svg).toContain('>Fig. 1 Effects and mechanisms of hBMMSCs on POF</text>');
    expect(svg).toContain('>Relations</text>');
    expect(svg).toMatch(/Source: Fu YX, Ji J, Shan F, Li J, Hu R\. Stem Cell Res Ther 2021;12:161/);
    expect(svg).toContain('References cited (numbers as in the review): 30, 32–45.');
    for (const n of fig1.nodes) for (const line of n.entity.label.split(' ')) expect(svg).toContain(line.replace(/&/g, '&amp;'));
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  });

  it('paints a white background under everything, or none when transparent', () => {
    const content = exportContent(model, { title: fig1.title, panes: [{ view: fig1, positions: fig1Positions }], sources: [] });
    const NON_DRAWING = new Set(['title', 'desc', 'defs', 'style', 'metadata']);
    const white = (c: string | null) => ['#ffffff', '#fff', 'white', 'rgb(255,255,255)'].includes((c ?? '').replace(/\s/g, '').toLowerCase());
    /** Full-frame rectangles and their fill, in painting order. */
    const frames = (svg: string, w: number, h: number) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
      const root = doc.documentElement;
      expect(root.getAttribute('style') ?? '').not.toMatch(/background/);
      const rects = [...doc.getElementsByTagName('rect')].filter(
        (r) => Number(r.getAttribute('x') ?? 0) <= 0 && Number(r.getAttribute('y') ?? 0) <= 0 && Number(r.getAttribute('width')) >= w && Number(r.getAttribute('height')) >= h,
      );
      const first = [...root.getElementsByTagName('*')].find((el) => !NON_DRAWING.has(el.tagName) && !el.closest('defs') && el.tagName !== 'g');
      return { rects, first };
    };
    for (const [w, h] of [[1920, 1080], [800, 600]] as const) {
      const opaque = frames(renderSvg(content, { width: w, height: h }, 'white'), w, h);
      expect(opaque.rects, `${w}×${h} white`).toHaveLength(1);
      expect(white(opaque.rects[0]!.getAttribute('fill'))).toBe(true);
      expect(opaque.rects[0]!.getAttribute('fill-opacity') ?? '1').toBe('1');
      // Painted first, so everything else is drawn over it.
      expect(opaque.first).toBe(opaque.rects[0]);
      const clear = frames(renderSvg(content, { width: w, height: h }, 'transparent'), w, h);
      expect(clear.rects, `${w}×${h} transparent`).toEqual([]);
    }
  });

  it('gives the natural frame room for the drawing, legend and text', () => {
    const content = exportContent(model, { title: 't', panes: [{ view: fig1, positions: fig1Positions }], sources: [] });
    const f = naturalFrame(content);
    expect(f.width).toBeGreaterThan(fig1Positions.width);
    expect(f.height).toBeGreaterThan(fig1Positions.height);
  });

  it('writes reference numbers as compact ranges', () => {
    expect(numberRanges([45, 30, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44])).toBe('30, 32–45');
    expect(numberRanges([1, 2, 4])).toBe('1, 2, 4');
    expect(numberRanges([])).toBe('');
  });
});

describe('evidence CSV', () => {
  it('has a header and one row per statement and reference, quoted where needed', () => {
    const csv = evidenceCsv(model, fig1);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    const expected = fig1.edges.reduce((n, e) => n + e.supports.reduce((m, s) => m + Math.max(s.edge.refs.length, 1), 0), 0);
    expect(lines).toHaveLength(expected + 1);
    const row = lines.find((l) => l.startsWith('mir-144-5p~inhibits~pten,'))!;
    expect(row).toContain(',miR-144-5p,inhibits,decrease,PTEN,mirna,gene-or-protein,miRBase:MIMAT0004600,HGNC:9588; UniProt:P60484,Fig. 1,hBMMSC,43,Yang M et al. 2020,,,,rat,in vivo,cyclophosphamide,');
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('plain')).toBe('plain');
  });

  it('guards every cell a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('TNF-α')).toBe('TNF-α');
  });

  it('reads back with papaparse: UTF-8 text intact, identifier columns filled', () => {
    const csv = evidenceCsv(model, atlasView(model));
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    // papaparse drops the byte-order mark; the header is clean.
    expect(parsed.meta.fields).toEqual([...CSV_HEADER]);
    const rows = parsed.data;
    expect(rows.some((r) => r.source === 'TNF-α' || r.target === 'TNF-α')).toBe(true);
    const pten = rows.find((r) => r.target === 'PTEN')!;
    expect(pten.target_curies).toBe('HGNC:9588; UniProt:P60484');
    const doiRefs = new Set([...model.references.values()].filter((r) => r.doi).map((r) => String(r.n)));
    for (const r of rows) {
      if (doiRefs.has(r.reference!)) expect(r.reference_doi).toBe(model.references.get(Number(r.reference))!.doi);
      else expect(r.reference_doi).toBe('');
      for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@]/);
    }
  });
});

describe('evidence CSV, per reference', () => {
  it('puts a detail that holds for one reference on that reference’s row only', async () => {
    const { figureView } = await import('../../src/model/view.ts');
    const fig5 = figureView(model, 'fig5')!;
    const csv = evidenceCsv(model, fig5);
    const rows = csv.trimEnd().split('\r\n').map((l) => l.split(','));
    const col = (name: string) => CSV_HEADER.indexOf(name as (typeof CSV_HEADER)[number]);
    const amh = rows.filter((r) => r[0] === 'hmbmsc~upregulates~amh');
    expect(amh.map((r) => r[col('reference')])).toEqual(['126', '131']);
    const byRef = Object.fromEntries(amh.map((r) => [r[col('reference')], r]));
    expect(byRef['126']![col('route')]).toBe('ovarian injection');
    expect(byRef['126']![col('species')]).toBe('mouse');
    expect(byRef['131']![col('route')]).toBe('');
    expect(byRef['131']![col('species')]).toBe('rat');
    expect(byRef['131']![col('setting')]).toBe('in vivo');
  });
});

describe('references', () => {
  it('exports the review and the cited references as BibTeX and RIS', () => {
    const refs = citedReferences(model, [43, 42, 43]);
    expect(refs.map((r) => r.n)).toEqual([42, 43]);
    const bib = toBibtex(model, refs);
    expect(bib.match(/^@article\{/gm)).toHaveLength(3);
    expect(bib).toContain('@article{fu2021ref043,');
    expect(bib).toContain('author = {Yang, M. and Lin, L. and Sha, C.}');
    expect(bib).toContain('pages = {342--352}');
    expect(bib).toContain('doi = {10.1186/s13287-021-02212-0}');
    const ris = toRis(model, refs);
    expect(ris.match(/^TY {2}- JOUR/gm)).toHaveLength(3);
    expect(ris.match(/^ER {2}- /gm)).toHaveLength(3);
    expect(ris).toContain('TI  - Bone marrow mesenchymal stem cell-derived exosomal miR-144-5p improves rat ovarian function after chemotherapy-induced ovarian failure by targeting PTEN');
    expect(ris).toContain('AU  - Yang, M.\r\n');
    expect(ris).toContain('SP  - 342\r\nEP  - 352');
    expect(bibAuthors({ author: [{ family: 'Coulam', given: 'C. B.' }] })).toBe('Coulam, C. B.');
    expect(bibAuthors({ author: [{ family: 'Fazly Bazzaz', given: 'B. S.' }] })).toBe('{Fazly Bazzaz}, B. S.');
  });

  it('cites every reference of the atlas when exporting it', () => {
    const atlas = atlasView(model);
    const refs = citedReferences(model, atlas.edges.flatMap((e) => [...e.refs]));
    expect(refs.length).toBe(new Set(atlas.edges.flatMap((e) => e.refs)).size);
  });
});

describe('SVG structure', () => {
  it('groups each node and edge with its id and a <title>, escaping what the data holds', () => {
    const content = exportContent(model, { title: 'Fig. 1 <b>&</b>', panes: [{ view: fig1, positions: fig1Positions }], sources: [] });
    const svg = renderSvg(content, { width: 1920, height: 1080 }, 'white');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'g' }).parse(svg) as Record<string, unknown>;
    const groups: { id: string; class?: string; 'data-id'?: string; title?: string }[] = [];
    const walk = (o: unknown) => {
      if (!o || typeof o !== 'object') return;
      for (const [k, v] of Object.entries(o)) {
        if (k === 'g') for (const g of v as Record<string, unknown>[]) {
          if (g.class) groups.push(g as never);
          walk(g);
        } else if (typeof v === 'object') walk(v);
      }
    };
    walk(doc);
    const nodes = groups.filter((g) => g.class === 'node');
    const edges = groups.filter((g) => g.class === 'edge');
    expect(nodes.map((g) => g['data-id']).sort()).toEqual(fig1.nodes.map((n) => n.id).sort());
    expect(edges.map((g) => g['data-id']).sort()).toEqual(fig1.edges.map((e) => e.id).sort());
    for (const g of [...nodes, ...edges]) expect(g.id).toMatch(/^(node|edge)-[A-Za-z0-9._-]+$/);
    expect(new Set([...nodes, ...edges].map((g) => g.id)).size).toBe(nodes.length + edges.length);
    // The drawing and the legend are groups of their own, each with the box it was fitted into.
    expect(groups.filter((g) => g.class === 'pane')).toHaveLength(1);
    expect(groups.filter((g) => g.class === 'legend')).toHaveLength(1);
    expect(nodes.find((g) => g['data-id'] === 'pten')!.title).toMatch(/^PTEN: .+ \(Gene or protein\)$/i);
    expect(edges.find((g) => g['data-id'] === 'mir-144-5p~inhibits~pten')!.title).toBe('miR-144-5p inhibits PTEN [43]');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('Fig. 1 &lt;b&gt;&amp;&lt;/b&gt;');
  });
});
