/**
 * The slide, page and vector exports opened by programs other than the browser that made them:
 * - PowerPoint slides (a figure, the atlas with two sources, a comparison) converted headless by LibreOffice
 *   Impress to PDF, then read by poppler: every node label is text, the page is not blank, and each node's shape is
 *   drawn where the slide puts it, in its colour.
 * - The SVG and the PDF export drawn by MuPDF (mutool): every node label comes back as text, and the picture has
 *   each node's fill where the SVG places the node.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp, SCREENSHOT_DIR, useBrowser } from './browser.ts';

const getBrowser = useBrowser();
const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const work = mkdtempSync(join(tmpdir(), 'msc-office-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// The pictures the other programs drew, kept to look at.
const SHOTS = join(SCREENSHOT_DIR, 'office');
mkdirSync(SHOTS, { recursive: true });

async function download(page: Page, format: string, pageSize?: string): Promise<{ name: string; path: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: format }).check();
  if (pageSize) await dialog.getByRole('combobox', { name: 'Page size' }).selectOption(pageSize);
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  const path = join(work, file.suggestedFilename());
  await file.saveAs(path);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { name: file.suggestedFilename(), path };
}

/** Letters and digits only, lower case: how a label is compared with extracted text, whatever the line breaks. */
const squash = (s: string) => s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Share of pixels that are not near-white. */
function ink(png: PNG): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 230 || png.data[i + 1]! < 230 || png.data[i + 2]! < 230) n++;
  return n / (png.width * png.height);
}

const rgb = (hex: string): [number, number, number] => [0, 2, 4].map((i) => parseInt(hex.replace('#', '').slice(i, i + 2), 16)) as [number, number, number];

/**
 * The commonest colour inside the middle of a box (the middle 60% across, 40% down: inside rectangles, ellipses,
 * hexagons and chevrons alike), in 16-level bins: the fill, whatever text and antialiasing cover the rest.
 */
function fillAt(png: PNG, box: { x: number; y: number; w: number; h: number }): [number, number, number] {
  const counts = new Map<number, { n: number; sum: [number, number, number] }>();
  for (let y = Math.round(box.y + box.h * 0.3); y <= Math.round(box.y + box.h * 0.7); y++) {
    for (let x = Math.round(box.x + box.w * 0.2); x <= Math.round(box.x + box.w * 0.8); x++) {
      if (x < 0 || y < 0 || x >= png.width || y >= png.height) continue;
      const i = (y * png.width + x) * 4;
      const c: [number, number, number] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      const key = (c[0] >> 4) * 256 + (c[1] >> 4) * 16 + (c[2] >> 4);
      const bin = counts.get(key) ?? { n: 0, sum: [0, 0, 0] };
      bin.n++;
      bin.sum = [bin.sum[0] + c[0], bin.sum[1] + c[1], bin.sum[2] + c[2]];
      counts.set(key, bin);
    }
  }
  const top = [...counts.values()].sort((a, b) => b.n - a.n)[0]!;
  return top.sum.map((v) => v / top.n) as [number, number, number];
}

const near = (a: readonly number[], b: readonly number[], tolerance = 24) => a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);

interface SlideNode {
  id: string;
  text: string;
  fill: string;
  /** Box in EMU. */
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The node shapes of a slide as the package says: name node:ID, its text, its solid fill and its box. */
async function slideNodes(pptxPath: string): Promise<{ nodes: SlideNode[]; width: number; height: number }> {
  const zip = await JSZip.loadAsync(readFileSync(pptxPath));
  const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
  const presentation = await zip.file('ppt/presentation.xml')!.async('string');
  const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation)!;
  const nodes: SlideNode[] = [];
  for (const sp of slide.split('<p:sp>').slice(1)) {
    const name = /<p:cNvPr id="\d+" name="node:([^"]+)"/.exec(sp);
    if (!name) continue;
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(sp)!;
    const fill = /<p:spPr>[\s\S]*?<a:solidFill><a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(sp);
    const text = [...sp.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!).join(' ');
    nodes.push({ id: name[1]!, text: text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'), fill: fill?.[1] ?? '', x: +off[1]!, y: +off[2]!, w: +off[3]!, h: +off[4]! });
  }
  return { nodes, width: +size[1]!, height: +size[2]! };
}

/** The count badges of a slide: name `shared badge:ID`, their number and box in EMU. */
async function slideBadges(pptxPath: string): Promise<{ id: string; text: string; x: number; y: number; w: number; h: number }[]> {
  const zip = await JSZip.loadAsync(readFileSync(pptxPath));
  const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
  return slide
    .split('<p:sp>')
    .slice(1)
    .flatMap((sp) => {
      const name = /<p:cNvPr id="\d+" name="shared badge:([^"]+)"/.exec(sp);
      if (!name) return [];
      const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(sp)!;
      const text = [...sp.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!).join('');
      return [{ id: name[1]!, text, x: +off[1]!, y: +off[2]!, w: +off[3]!, h: +off[4]! }];
    });
}

