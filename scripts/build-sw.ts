/**
 * Runs last in `npm run build` (after the prerendered pages exist): bundles the service worker (src/offline/sw.ts)
 * into dist/sw.js and writes into it Workbox's precache list of the whole build, each file with its revision
 * (content hash for files whose name has none), so after one visit the app works offline.
 *
 * Precached: every page (index, one per figure, atlas, compare) but the compare pairs' own, every script chunk (layouts and workers included),
 * style, the model's data (one file per figure and one for the atlas), the fonts (Inter for the screen, woff2; the exports' merged TTFs), the manifest and icons.
 * Left out: the Inter woff fallbacks (every browser with service workers reads woff2) and files a test drops in.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { injectManifest } from 'workbox-build';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');
const tmp = mkdtempSync(join(tmpdir(), 'msc-pof-sw-'));

try {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    // Workbox strips its development logging when NODE_ENV is production.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
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
    globIgnores: ['sw.js', 'e2e-*', 'compare-*.html'],
    // Vite's hashed file names are their own revision.
    dontCacheBustURLsMatching: /^assets\/.+-[\w-]{8}\.\w+$/,
    // The ELK worker is the largest file (about 1.6 MB): it must be there offline for twin-pane compare and imports.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  });
  for (const w of warnings) console.warn(`service worker: ${w}`);
  if (warnings.length) process.exitCode = 1;
  console.log(`service worker dist/sw.js (${(statSync(join(dist, 'sw.js')).size / 1024).toFixed(0)} KB) precaches ${count} files, ${(size / 1024 / 1024).toFixed(1)} MB`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
