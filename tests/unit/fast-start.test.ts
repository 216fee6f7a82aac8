/** Start-up data: build-time validation, the model as JSON, one layout file per view loaded on demand, the picture. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraphFiles } from '../../scripts/read-graphs.ts';
import { shippedModelCode, shippedModelModule } from '../../scripts/shipped-model.ts';
import { modelFromPart, type FigurePartJson } from '../../src/data/model-parts.ts';
import { modelFromJson, type ModelJson } from '../../src/data/model-json.ts';
import { drawingBox } from '../../src/layout/drawing-box.ts';
import { layoutFileName } from '../../src/layout/layout-files.ts';
import { createLayoutService } from '../../src/layout/layout-service.ts';
import type { LayoutEngine, Positions } from '../../src/layout/types.ts';
import { figureView, sideView, unionView } from '../../src/model/view.ts';
import { pictureSvg } from '../../src/prerender/picture.ts';
import { fontFaces, splitStartFaces } from '../../src/prerender/font-faces.ts';
import { createAppStore } from '../../src/app/app.tsx';
import { currentViewAtom, decorationsAtom, filtersAtom, urlStateAtom } from '../../src/state/atoms.ts';
import { parseUrl } from '../../src/state/url.ts';
import { cytoscapeCore } from '../../scripts/vite-cytoscape-core.ts';
import { shippedModel } from '../helpers/model.ts';
import { storedLayout } from '../helpers/stored-layout.ts';

const graphs = (dir?: string) => readGraphFiles(dir).filter((f) => !f.path.startsWith('schema/'));

describe('the shipped model, validated at build time', () => {
  it('fails a production build on invalid graphs, naming the file, place and reason', () => {
    const made = shippedModelModule(graphs(resolve(import.meta.dirname, '../fixtures/broken-graphs')), true);
    expect('error' in made && made.error).toMatch(/graphs\/ is not valid[\s\S]*figures\/fig-broken\.json:\d+:\d+ \$\./);
  });

  it('hands the dev server the problems instead, for the app to show', () => {
    const made = shippedModelModule(graphs(resolve(import.meta.dirname, '../fixtures/broken-graphs')), false);
    expect('code' in made && made.code).toMatch(/^export const errors = \[\{"file":/);
  });

  it('ships valid graphs as JSON, one part per figure and the whole for the atlas, that turn back into the same model, with no validation in the browser', () => {
    const made = shippedModelModule(graphs(), true);
    if (!('parts' in made)) throw new Error('no parts');
    const model = modelFromJson(JSON.parse(made.atlas) as ModelJson);
    const shipped = shippedModel();
    expect([...model.entities.keys()]).toEqual([...shipped.entities.keys()]);
    expect(model.references.get(43)).toEqual(shipped.references.get(43));
    expect(model.figures.map((f) => f.id)).toEqual(shipped.figures.map((f) => f.id));
    expect(figureView(model, 'fig2')).toEqual(figureView(shipped, 'fig2'));
    expect(made.parts.map(([id]) => id)).toEqual(shipped.figures.map((f) => f.id));
    const fig2 = modelFromPart(JSON.parse(made.parts[1]![1]) as FigurePartJson);
    expect(figureView(fig2, 'fig2')).toEqual(figureView(shipped, 'fig2'));
    // Every part is smaller than the whole; the largest holds its figure and the few entities around it.
    for (const [, json] of made.parts) expect(json.length).toBeLessThan(made.atlas.length / 2);
  });

  it('names each file in the module it gives the browser, in the review order', () => {
    expect(shippedModelCode([['fig1', 'a1'], ['fig2', 'b2']], 'c3')).toBe(
      'export const errors = []; export const modelData = undefined; export const figureUrls = { "fig1": import.meta.ROLLUP_FILE_URL_a1, "fig2": import.meta.ROLLUP_FILE_URL_b2 }; export const atlasUrl = import.meta.ROLLUP_FILE_URL_c3;',
    );
  });
});

describe('layouts stored one file per view', () => {
  it('gives every view key its own file name', () => {
    const model = shippedModel();
    const sides = [...new Set(model.figures.flatMap((f) => f.sources))].map((id) => sideView(model, { type: 'source', id })).filter((v) => v !== undefined);
    const keys = ['atlas', ...model.figures.map((f) => `figure:${f.id}`), ...sides.flatMap((a) => sides.map((b) => unionView(a, b).key))];
    const names = keys.map(layoutFileName);
    expect(new Set(names).size).toBe(keys.length);
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9_-]+\.json$/);
  });

  it('loads a view layout when it is first asked for, then answers at once; a stale one falls back to ELK', async () => {
    const model = shippedModel();
    const view = figureView(model, 'fig1')!;
    const loaded: string[] = [];
    let runs = 0;
    const engine: LayoutEngine = {
      layout: async (input) => {
        runs++;
        return { hash: 'x', nodes: Object.fromEntries(input.nodes.map((n) => [n.id, { x: 0, y: 0 }])), edges: {}, width: 1, height: 1 };
      },
    };
    const service = createLayoutService(async (key) => {
      loaded.push(key);
      return key === view.key ? storedLayout(key) : undefined;
    }, async () => engine);
    expect(service.cached(view)).toBeUndefined();
    const positions = await service.positions(view);
    expect(positions.hash).toBe(storedLayout(view.key).hash);
    expect(service.cached(view)).toBe(positions);
    await service.positions(view);
    expect(loaded).toEqual([view.key]);
    expect(runs).toBe(0);
    // A view with no stored layout is laid out by the engine.
    await service.positions(figureView(model, 'fig2')!);
    expect(runs).toBe(1);
  });
});

describe('the prerendered picture', () => {
  it('is an SVG of the export scene fitted to the drawing box, with a title and a text description, and no inline style', () => {
    const model = shippedModel();
    const view = figureView(model, 'fig1')!;
    const positions: Positions = storedLayout(view.key);
    const svg = pictureSvg(view, positions);
    const box = drawingBox(view, positions);
    expect(svg).toMatch(new RegExp(`^<svg [^>]*viewBox="${box.x1} ${box.y1} ${box.x2 - box.x1} ${box.y2 - box.y1}"`));
    expect(svg).toContain(`<title id="prerender-title">${view.title}</title>`);
    expect(svg).toContain(`<desc id="prerender-desc">${view.nodes.length} entities and ${view.edges.length} relations. `);
    expect(svg).toMatch(/<desc id="prerender-desc">[^<]*miR-144-5p inhibits PTEN/);
    expect(svg).not.toMatch(/style[=>]/);
    expect(svg.match(/class="node"/g)).toHaveLength(view.nodes.length);
    for (const n of view.nodes) expect(svg).toContain(`>${n.entity.label.split(/\s/)[0]}`);
  });
});

describe('the fonts a prerendered page preloads', () => {
  // Two faces as the built style sheet has them (fontsource's unicode-range subsets), and one that is not Inter.
  const css = [
    '@font-face{font-family:Inter;font-style:normal;font-display:block;font-weight:400;src:url(./inter-greek-400-normal-X.woff2)format("woff2"),url(./inter-greek-400-normal-X.woff)format("woff");unicode-range:U+370-377,U+37A-37F,U+384-38A,U+38C,U+38E-3A1,U+3A3-3FF}',
    '@font-face{font-family:Inter;font-style:normal;font-display:block;font-weight:400;src:url(./inter-latin-400-normal-Y.woff2)format("woff2");unicode-range:U+0000-00FF,U+2000-206F,U+2212}',
    '@font-face{font-family:Inter;font-weight:400;src:url(./inter-greek-ext-400-normal-Z.woff2)format("woff2");unicode-range:U+1F??}',
    '@font-face{font-family:Other;src:url(./other.woff2)format("woff2");unicode-range:U+0000-00FF}',
  ].join('');
  const needed = (html: string) => fontFaces(css).filter((f) => f.covers(html)).map((f) => f.file);

  it('are the Inter subsets whose characters the page text uses', () => {
    expect(needed('<p>GSK3β/β-catenin</p>')).toEqual(['inter-greek-400-normal-X.woff2', 'inter-latin-400-normal-Y.woff2']);
    expect(needed('<p>PTEN – AMH</p>')).toEqual(['inter-latin-400-normal-Y.woff2']);
    // `U+1F??` is U+1F00–U+1FFF.
    expect(needed('<p>ἀ</p>')).toEqual(['inter-greek-ext-400-normal-Z.woff2']);
  });

  it('read only the text: markup, attributes and entities ask for no font', () => {
    expect(needed('<svg viewBox="0 0 1 1"><g data-id="β"></g></svg>&amp;&#946;')).toEqual([]);
  });
});

describe('the start faces a prerendered page carries in itself', () => {
  const start = (w: number) => `@font-face{font-family:Inter;font-style:normal;font-display:block;font-weight:${w};src:url(./inter-start-${w}-AbC_12-x.woff2)format("woff2");unicode-range:U+20-7E,U+3B1-3B3}`;
  const latin = '@font-face{font-family:Inter;font-weight:400;src:url(./inter-latin-400-normal-Y.woff2)format("woff2");unicode-range:U+A0-FF}';
  const root = ':root{background:url(./inter-start-400-AbC_12-x.woff2)}';
  const css = `${latin}${start(400)}${root}\n${start(600)}\n`;
  const bytes: Record<string, Uint8Array> = { 'inter-start-400-AbC_12-x.woff2': new Uint8Array([0x77, 0x4f, 0x46, 0x32, 1]), 'inter-start-600-AbC_12-x.woff2': new Uint8Array([0x77, 0x4f, 0x46, 0x32, 2, 255]) };
  const read = (file: string) => bytes[file] ?? new Uint8Array();

  it('are taken out of the sheet, each with its file as a data: URL, byte for byte, and its rule reading it', () => {
    const out = splitStartFaces(css, read);
    expect(out.css).toBe(`${latin}${root}\n`);
    expect(out.faces).toEqual([
      { file: 'inter-start-400-AbC_12-x.woff2', url: 'data:font/woff2;base64,d09GMgE=', rule: start(400).replace('./inter-start-400-AbC_12-x.woff2', 'data:font/woff2;base64,d09GMgE=') },
      { file: 'inter-start-600-AbC_12-x.woff2', url: 'data:font/woff2;base64,d09GMgL/', rule: start(600).replace('./inter-start-600-AbC_12-x.woff2', 'data:font/woff2;base64,d09GMgL/') },
    ]);
    // The faces left as files are the ones a page may still preload; the start faces are no longer among them.
    expect(fontFaces(out.css).map((f) => f.file)).toEqual(['inter-latin-400-normal-Y.woff2']);
  });

  it('leave a sheet with no start face as it is', () => {
    expect(splitStartFaces(latin, read)).toEqual({ css: latin, faces: [] });
  });

  it('take a quoted address, and one in a folder', () => {
    const quoted = start(400).replace('url(./inter-start-400-AbC_12-x.woff2)', 'url("./fonts/inter-start-400-AbC_12-x.woff2")');
    const out = splitStartFaces(quoted, (f) => (f === 'fonts/inter-start-400-AbC_12-x.woff2' ? bytes['inter-start-400-AbC_12-x.woff2']! : new Uint8Array()));
    expect(out.css).toBe('');
    expect(out.faces.map((f) => f.file)).toEqual(['fonts/inter-start-400-AbC_12-x.woff2']);
    expect(out.faces[0]!.rule).toContain('src:url(data:font/woff2;base64,d09GMgE=)format("woff2")');
  });
});

describe('the address read again at start', () => {
  it('leaves the state it repeats untouched, so nothing derived from it is recomputed', () => {
    const model = shippedModel();
    const store = createAppStore(model, createLayoutService({}), '?figure=fig3&sign=decrease');
    const before = { decorations: store.get(decorationsAtom), filters: store.get(filtersAtom), view: store.get(currentViewAtom) };
    store.set(urlStateAtom, parseUrl('?figure=fig3&sign=decrease', model).state);
    expect(store.get(filtersAtom)).toBe(before.filters);
    expect(store.get(decorationsAtom)).toBe(before.decorations);
    expect(store.get(currentViewAtom)).toBe(before.view);
    // A different address still changes it.
    store.set(urlStateAtom, parseUrl('?figure=fig3', model).state);
    expect(store.get(filtersAtom).signs).toEqual([]);
    expect(store.get(decorationsAtom)).not.toBe(before.decorations);
  });
});

describe('Cytoscape for the browser build', () => {
  it('is compiled from its sources with stand-ins for the unused parts, which all exist in the installed release', async () => {
    const plugin = cytoscapeCore();
    expect(plugin.apply).toBe('build');
    const errors: string[] = [];
    (plugin.buildStart as (this: unknown) => void).call({ error: (m: string) => errors.push(m) });
    expect(errors).toEqual([]);
    const resolved = (plugin.resolveId as (id: string) => string | undefined)('cytoscape');
    expect(resolved).toMatch(/node_modules\/cytoscape\/src\/index\.mjs$/);
    const load = plugin.load as (id: string) => string | undefined;
    const layouts = load(resolved!.replace('index.mjs', 'extensions/layout/index.mjs'));
    expect(layouts).toMatch(/name: 'preset'/);
    expect(layouts).not.toMatch(/cose/);
    expect(load(resolved!.replace('index.mjs', 'collection/algorithms/index.mjs'))).toMatch(/bfs-dfs/);
    expect(load(resolved!.replace('index.mjs', 'version.mjs'))).toMatch(/^export default "3\.\d+\.\d+";/);
  });
});
