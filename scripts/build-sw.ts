/**
 * Runs last in `npm run build` (after the prerendered pages exist): bundles the service worker (src/offline/sw.ts)
 * into dist/sw.js and writes into it Workbox's precache list of the whole build, each file with its revision
 * (content hash for files whose name has none), so after one visit the app works offline.
 *
 * Precached: every page (index, one per figure, atlas, compare) but the compare pairs' own, every script chunk (layouts and workers included),
 * style, the model's data (one file per figure and one for the atlas), the fonts (Inter for the screen, woff2; the exports' merged TTFs), the manifest and icons.
 * Left out: the Inter woff fallbacks (every browser with service workers reads woff2) and files a test drops in.
 *
 * Stored after the install instead (laterScripts, sw.ts): the large scripts no page loads at its start (the two
 * workers, the PDF, PowerPoint and image-capture libraries: 7 files, 4.2 MB), given to the worker as a list of its own.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { injectManifest } from 'workbox-build';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');
const tmp = mkdtempSync(join(tmpdir(), 'msc-pof-sw-'));

/** Scripts this large or larger that no page loads at its start are stored after the install (sw.ts). */
const LATER_MIN_BYTES = 64 * 1024;

/**
 * The large scripts that only a later action loads (an import, twin-pane compare, a PDF or PowerPoint export), as
 * paths relative to dist: not named by any precached page (its start script, preloads and their template).
 * Chromium compiles every script a service worker stores during its install, to keep its code cache: these took
 * about 350 ms of the worker's CPU during a first visit's install, for scripts a reader may never load.
 */
function laterScripts(dir: string): string[] {
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html') && !f.startsWith('compare-') && !f.startsWith('e2e-'));
  const started = new Set(pages.flatMap((p) => [...readFileSync(join(dir, p), 'utf8').matchAll(/assets\/[\w.-]+\.js/g)].map((m) => m[0])));
  return readdirSync(join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`)
    .filter((f) => !started.has(f) && statSync(join(dir, f)).size >= LATER_MIN_BYTES)
    .sort();
}

const later = laterScripts(dist);
// Named after its files (their names carry their content's hash): a build with other files gets a new cache.
const laterCache = `msc-pof-later-${createHash('sha256').update(later.join('\n')).digest('hex').slice(0, 12)}`;

try {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    // Workbox strips its development logging when NODE_ENV is production.
    define: { 'process.env.NODE_ENV': JSON.stringify('production'), __LATER_SCRIPTS__: JSON.stringify(later), __LATER_CACHE__: JSON.stringify(laterCache) },
    build: {
      outDir: tmp,
      emptyOutDir: true,
      copyPublicDir: false,
      target: 'es2022',
      minify: true,
      // One classic script: every browser with service workers runs it, module workers or not.
      lib: { entry: resolve(root, 'src/offline/sw.ts'), formats: ['iife'], name: 'mscPofAtlasServiceWorker', fileName: () => 'sw.js' },
    },
  });
  const { count, size, warnings } = await injectManifest({
    swSrc: join(tmp, 'sw.js'),
    swDest: join(dist, 'sw.js'),
    globDirectory: dist,
    globPatterns: ['**/*.{html,js,css,json,woff2,ttf,png,svg,webmanifest}'],
    // Compare pairs' own pages (180, each with its picture) are left to the network; offline, compare.html opens them.
    globIgnores: ['sw.js', 'e2e-*', 'compare-*.html', ...later],
    // Vite's hashed file names are their own revision.
    dontCacheBustURLsMatching: /^assets\/.+-[\w-]{8}\.\w+$/,
    // Room for large files, so none is left out unnoticed (the largest, the two workers of about 1.6 MB each, are
    // stored after the install now).
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  });
  for (const w of warnings) console.warn(`service worker: ${w}`);
  if (warnings.length) process.exitCode = 1;
  const laterSize = later.reduce((n, f) => n + statSync(join(dist, f)).size, 0);
  console.log(
    `service worker dist/sw.js (${(statSync(join(dist, 'sw.js')).size / 1024).toFixed(0)} KB) precaches ${count} files, ${(size / 1024 / 1024).toFixed(1)} MB, ` +
      `and stores ${later.length} more after its install, ${(laterSize / 1024 / 1024).toFixed(1)} MB`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
