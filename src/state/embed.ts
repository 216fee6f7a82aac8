/**
 * `?embed=1`: the view alone (diagram, legend, a link back), for course pages and journal supplements in an
 * <iframe>. Read once from the address the page opened at; kept on every address the app writes.
 */
export const EMBED_PARAM = 'embed';

export function isEmbedded(search: string): boolean {
  return new URLSearchParams(search).get(EMBED_PARAM) === '1';
}

/** `search` (as toSearch writes it) with or without embed=1. */
export function withEmbed(search: string, on: boolean): string {
  const params = new URLSearchParams(search);
  params.delete(EMBED_PARAM);
  const rest = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%7E/g, '~');
  const s = on ? (rest ? `${rest}&${EMBED_PARAM}=1` : `${EMBED_PARAM}=1`) : rest;
  return s ? `?${s}` : '';
}

/**
 * The address of the view to embed. The app's own addresses leave the first figure out (it is what opens by
 * default); an embedded figure names it, so that a page that pasted the code keeps showing that figure whatever
 * the app opens by default later.
 */
export function embedSearch(search: string, defaultFigure: string | undefined): string {
  const params = new URLSearchParams(search);
  if (!defaultFigure || params.has('view') || params.has('figure')) return search;
  const rest = params.toString();
  return `?figure=${encodeURIComponent(defaultFigure)}${rest ? `&${rest}` : ''}`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML to paste into a page: the current view, embedded. */
export function iframeSnippet(pageUrl: string, search: string, title: string): string {
  const src = `${pageUrl}${withEmbed(search, true)}`;
  return `<iframe src="${attr(src)}" title="${attr(`${title} (MSC–POF Atlas)`)}" width="960" height="640" style="border:1px solid #ccc" loading="lazy" allow="fullscreen"></iframe>`;
}
