/// <reference types="vitest/config" />
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './scripts/vite-csp.ts';
import { cytoscapeCore } from './scripts/vite-cytoscape-core.ts';
import { readGraphFiles } from './scripts/read-graphs.ts';
import { shippedModelCode, shippedModelModule } from './scripts/shipped-model.ts';
import { pageForSearch } from './src/offline/pages.ts';
import { parseUnicodeRange, subtractRange } from './src/prerender/start-font-chars.ts';
import { FONT_FAMILY_EXTRA } from './src/theme/kinds.ts';

const VIRTUAL = 'virtual:shipped-model';

/**
 * The shipped graphs, validated here, at build time, by the same code as `npm run validate`: a production build
 * fails on invalid data, and the browser receives the validated model as JSON files, one per figure and one with
 * everything for the atlas, each fetched when it is needed (src/data/model-parts.ts; no zod at start-up).
 * The dev server shows the problems in the app instead (InvalidData), so an author sees them while editing.
 */
function shippedModel(): Plugin {
  let build = false;
  const graphsDir = resolve(import.meta.dirname, 'graphs');
  return {
    name: 'shipped-model',
    configResolved(config) {
      build = config.command === 'build' && !config.build.ssr;
    },
    resolveId(id) {
      return id === VIRTUAL ? `\0${VIRTUAL}` : undefined;
    },
    load(id) {
      if (id !== `\0${VIRTUAL}`) return;
      const files = readGraphFiles(graphsDir).filter((f) => !f.path.startsWith('schema/'));
      for (const f of files) this.addWatchFile(resolve(graphsDir, f.path));
      const made = shippedModelModule(files, build);
      if ('error' in made) this.error(made.error);
      if ('code' in made) return made.code;
      // assets/model-<figure>-<hash>.json per figure, assets/model-atlas-<hash>.json with everything.
      const refs = made.parts.map(([id, json]): [string, string] => [id, this.emitFile({ type: 'asset', name: `model-${id}.json`, source: json })]);
      return shippedModelCode(refs, this.emitFile({ type: 'asset', name: 'model-atlas.json', source: made.atlas }));
    },
  };
}

/**
 * zod's schema builders have no side effects, but a bundler cannot know: it keeps every top-level schema of
 * src/model/schema.ts, and zod with them, even where only its plain constants (kinds, relations, signs) are used.
 * Each top-level schema becomes a pure-annotated function call, so the build drops the schemas nobody imports at
 * run time (the shipped graphs are validated at build time; a user's file is validated by code loaded on demand).
 */
export function pureSchemas(code: string): string {
  const lines = code.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^((?:export )?const \w+(?::[^=]+)? = )(z\b.*)$/.exec(lines[i]!);
    if (!m) {
      out.push(lines[i]!);
      continue;
    }
    // The declaration runs until the next line that starts at the left margin.
    let end = i;
    while (end + 1 < lines.length && /^\s|^\)|^$/.test(lines[end + 1]!) && lines[end + 1] !== '') end++;
    const body = [m[2]!, ...lines.slice(i + 1, end + 1)].join('\n').replace(/;\s*$/, '');
    out.push(`${m[1]}/*#__PURE__*/ (() => ${body})();`);
    i = end;
  }
  return out.join('\n');
}

function pureSchemasPlugin(): Plugin {
  return {
    name: 'pure-schemas',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (id.endsWith('/src/model/schema.ts')) return { code: pureSchemas(code), map: null };
    },
  };
}

/**
 * A static host sends index.html for any query string; the prerendered pages (scripts/prerender.ts) are one file per
 * figure. `vite preview` serves a link's own page for the links the app writes (`?figure=fig2` → fig2.html,
 * `?view=atlas` → atlas.html, `?view=compare&left=source:hpmsc&right=source:humsc` → compare-source-hpmsc-source-humsc.html,
 * other comparisons → compare.html), same address, no redirect, so each link shows its
 * own picture before any script runs.
 */
function prerenderedPages(): Plugin {
  return {
    name: 'prerendered-pages',
    configurePreviewServer(server) {
      const dist = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((req, _res, next) => {
        const url = new URL(req.url ?? '/', 'http://x');
        if (url.pathname.endsWith('/') && url.search) {
          // A compare pair without a page of its own (a source against a figure, say) opens compare.html.
          const page = [pageForSearch(url.search), 'compare.html'].find((p) => p !== 'index.html' && existsSync(resolve(dist, p)));
          if (page && (page !== 'compare.html' || url.searchParams.get('view') === 'compare')) req.url = `${url.pathname}${page}${url.search}`;
        }
        next();
      });
    },
  };
}

