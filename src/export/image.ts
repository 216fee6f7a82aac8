/** PNG and SVG files of a composed figure. PNG needs a browser (canvas); SVG is plain text. */
import { compose, type ExportContent, type Frame } from './compose.ts';
import { CanvasPainter, SvgPainter } from './painter.ts';
import { withDpi } from './png-dpi.ts';
import { checkSize } from './size.ts';
import type { ExportFonts } from './export-fonts.ts';
import { base64, readTtf, subsetTtf } from './ttf.ts';

export type Background = 'white' | 'transparent';

export class ExportSizeError extends Error {
  constructor(
    message: string,
    readonly largest: Frame,
  ) {
    super(message);
    this.name = 'ExportSizeError';
  }
}

/** Wait for the fonts the figure uses, so text is measured and drawn in Inter, not a fallback. */
export async function fontsReady(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  await Promise.all([document.fonts.load('400 16px Inter'), document.fonts.load('600 16px Inter')]);
  await document.fonts.ready;
}

export async function renderPng(content: ExportContent, size: Frame & { dpi?: number }, background: Background): Promise<Blob> {
  const check = checkSize(size.width, size.height);
  if (!check.ok) throw new ExportSizeError(check.message, check.largest);
  await fontsReady();
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser could not create a drawing surface for the image.');
  if (background === 'white') {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, size.width, size.height);
  }
  compose(new CanvasPainter(ctx), content, size);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  // Free the pixels now rather than at the next collection: 4K canvases are 33 MB each.
  canvas.width = 0;
  canvas.height = 0;
  if (!blob) throw new Error(`The browser could not encode a ${size.width} × ${size.height} PNG.`);
  if (!size.dpi) return blob;
  const bytes = withDpi(new Uint8Array(await blob.arrayBuffer()), size.dpi);
  return new Blob([bytes as BlobPart], { type: 'image/png' });
}

/** The family name of the font subset an SVG embeds, so it never picks up a differently cut installed Inter. */
export const SVG_FONT = 'Inter Export';

/**
 * The SVG document. With `fonts`, it embeds a subset of Inter holding only the glyphs its text uses (an
 * @font-face rule with the TrueType data inline); `print` is the declared size (e.g. 297mm × 210mm).
 */
export function renderSvg(content: ExportContent, size: Frame, background: Background, opts: { fonts?: ExportFonts; print?: [string, string] } = {}): string {
  const painter = new SvgPainter();
  compose(painter, content, size);
  const faces = opts.fonts
    ? ([400, 600] as const)
        .filter((w) => painter.used[w].size > 0)
        .map((w) => {
          const ttf = subsetTtf(readTtf(opts.fonts![w]), painter.used[w], { family: SVG_FONT, postScriptName: `InterExport-${w}` });
          return `@font-face{font-family:"${SVG_FONT}";font-weight:${w};src:url(data:font/ttf;base64,${base64(ttf)}) format("truetype")}`;
        })
    : [];
  return painter.toString(size.width, size.height, background === 'white' ? '#ffffff' : null, content.title, {
    ...(opts.print ? { size: { width: opts.print[0], height: opts.print[1] } } : {}),
    ...(faces.length ? { defs: `<style>${faces.join('')}</style>`, fontFamily: `"${SVG_FONT}"` } : {}),
  });
}
