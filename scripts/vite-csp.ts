/**
 * The built app's Content-Security-Policy, as a <meta> in index.html (so it holds on any static host, GitHub
 * Pages or a USB stick included). Build only: the dev server injects inline scripts for hot reload.
 *
 * - no inline script or eval (script-src 'self'), but the one a prerendered page runs before its picture, allowed by
 *   its hash (scripts/prerender.ts adds it, src/prerender/boot.ts);
 * - styles only from files (no inline <style>; style properties set from script are not inline styles);
 * - images and fonts may be data:/blob: URLs (the favicon, exported images shown before download);
 * - workers from the app's own files or blobs (ELK and the import worker);
 * - the network only to the app's own origin (connect-src 'self': data files, `?src=` imports).
 */
import type { Plugin } from 'vite';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'msc-pof-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
    },
  };
}
