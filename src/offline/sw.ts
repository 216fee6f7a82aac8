/**
 * The service worker (built into dist/sw.js by scripts/build-sw.ts, after the prerendered pages exist): precaches
 * the whole built app (every page, script, style, layout and model file, worker, font and icon, listed with their
 * revisions by Workbox at build time) and answers from that cache, so after one visit the atlas, every figure and
 * compare work with no network. A new build's worker takes over at once and drops files the new build no longer has.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, getCacheKeyForURL, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching/_types.js';
import { registerRoute } from 'workbox-routing';
import { pageForSearch } from './pages.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();

const scope = () => new URL(self.registration.scope);

// A folder address with a query (`./?view=compare&left=…`) is the page that view was prerendered into, as on the
// static host; a figure without a page of its own (an imported graph) gets the first page, and the app reads the
// query as usual. Registered before the precache route, so it is asked first.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin && url.pathname === scope().pathname && url.search !== '',
  async ({ request, url }) => {
    const name = pageForSearch(url.search);
    let page = new URL(name, scope()).href;
    if (!getCacheKeyForURL(page)) page = new URL(name.startsWith('compare-') ? 'compare.html' : 'index.html', scope()).href;
    return (await matchPrecache(page)) ?? fetch(request);
  },
);

// A compare pair's own page (`compare-source-hpmsc-source-humsc.html`: its difference diagram drawn before any
// script) is not precached, there are 180 of them: from the network when there is one, else compare.html, which opens
// the same comparison from the address.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin && /\/compare-[^/]+\.html$/.test(url.pathname),
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch {
      return (await matchPrecache(new URL('compare.html', scope()).href)) ?? Response.error();
    }
  },
);

// Everything else the build made, whatever its query: links carry the view's state in the query
// (`fig2.html?figure=fig2&select=node:hgf`), and the page is the same file for all of them.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/], directoryIndex: 'index.html', cleanURLs: false });
