/** PNG and SVG files of a composed figure. PNG needs a browser (canvas); SVG is plain text. */
import { compose, type ExportContent, type Frame } from './compose.ts';
import { CanvasPainter, SvgPainter } from './painter.ts';
import { withDpi } from './png-dpi.ts';
import { checkSize } from './size.ts';

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

export function renderSvg(content: ExportContent, size: Frame, background: Background): string {
  const painter = new SvgPainter();
  compose(painter, content, size);
  return painter.toString(size.width, size.height, background === 'white' ? '#ffffff' : null, content.title);
}
