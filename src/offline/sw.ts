/**
 * The service worker (built into dist/sw.js by scripts/build-sw.ts, after the prerendered pages exist): precaches
 * the whole built app (every page, script, style, layout and model file, worker, font and icon, listed with their
 * revisions by Workbox at build time) and answers from that cache, so after one visit the atlas, every figure and
 * compare work with no network. A new build's worker takes over at once and drops files the new build no longer has.
 *
 * The large scripts no page loads at its start (the import and layout workers, the PDF, PowerPoint and capture
 * libraries: __LATER_SCRIPTS__) are stored just after the install rather than during it, when a page asks (register.ts),
 * one at a time, in a cache of their own: Chromium compiles every script a worker stores during its install, and
 * these cost about 350 ms of CPU there on a first visit, while the reader may be starting to click.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, getCacheKeyForURL, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching/_types.js';
import { registerRoute } from 'workbox-routing';
import { pageForSearch } from './pages.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };
/** Paths (relative to the scope) of the scripts stored after the install, and the cache they go in: set at build. */
declare const __LATER_SCRIPTS__: string[];
declare const __LATER_CACHE__: string;

const LATER_PREFIX = 'msc-pof-later-';

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

// The scripts stored after the install: from their cache, else from the network (and kept). Their names carry their
// content's hash, so a stored copy is never stale.
let later: Set<string> | undefined;
const laterUrls = () => (later ??= new Set(__LATER_SCRIPTS__.map((p) => new URL(p, scope()).href)));

/** A script of the list from its cache, else from the network, kept when it came. */
async function laterScript(key: string, request: Request | string = key) {
  const cache = await caches.open(__LATER_CACHE__);
  const stored = await cache.match(key);
  if (stored) return stored;
  const response = await fetch(request);
  if (response.ok) await cache.put(key, response.clone());
  return response;
}

registerRoute(
  ({ url }) => url.origin === self.location.origin && laterUrls().has(`${url.origin}${url.pathname}`),
  ({ request, url }) => laterScript(`${url.origin}${url.pathname}`, request),
);

/** Stores the scripts not stored yet, one at a time; offline, the rest waits for the next page's request. */
async function storeLater() {
  for (const url of laterUrls()) {
    try {
      await laterScript(url);
    } catch {
      return;
    }
  }
}

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'store-later') event.waitUntil(storeLater());
});

// An older build's scripts go when this build's worker takes over.
self.addEventListener('activate', (event: ExtendableEvent) => {
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith(LATER_PREFIX) && n !== __LATER_CACHE__).map((n) => caches.delete(n)))),
  );
});

// Everything else the build made, whatever its query: links carry the view's state in the query
// (`fig2.html?figure=fig2&select=node:hgf`), and the page is the same file for all of them.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/], directoryIndex: 'index.html', cleanURLs: false });