/**
 * Inter's faces wait for their file (font-display: block) instead of painting a fallback font and swapping: the
 * prerendered figure's labels were measured in Inter, and a swap would redraw every text of the first picture a
 * moment after it appeared. The characters the app writes come from two small faces of their own
 * (src/generated/start-fonts, npm run start-fonts), which the prerendered pages carry in their own style as data: URLs
 * (scripts/prerender.ts), so the wait is no request at all (the dev server fetches them); @fontsource's faces keep every other character (a user's graph in Cyrillic, say): their unicode-ranges lose
 * the start faces' characters, so a browser never fetches them for the app's own text. After 3 s a missing file
 * still gives way to the fallback.
 * @fontsource's faces are renamed Inter Extra (src/theme/kinds.ts), a family named after Inter in the app's font lists:
 * in Inter's own family, each of their faces, not loaded, cost a system-font look-up (a synchronous call to the browser
 * process) for every size and weight of text laid out before the first picture.
 */
function interFaces(): Plugin {
  const startCss = readFileSync(resolve(import.meta.dirname, 'src/generated/start-fonts/start-fonts.css'), 'utf8');
  const range = /unicode-range:([^;}]+)/.exec(startCss)?.[1];
  if (!range) throw new Error('src/generated/start-fonts/start-fonts.css has no unicode-range: run npm run start-fonts');
  const startChars = parseUnicodeRange(range).flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)));
  return {
    name: 'inter-faces',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@fontsource[\\/]inter[\\/].*\.css$/.test(id)) return;
      const faces = code.replace(/@font-face\s*{[^}]*}/g, (face) => {
        const own = /unicode-range:([^;}]+)/.exec(face)?.[1];
        const rest = own === undefined ? undefined : subtractRange(own, startChars);
        if (own !== undefined && rest === undefined) return '';
        return (rest === undefined ? face : face.replace(own!, ` ${rest}`))
          .replace(/font-display:\s*swap/g, 'font-display: block')
          .replace(/font-family:\s*['"]?Inter['"]?;/, `font-family: '${FONT_FAMILY_EXTRA}';`);
      });
      return { code: faces, map: null };
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), shippedModel(), pureSchemasPlugin(), prerenderedPages(), interFaces(), cytoscapeCore()],
  // Relative asset paths: the built app works from any folder or sub-path (GitHub Pages, a USB stick).
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Every browser the build targets (es2022) knows <link rel="modulepreload">: no polyfill in the entry script.
    // The entry script's own imports (React DOM, then the app, src/main.tsx) preload no script of their own: every page
    // lists what they need in its <template> of preloads, put to work just before (scripts/prerender.ts), and the
    // list Vite would write into the entry (22 file names for the app's start) cost the start-up 0.3 KB gzipped. Their
    // style sheets (the app's start has Inter's other faces, start.tsx) are still loaded with them. The dev server
    // fetches each module as it is imported, as always.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostId, hostType }) =>
        hostType === 'js' && /(^|\/)index-[\w-]{8}\.js$/.test(hostId) ? deps.filter((d) => d.endsWith('.css')) : deps,
    },
    // dist/.vite/manifest.json: which chunks each dynamic import needs; scripts/prerender.ts preloads the canvas's.
    manifest: true,
    chunkSizeWarningLimit: 2000, // the lazily loaded ELK worker is ~1.5 MB unminified-size; it is not on start-up
    rollupOptions: {
      // The page, and the tiny script a figure's page runs first on a phone held upright to fetch its portrait picture
      // (src/prerender/portrait-picture.ts; scripts/prerender.ts adds it to the pages that have one).
      input: { index: resolve(import.meta.dirname, 'index.html'), 'portrait-picture': resolve(import.meta.dirname, 'src/prerender/portrait-picture.ts') },
      output: {
        // The big libraries in chunks of their own, with stable names, so the start-up budget can name them.
        manualChunks(id) {
          if (/node_modules[\\/]cytoscape[\\/]/.test(id)) return 'cytoscape';
          if (/node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./tests/setup.ts'],
    include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.tsx'],
    // ELK in-process layouts of the whole atlas take seconds on 2 cores.
    testTimeout: 30_000,
  },
});