function pdfText(path: string): string {
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
}

interface Word {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Every word of a one-page PDF with its box in points, as poppler reads it (pdftotext -bbox). */
function pdfWords(path: string): { words: Word[]; width: number; height: number } {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  const page = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html)!;
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
    x: +m[1]!,
    y: +m[2]!,
    w: +m[3]! - +m[1]!,
    h: +m[4]! - +m[2]!,
  }));
  return { words, width: +page[1]!, height: +page[2]! };
}

/** The words whose middle lies inside a box (same units), in reading order: the text drawn on a shape. */
function wordsIn(words: Word[], box: { x: number; y: number; w: number; h: number }): string {
  return words
    .filter((w) => w.x + w.w / 2 >= box.x && w.x + w.w / 2 <= box.x + box.w && w.y + w.h / 2 >= box.y && w.y + w.h / 2 <= box.y + box.h)
    .map((w) => w.text)
    .join(' ');
}

describe('exports read by other programs', () => {
  it('LibreOffice Impress opens the PowerPoint slide of a figure, the atlas and a comparison: labels as text, shapes where the slide puts them', async () => {
    const views = [
      { query: '?figure=fig2', pane: 'main' },
      { query: '?view=atlas&sources=hbmmsc,hafmsc', pane: 'main' },
      { query: '?view=compare&left=source:hpmsc&right=source:humsc', pane: 'difference' },
    ];
    const slides: { query: string; path: string; labels: string[] }[] = [];
    for (const v of views) {
      const { page } = await openApp(getBrowser(), v.query);
      // The labels of what the canvas shows (dimmed elements are left out of exports).
      const labels = await page.evaluate((p) => window.mscAtlas!.cy[p]!.nodes().not('.off').map((n) => String(n.data('label') ?? '')), v.pane);
      const file = await download(page, 'PowerPoint slide (editable shapes)');
      expect(file.name).toMatch(/\.pptx$/);
      slides.push({ query: v.query, path: file.path, labels: labels.filter(Boolean) });
      await page.close();
    }

    // One LibreOffice for the three files, with a profile of its own so that a running office does not interfere.
    const profile = mkdtempSync(join(tmpdir(), 'msc-lo-profile-'));
    try {
      execFileSync(
        SOFFICE,
        ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', work, ...slides.map((s) => s.path)],
        { timeout: 240_000, stdio: 'pipe' },
      );
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }

    for (const s of slides) {
      const pdf = join(work, basename(s.path).replace(/\.pptx$/, '.pdf'));
      // One 16:9 page, 13.33 × 7.5 in.
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info, s.query).toMatch(/Pages:\s+1\n/);
      expect(info, s.query).toMatch(/Page size:\s+960(\.\d+)? x 540(\.\d+)? pts/);

      // Every node's label is text on its own shape; the source line is text too.
      const { nodes, width, height } = await slideNodes(s.path);
      expect(nodes.length, s.query).toBeGreaterThan(10);
      expect(new Set(nodes.map((n) => squash(n.text))), s.query).toEqual(new Set(s.labels.map(squash)));
      const read = pdfWords(pdf);
      const pt = read.width / width; // points per EMU
      // A shared entity's count badge (a number) sits on its shape too.
      const onShape = (n: SlideNode) => {
        const own = new Set(n.text.split(/\s+/));
        return wordsIn(read.words, { x: n.x * pt, y: n.y * pt, w: n.w * pt, h: n.h * pt })
          .split(' ')
          .filter((w) => !/^\d+$/.test(w) || own.has(w))
          .join(' ');
      };
      const unlabelled = nodes.filter((n) => squash(onShape(n)) !== squash(n.text));
      expect(unlabelled.map((n) => `${n.id}: "${onShape(n)}"`), s.query).toEqual([]);
      expect(squash(pdfText(pdf)), s.query).toContain(squash('Source: Fu YX, Ji J, Shan F, Li J, Hu R'));

      // Count badges (shared entities) sit clear of every label: the only words LibreOffice draws over a badge's
      // disc are its own number.
      const badges = await slideBadges(s.path);
      if (s.query.includes('view=atlas')) expect(badges.length, s.query).toBeGreaterThan(3);
      const overlaps = (w: Word, b: { x: number; y: number; w: number; h: number }) =>
        Math.min(w.x + w.w, b.x + b.w) - Math.max(w.x, b.x) > 0.5 && Math.min(w.y + w.h, b.y + b.h) - Math.max(w.y, b.y) > 0.5;
      const covered = badges.flatMap((b) => {
        const box = { x: b.x * pt, y: b.y * pt, w: b.w * pt, h: b.h * pt };
        const under = read.words.filter((w) => overlaps(w, box));
        expect(under.map((w) => w.text), `badge of ${b.id}`).toContain(b.text);
        return under.filter((w) => w.text !== b.text).map((w) => `${b.id} badge over "${w.text}"`);
      });
      expect(covered, s.query).toEqual([]);

      // The picture: drawn, and each node's shape where the slide puts it, in its fill.
      const prefix = join(work, basename(pdf, '.pdf'));
      execFileSync('pdftoppm', ['-png', '-r', '96', '-singlefile', pdf, prefix]);
      copyFileSync(`${prefix}.png`, join(SHOTS, `libreoffice-${basename(pdf, '.pdf')}.png`));
      const png = PNG.sync.read(readFileSync(`${prefix}.png`));
      expect(png.width / png.height).toBeCloseTo(16 / 9, 2);
      expect(ink(png), s.query).toBeGreaterThan(0.04);
      const scale = png.width / width;
      expect(Math.abs(png.height / height - scale)).toBeLessThan(0.001);
      const misplaced = nodes.filter((n) => {
        const seen = fillAt(png, { x: n.x * scale, y: n.y * scale, w: n.w * scale, h: n.h * scale });
        return !near(seen, rgb(n.fill));
      });
      expect(misplaced.map((n) => n.id), s.query).toEqual([]);
    }
  }, 420_000);

  it('MuPDF draws the SVG and the PDF export: every label as text, each node in its fill where the SVG puts it', async () => {
    const { page } = await openApp(getBrowser(), '?figure=fig2');
    const labels = (await page.evaluate(() => window.mscAtlas!.cy.main!.nodes().map((n) => String(n.data('label') ?? '')))).filter(Boolean);
    const svg = await download(page, 'SVG image (vector)', 'a4');
    const pdf = await download(page, 'PDF (vector, for print)', 'a4');
    await page.close();

    // The SVG's own geometry (each node group's first path: its outline and fill), measured in a blank page.
    const svgText = readFileSync(svg.path, 'utf8');
    const viewer = await getBrowser().newPage({ viewport: { width: 1000, height: 700 } });
    await viewer.setContent(`<!doctype html><body style="margin:0">${svgText.replace(/^<\?xml[^>]*>/, '')}</body>`);
    // Boxes as fractions of the page, whatever transforms the groups carry.
    const geometry = await viewer.evaluate(() => {
      const page = document.querySelector('svg')!.getBoundingClientRect();
      return {
        nodes: [...document.querySelectorAll<SVGGElement>('g.node')].map((g) => {
          const shape = g.querySelector<SVGGraphicsElement>('path, rect, ellipse, polygon')!;
          const b = shape.getBoundingClientRect();
          return { id: g.dataset.id!, fill: shape.getAttribute('fill')!, x: (b.x - page.x) / page.width, y: (b.y - page.y) / page.height, w: b.width / page.width, h: b.height / page.height };
        }),
      };
    });
    await viewer.close();
    expect(geometry.nodes).toHaveLength(labels.length);

    // MuPDF's own SVG reader: text back, and a picture.
    const svgWords = squash(execFileSync('mutool', ['draw', '-F', 'txt', '-o', '-', svg.path], { encoding: 'utf8' }));
    for (const label of labels) expect(svgWords, label).toContain(squash(label));
    const svgPng = join(work, 'svg-by-mupdf.png');
    execFileSync('mutool', ['draw', '-r', '96', '-o', svgPng, svg.path]);
    const drawn = PNG.sync.read(readFileSync(svgPng));
    expect(ink(drawn)).toBeGreaterThan(0.04);
    copyFileSync(svgPng, join(SHOTS, 'svg-by-mupdf.png'));
    const onPage = (png: PNG, n: (typeof geometry.nodes)[number]) => ({ x: n.x * png.width, y: n.y * png.height, w: n.w * png.width, h: n.h * png.height });
    const wrong = geometry.nodes.filter((n) => !near(fillAt(drawn, onPage(drawn, n)), rgb(n.fill)));
    expect(wrong.map((n) => n.id)).toEqual([]);

    // The PDF: A4 landscape, MuPDF finds every label as text and draws every node fill the SVG uses.
    expect(execFileSync('mutool', ['info', pdf.path], { encoding: 'utf8' })).toMatch(/Pages: 1/);
    const pdfWords = squash(execFileSync('mutool', ['draw', '-F', 'txt', '-o', '-', pdf.path], { encoding: 'utf8' }));
    for (const label of labels) expect(pdfWords, label).toContain(squash(label));
    const pdfPng = join(work, 'pdf-by-mupdf.png');
    execFileSync('mutool', ['draw', '-r', '96', '-o', pdfPng, pdf.path]);
    const printed = PNG.sync.read(readFileSync(pdfPng));
    expect(printed.width / printed.height).toBeCloseTo(297 / 210, 2);
    expect(ink(printed)).toBeGreaterThan(0.04);
    // The PDF is painted from the same A4 scene as the SVG: each node where the SVG puts it, in its fill.
    copyFileSync(pdfPng, join(SHOTS, 'pdf-by-mupdf.png'));
    const off = geometry.nodes.filter((n) => !near(fillAt(printed, onPage(printed, n)), rgb(n.fill)));
    expect(off.map((n) => n.id)).toEqual([]);
  }, 180_000);
});
