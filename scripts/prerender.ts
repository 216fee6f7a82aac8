/**
 * Runs after `vite build` (npm run build): writes into dist/ one page per figure, the atlas and compare, each the
 * built index.html with the app's first render at that address and the view's picture as inline SVG (with its
 * text alternative), so the browser draws the figure before any script runs. index.html shows the first figure.
 * Also preloads what the first render waits for: the view's model data and its layout. The Inter faces of the
 * app's own characters are in the page itself (font-faces.ts splitStartFaces).
 *
 * A static host sends the same index.html for any query string, so a figure's own page is `<figure id>.html`
 * (e.g. fig2.html); `vite preview` and `vite dev` also serve `?figure=fig2` with fig2.html (vite.config.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, createServer, type Rollup } from 'vite';
import type { Positions } from '../src/layout/types.ts';
import { layoutFileName, LAYOUTS_DIR, type LayoutFile } from '../src/layout/layout-files.ts';
import { loadModelOrExit } from './load-model.ts';
import { PORTRAIT_LAYOUTS_DIR } from '../src/layout/portrait.ts';
import { fontFaces, splitStartFaces } from '../src/prerender/font-faces.ts';
import { sourceIds } from '../src/model/view.ts';
import { comparePage } from '../src/state/page.ts';
import { linkNeed } from '../src/state/data.ts';
import { PHONE_PORTRAIT_QUERY } from '../src/prerender/portrait-picture.ts';
import { APP_PRELOADS_ID } from '../src/prerender/after-first-paint.ts';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');
const model = loadModelOrExit();
const layouts: Record<string, Positions> = {};
// The usual layouts, and the figures' portrait ones (a second picture per figure, for phones held upright: a file of its
// own, which the page names).
for (const dir of [LAYOUTS_DIR, PORTRAIT_LAYOUTS_DIR])
  for (const f of readdirSync(resolve(root, dir))) {
    const file = JSON.parse(readFileSync(resolve(root, dir, f), 'utf8')) as LayoutFile;
    layouts[file.key] = file;
  }

const vite = await createServer({ root, server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom', logLevel: 'warn' });
try {
  const { renderPage } = (await vite.ssrLoadModule('/src/prerender/render.tsx')) as typeof import('../src/prerender/render.tsx');
  const template = readFileSync(resolve(dist, 'index.html'), 'utf8');
  const assets = readdirSync(resolve(dist, 'assets'));
  const asset = (re: RegExp) => assets.find((a) => re.test(a));
  // The model's data the page's view starts from (start.tsx): the figure's own part, or everything for the atlas and
  // compare (src/data/model-parts.ts, state/data.ts), fetched with the scripts.
  const figureIds = model.figures.map((f) => f.id);
  const dataPreload = (search: string) => {
    const need = linkNeed(search, figureIds);
    const file = asset(new RegExp(`^model-${need.atlas ? 'atlas' : need.figure}-[\\w-]{8}\\.json$`));
    if (!file) throw new Error(`the build has no model file for ${search || 'index.html'}`);
    return `<link rel="preload" href="./assets/${file}" as="fetch" crossorigin>`;
  };
  const manifest = JSON.parse(readFileSync(resolve(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string; imports?: string[]; dynamicImports?: string[] }>;
  const chunksOf = (key: string, into = new Set<string>()) => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    chunk.imports?.forEach((k) => chunksOf(k, into));
    return into;
  };
  // The app's code: the page's entry script (main.tsx) is tiny and starts the app (start.tsx) once the picture is on
  // screen (prerender/after-first-paint.ts). The chunks the app's start needs, those of the canvas and Cytoscape, which
  // start.tsx asks for at once (lazy-graph-canvas.tsx), the compare view's on a comparison and the view's layout are
  // listed in the page's head as module preloads inside a <template>: inert (neither fetched nor compiled, not even
  // by the browser's look-ahead scanner) until the entry script puts them into the head after the first paint, all at
  // once. A module preload is compiled on a worker thread as soon as it arrives, and a plain preload of a script is
  // parsed as it streams in: either way a worker thread that, on a machine of two cores, competed with the first frame
  // (React and Cytoscape took 20 ms of CPU there before the first paint).
  // (What the entry imports when the picture is on screen, src/main.tsx: React DOM's client, then the app's start.)
  const startChunks = new Set((manifest['index.html']?.dynamicImports ?? ['src/start.tsx']).flatMap((key) => [...chunksOf(key)]));
  if (!manifest['src/start.tsx'] || !startChunks.has(manifest['src/start.tsx'].file)) throw new Error('the build has no chunk for src/start.tsx among the entry script\'s imports');
  const canvasChunks = chunksOf('src/graph-view/graph-canvas.tsx');
  if (!canvasChunks.size) throw new Error('the build has no chunk for src/graph-view/graph-canvas.tsx');
  // A page that opens on a comparison renders the compare view first (start.tsx waits for its code): fetched with the
  // scripts too.
  const compareChunks = chunksOf('src/features/compare/compare-view.tsx');
  if (!compareChunks.size) throw new Error('the build has no chunk for src/features/compare/compare-view.tsx');
  // The tiny script that fetches a figure's portrait picture on a phone held upright (prerender/portrait-picture.ts):
  // an entry of its own (vite.config.ts), run as soon as it arrives, before the app's scripts.
  // The app's code imports it too, so the bundler puts it in a chunk of its own and makes the entry a one-line facade
  // that imports that chunk: the page loads the chunk itself (one request, and the same module the app then imports).
  const portraitEntry = manifest['src/prerender/portrait-picture.ts'];
  const portraitScript = portraitEntry?.imports?.length === 1 ? manifest[portraitEntry.imports[0]!]?.file : portraitEntry?.file;
  if (!portraitScript) throw new Error('the build has no chunk for src/prerender/portrait-picture.ts');
  const modulePreload = (file: string) => `<link rel="modulepreload" crossorigin href="./${file}">`;
  // The page's entry script (main.tsx's chunk) and the module preloads Vite wrote for its imports: taken out of the
  // page's head. The page's one script before its first paint is src/prerender/boot.ts, inline (below), which adds the
  // entry once the picture is on screen, with the app's chunks and data (the <template> of preloads): the page asks for
  // nothing of its own before its first paint.
  const entryTag = /<script type="module" crossorigin src="\.\/(assets\/index-[\w-]{8}\.js)"><\/script>\s*/.exec(template);
  if (!entryTag) throw new Error('dist/index.html has no entry script');
  const entryPreloadTags = [...template.matchAll(/<link rel="modulepreload" crossorigin href="\.\/assets\/[\w-]+\.js">\s*/g)].map((m) => m[0]);
  const bootOutput = (await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry: resolve(root, 'src/prerender/boot.ts'), formats: ['iife'], name: 'mscAtlasBoot' },
    },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const bootCode = (Array.isArray(bootOutput) ? bootOutput[0]! : bootOutput).output[0].code.trim();
  if (bootCode.includes('</') || bootCode.length > 2048) throw new Error(`src/prerender/boot.ts bundles to ${bootCode.length} bytes, or holds "</": it must stay tiny and inline`);
  const bootHash = `'sha256-${createHash('sha256').update(bootCode).digest('base64')}'`;
  const modulePreloads = (files: Set<string>, except = new Set<string>()) =>
    [...files].filter((f) => !template.includes(`./${f}"`) && !except.has(f)).map(modulePreload);
  const canvasPreloads = [...entryPreloadTags.map((t) => t.trim()), ...modulePreloads(new Set([...startChunks, ...canvasChunks]))];
  const comparePreloads = modulePreloads(compareChunks, new Set([...startChunks, ...canvasChunks]));
  const stylesheet = /<link rel="stylesheet"[^>]*>/.exec(template)?.[0];
  if (!stylesheet) throw new Error('dist/index.html has no style sheet');
  // The two start faces travel in the page as data: URLs (font-faces.ts), each preloaded (render-blocking: the first
  // frame has its text) and followed by its own rule: its text is drawn in Inter from the page alone. The other faces
  // (Cyrillic and the rest, for a user's graph) stay files, fetched if a text needs them.
  const { css, faces: startFaces } = splitStartFaces(readFileSync(resolve(dist, 'assets', asset(/^index-.*\.css$/)!), 'utf8'), (f) => readFileSync(resolve(dist, 'assets', f)));
  if (startFaces.length !== 2) throw new Error(`the style sheet should have two start faces (npm run start-fonts), found ${startFaces.length}`);
  const faces = fontFaces(css);
  // The style sheet goes into the page itself: the first picture waits for no request. Its files' addresses are made
  // relative to the page, and the Content-Security-Policy allows exactly these styles by their hashes (no
  // 'unsafe-inline': an injected style is still refused).
  const inlineCss = css.replace(/url\((["']?)\.\//g, 'url($1./assets/');
  const startFaceTags = startFaces.map((f) => `<link rel="preload" href="${f.url}" as="font" type="font/woff2" crossorigin><style>${f.rule}</style>`);
  if ([inlineCss, ...startFaces.map((f) => f.rule)].some((c) => c.includes('</'))) throw new Error('the style sheet cannot be inlined: it contains "</"');
  const styleHashes = [inlineCss, ...startFaces.map((f) => f.rule)].map((c) => `'sha256-${createHash('sha256').update(c).digest('base64')}'`);
  const styleSrc = "style-src &#39;self&#39;";
  if (!template.includes(`${styleSrc};`)) throw new Error(`dist/index.html's Content-Security-Policy has no "style-src 'self';"`);
  const scriptSrc = "script-src &#39;self&#39;";
  if (!template.includes(`${scriptSrc};`)) throw new Error(`dist/index.html's Content-Security-Policy has no "script-src 'self';"`);
  const policy = [entryTag[0], ...entryPreloadTags]
    .reduce((html, tag) => html.replace(tag, ''), template)
    .replace(`${scriptSrc};`, `${scriptSrc} ${bootHash.replace(/'/g, '&#39;')};`)
    .replace(`${styleSrc};`, `${styleSrc} ${styleHashes.join(' ').replace(/'/g, '&#39;')};`);
  if (policy.includes(entryTag[1]!)) throw new Error(`dist/index.html still names ${entryTag[1]} outside the entry script`);
  // Every shipped comparison has a page of its own with its difference diagram drawn: each ordered pair of cell
  // sources and of the review's figures (compare-source-hpmsc-source-humsc.html, as comparePage() names it).
  const sides = [...sourceIds(model).map((id) => `source:${id}`), ...model.figures.map((f) => `figure:${f.id}`)];
  const pairs = sides.flatMap((l) => sides.flatMap((r): [string, string][] => {
    const file = comparePage(l, r);
    return file ? [[file, `?view=compare&left=${l}&right=${r}`]] : [];
  }));
  const pages: [string, string][] = [
    ['index.html', ''],
    ...model.figures.map((f): [string, string] => [`${f.id}.html`, `?figure=${f.id}`]),
    ['atlas.html', '?view=atlas'],
    ['compare.html', '?view=compare'],
    ...pairs,
  ];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  let compareBytes = 0;
  for (const [file, search] of pages) {
    const page = await renderPage(model, layouts, search);
    // A figure's layout is the one more file the first render waits for: fetched with the scripts. (The atlas and
    // compare are laid out in the page, not from a stored layout.)
    const layoutChunk = page.key.startsWith('figure:') ? asset(new RegExp(`^${layoutFileName(page.key).replace(/\.json$/, '')}-[\\w-]{8}\\.js$`)) : undefined;
    // A font file the page's text would still need (a character outside the start faces: none in the shipped pages),
    // so its text is drawn in Inter from the first frame (font-display: block, vite.config.ts) without waiting for
    // the style sheet to ask.
    const fonts = faces.filter((f) => f.covers(page.html)).map((f) => `<link rel="preload" href="./assets/${f.file}" as="font" type="font/woff2" crossorigin>`);
    const appPreloads = [...canvasPreloads, ...(page.key.startsWith('difference:') ? comparePreloads : []), ...(layoutChunk ? [modulePreload(`assets/${layoutChunk}`)] : [])];
    // (The view's data with the app's chunks, after the first paint: a request costs the browser's processes work on
    // the cores that draw the picture.)
    const pagePreloads = `<template id="${APP_PRELOADS_ID}">${[dataPreload(search), ...appPreloads].join('')}</template>`;
    // The Content-Security-Policy allows no inline style (style-src 'self'): React's style props (source colour
    // swatches) are left out of the static page; the app sets them through the DOM when it renders.
    // React's server renderer leaves, where a part is loaded lazily (lazy-part.tsx: the open-file button's code), a
    // <template> telling a hydrating client why it rendered the fallback, with the component stack in the builder's
    // file paths. The app renders its own tree (createRoot, start.tsx): the message is for nobody, and the page must
    // not carry the build machine's paths.
    const body = page.html.replace(/ style="[^"]*"/g, '').replace(/<template data-msg="[^"]*"(?: data-cstck="[^"]*")?><\/template>/g, '<template></template>');
    // The portrait picture: a file of its own, preloaded on a phone held upright only, put in by its tiny script.
    if (page.portrait) writeFileSync(resolve(dist, page.portrait.file), page.portrait.svg);
    const portraitPreload = page.portrait
      ? [`<link rel="preload" href="./${page.portrait.file}" as="fetch" crossorigin media="${PHONE_PORTRAIT_QUERY}">`]
      : [];
    // The page's one script before its picture (boot.ts): the entry to add after the first paint, and on a page with a
    // portrait picture that picture's script, added at once on a phone held upright.
    const bootAttributes = [`data-entry="./${entryTag[1]}"`, ...(page.portrait ? [`data-portrait="./${portraitScript}"`, `data-portrait-media="${esc(PHONE_PORTRAIT_QUERY)}"`] : [])];
    const bootTag = `<script ${bootAttributes.join(' ')}>${bootCode}</script>`;
    const html = policy
      // The page's own address, for a page opened by its file name alone (atlas.html): the app opens what the page is
      // (start.tsx), picture or not.
      .replace('<div id="root"></div>', () => `<div id="root"${search ? ` data-state="${esc(search)}"` : ''}>${body}</div>${bootTag}`)
      // The start faces first of all, right after the character set: their data: URLs still load in a task of their
      // own, and a face not loaded when the text is first laid out (at the latest when the page ends) is stood in for
      // by a system font at every size and weight of the page, each looked up in a synchronous call to the browser
      // process. Asked for first, they are in long before the page's last bytes.
      .replace(/<title>[^<]*<\/title>/, () => `${startFaceTags.join('\n    ')}\n    <title>${esc(page.title)} · MSC–POF Atlas</title>`)
      // What the first picture needs, the style sheet (in the page) and the fonts, then the list of what the app
      // needs (inert until the first paint).
      .replace(stylesheet, '')
      .replace('</head>', () => `  ${[`<style>${inlineCss}</style>`, ...fonts, ...portraitPreload, pagePreloads].join('\n    ')}\n  </head>`);
    if (html === policy) throw new Error('dist/index.html has no <div id="root"></div> to fill');
    if (html.includes(root)) throw new Error(`${file}: the page holds a path of the build machine (${root})`);
    writeFileSync(resolve(dist, file), html);
    if (!file.startsWith('compare-'))
      console.log(`prerendered dist/${file.padEnd(18)} ${page.picture ? 'with its picture' : 'without a picture'}  ${(html.length / 1024).toFixed(0)} KB`);
    else if (!page.picture) throw new Error(`${file}: no picture of the comparison`);
    else compareBytes += html.length;
  }
  console.log(`prerendered ${pairs.length} compare pair pages, each with its difference diagram, ${(compareBytes / 1024 / 1024).toFixed(1)} MB`);
  // Every page carries the style sheet in itself, and the start faces as data: URLs: the entry's style sheet and the
  // start faces' files are asked for by nothing, so they leave the build (and the service worker's precache list).
  // The other faces (Inter Extra) and lazily loaded chunks' style sheets stay.
  const entryCss = /href="\.\/(assets\/[^"]+\.css)"/.exec(stylesheet)?.[1];
  const unused = [...(entryCss ? [entryCss] : []), ...startFaces.map((f) => `assets/${f.file}`)];
  const readers = [...readdirSync(dist).filter((f) => f.endsWith('.html')), ...assets.filter((a) => /\.(js|css)$/.test(a)).map((a) => `assets/${a}`)].filter((f) => !unused.includes(f));
  for (const reader of readers) {
    const text = readFileSync(resolve(dist, reader), 'utf8');
    const asked = unused.find((file) => text.includes(file.replace(/^.*\//, '')));
    if (asked) throw new Error(`${asked} is still asked for by ${reader}`);
  }
  for (const file of unused) rmSync(resolve(dist, file));
  console.log(`left out of the build, asked for by no page: ${unused.join(', ')}`);
} catch (e) {
  console.error(e);
  process.exit(1);
}
// Vite's SSR module runner can report a late "invoke was called before connect" while closing: the pages are
// written, so leave without waiting for it.
process.exit(0);
