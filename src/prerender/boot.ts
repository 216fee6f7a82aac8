/**
 * The one script a prerendered page runs before its first picture, inline in the page (scripts/prerender.ts bundles
 * this module and writes it into every page, allowed by its hash in the Content-Security-Policy): it loads nothing
 * until the picture is on screen, then the app.
 *
 * Until this script, the page's entry script (main.tsx) and its tiny imports, the view's data and, on pages with a
 * portrait picture, that picture's script were all asked for while the page was parsed: six requests before the first
 * paint, each some work for the browser's own processes, on a machine of two cores the same cores that draw the first
 * frame (a figure's page without them painted about a fifth sooner, traced). Now the page asks for nothing of its
 * own before its first paint: once it is on screen (afterFirstPaint), the entry script is added, then the page's list
 * of the app's chunks and data is put to work (startPreloads), all fetched at once.
 *
 * The exception is a phone held upright: the portrait picture's script is added at once there (it fetches the picture
 * the phone shows instead of the usual one, prerender/portrait-picture.ts), as the page's own async script was.
 *
 * This module imports only after-first-paint.ts (which imports nothing): the page carries a few hundred bytes.
 */
import { afterFirstPaint, startPreloads, type PaintWindow } from './after-first-paint.ts';

/** What boot() reads from the page's script element: the files to load, and the phone's query. */
export interface BootData {
  /** The app's entry script (main.tsx's chunk), relative to the page. */
  entry?: string;
  /** The portrait picture's script, on a page that has a portrait picture. */
  portrait?: string;
  /** The media query of a phone held upright (PHONE_PORTRAIT_QUERY), on a page that has a portrait picture. */
  portraitMedia?: string;
}

/** Adds a module script for `src` to the page's head (as the page's own `<script type="module" crossorigin>` would). */
function addModule(doc: Document, src: string): void {
  const script = doc.createElement('script');
  script.type = 'module';
  script.crossOrigin = 'anonymous';
  script.src = src;
  doc.head.append(script);
}

/**
 * Loads the portrait picture's script at once where it is shown, and the app once the first picture is on screen;
 * resolves when the app's entry script has been added.
 */
export async function boot(data: BootData, doc: Document = document, win: PaintWindow & Pick<Window, 'matchMedia'> = window): Promise<void> {
  if (data.portrait && data.portraitMedia && win.matchMedia(data.portraitMedia).matches) addModule(doc, data.portrait);
  if (!data.entry) return;
  await afterFirstPaint(win);
  // The entry first: a browser fetches a few files at a time from one server (six over HTTP/1.1), in the order asked.
  addModule(doc, data.entry);
  startPreloads(doc);
}

// Run as the page's inline script, with what its element says (data-entry, data-portrait, data-portrait-media).
if (typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement) void boot({ ...document.currentScript.dataset });
