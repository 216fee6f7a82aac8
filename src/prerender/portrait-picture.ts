/**
 * A figure's portrait picture, for a phone held upright (layout/portrait.ts). A figure's page is sent with its usual
 * picture only; the portrait one is a file of its own (scripts/prerender.ts), named by the usual picture's
 * `data-portrait`, fetched only where it is shown: the page preloads it for phone screens only (a `media` query on
 * the preload), and this module, a tiny script of its own that the page adds at once on such a screen (its inline
 * script, prerender/boot.ts), before the app's, puts it into the page
 * next to the usual picture. app.css then shows it instead of the usual one, which it keeps hidden on such a screen
 * until then, so the reader sees one picture, where the canvas will draw (no jump at the takeover). Without scripts a
 * phone shows the usual picture, shrunk to its width.
 *
 * This module imports nothing: it is built into a chunk of its own (vite.config.ts) that runs before the app's code has
 * even arrived. start.tsx calls it again and waits for it before the app's first render (a second call reuses the
 * first's work).
 */

/** A phone held upright (the same query app.css uses for the phone's shell and its portrait picture). */
export const PHONE_PORTRAIT_QUERY = '(max-width: 699px) and (orientation: portrait)';

let inserting: Promise<Element | null> | undefined;

/** Puts the page's portrait picture into it, on a phone held upright; the picture, or null where there is none. */
export function insertPortraitPicture(doc: Document = document): Promise<Element | null> {
  if (inserting) return inserting;
  const usual = doc.querySelector<HTMLElement>('#root .prerender-picture[data-portrait]');
  if (!usual || !doc.defaultView?.matchMedia?.(PHONE_PORTRAIT_QUERY).matches) return Promise.resolve(null);
  const existing = usual.parentElement?.querySelector('.prerender-portrait');
  if (existing) return Promise.resolve(existing);
  inserting = fetch(usual.dataset.portrait!)
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((svg) => {
      // (Put in already by the other copy of this code, if the build made two.)
      const there = usual.parentElement?.querySelector('.prerender-portrait');
      if (there) return there;
      // The file is the picture's SVG element alone, made by the build (scripts/prerender.ts) from the same painter
      // as the usual one: markup of our own, not a reader's.
      const picture = doc.createElement('div');
      picture.className = 'prerender-portrait';
      for (const name of ['data-view', 'data-state']) picture.setAttribute(name, usual.getAttribute(name) ?? '');
      picture.setAttribute('aria-hidden', 'true');
      picture.innerHTML = svg;
      usual.after(picture);
      return picture;
    })
    // Offline before the file was cached, say: the canvas draws the figure, with no picture before it.
    .catch(() => null);
  return inserting;
}

// Run as the page's own script (and harmless when the app imports it: the picture goes in once). Not at build time.
if (typeof document !== 'undefined') void insertPortraitPicture();
