/**
 * PDF: written in Node with the same painter the browser uses, then read by poppler (pdffonts, pdftotext,
 * pdfinfo): page size, embedded subset fonts, selectable text in reading order.
 */
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportContent } from '../../src/export/content.ts';
import { PAGE_SIZES } from '../../src/export/page-size.ts';
import { renderPdf } from '../../src/export/pdf.ts';
import { readTtf, subsetTtf } from '../../src/export/ttf.ts';
import { precomputedLayouts } from '../../src/data/bundled.ts';
import { figureView } from '../../src/model/view.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();
const fonts = { 400: new Uint8Array(readFileSync('src/generated/fonts/inter-400.ttf')), 600: new Uint8Array(readFileSync('src/generated/fonts/inter-600.ttf')) };

async function write(name: string, size: keyof typeof PAGE_SIZES, title = 'Fig. 1 Effects of hBMMSCs: TNF-α, NF-κB, CD28−') {
  const view = figureView(model, 'fig1')!;
  const c = exportContent(model, { title, panes: [{ view, positions: precomputedLayouts['figure:fig1']! }], sources: [] });
  const blob = await renderPdf(c, PAGE_SIZES[size], fonts);
  mkdirSync('test-results', { recursive: true });
  const path = `test-results/${name}.pdf`;
  writeFileSync(path, Buffer.from(await blob.arrayBuffer()));
  return { path, view };
}

const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

describe('PDF export', () => {
  it('A4 landscape: embedded Inter subsets, selectable text with every label, α κ − intact', async () => {
    const { path, view } = await write('fig1-a4', 'a4');
    const info = run('pdfinfo', path);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    // The document's properties: the figure's title, the source line as subject, the app as creator.
    expect(info).toMatch(/^Title:\s+Fig\. 1 Effects of hBMMSCs: TNF-α, NF-κB, CD28−$/m);
    expect(info).toMatch(/^Subject:\s+Source: Fu YX, .*References cited \(numbers as in the review\): [\d, –]+\.$/m);
    expect(info).toMatch(/^Creator:\s+MSC–POF Atlas$/m);
    // Every stream (the page and the four font parts) is compressed.
    const raw = readFileSync(path, 'latin1');
    expect(raw.match(/^stream/gm)).toHaveLength(5);
    expect(raw.match(/\/Filter \/FlateDecode/g)).toHaveLength(5);
    // The embedded font programs, read by fontkit, carry the subset names the page's font dictionaries give.
    const fontkit = await import('fontkit');
    const programs = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)]
      .map((m) => inflateSync(Buffer.from(m[1]!, 'latin1'), { finishFlush: 2 }))
      .filter((b) => b.readUInt32BE(0) === 0x00010000)
      .map((b) => (fontkit.create(b) as import('fontkit').Font).postscriptName);
    expect(programs.sort()).toEqual(['MSCAAA+Inter-Regular', 'MSCAAB+Inter-SemiBold']);
    const fontsOut = run('pdffonts', path);
    // name, type, encoding, emb, sub: every font embedded as a subset (no standard-14 fallback).
    const rows = fontsOut.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) expect(r).toMatch(/^[A-Z]{6}\+Inter.*yes\s+yes\s+yes\s+\d+\s+0\s*$/);
    const text = run('pdftotext', '-layout', path, '-').replace(/\s+/g, ' ');
    expect(text).toContain('Fig. 1 Effects of hBMMSCs: TNF-α, NF-κB, CD28−');
    for (const n of view.nodes) for (const word of n.entity.label.split(/\s+/)) expect(text).toContain(word.replace(/-$/, ''));
    expect(text).toContain('Source: Fu YX');
  });

  it('US Letter landscape and a 16:9 slide page', async () => {
    expect(run('pdfinfo', (await write('fig1-letter', 'letter')).path)).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
    expect(run('pdfinfo', (await write('fig1-slide', 'slide')).path)).toMatch(/Page size:\s+960 x 540 pts/);
  });

  it('a page taller than wide stays upright, at 0.75 pt per pixel without a print size', async () => {
    const view = figureView(model, 'fig1')!;
    const c = exportContent(model, { title: 'Upright', panes: [{ view, positions: precomputedLayouts['figure:fig1']! }], sources: [] });
    const blob = await renderPdf(c, { label: 'Upright', width: 800, height: 1000 }, fonts);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/upright.pdf', Buffer.from(await blob.arrayBuffer()));
    expect(run('pdfinfo', 'test-results/upright.pdf')).toMatch(/Page size:\s+600 x 750 pts/);
    expect(run('pdftotext', 'test-results/upright.pdf', '-')).toContain('Upright');
  });
});

describe('export font', () => {
  it('is a TrueType font fontkit reads, covering every character the shipped graphs draw; subsets keep only what is asked', async () => {
    const fontkit = await import('fontkit');
    const full = fontkit.create(Buffer.from(fonts[400])) as import('fontkit').Font;
    expect(full.familyName).toBe('Inter');
    const text = [
      ...[...model.entities.values()].flatMap((e) => [e.label, e.name ?? '']),
      ...model.figures.flatMap((f) => [f.title, f.caption ?? '']),
      ...[...model.references.values()].map((r) => `${r.authors} ${r.title} ${r.journal}`),
    ].join('');
    const missing = [...new Set(text)].filter((c) => c.trim() && !full.hasGlyphForCodePoint(c.codePointAt(0)!));
    expect(missing).toEqual([]);
    const sub = fontkit.create(Buffer.from(subsetTtf(readTtf(fonts[400]), 'TNF-ακ−', { family: 'Inter Export' }))) as import('fontkit').Font;
    expect(sub.familyName).toBe('Inter Export');
    // .notdef, space and the seven characters.
    expect(sub.numGlyphs).toBe(9);
    for (const c of 'TNF-ακ−') {
      expect(sub.hasGlyphForCodePoint(c.codePointAt(0)!)).toBe(true);
      expect(sub.glyphForCodePoint(c.codePointAt(0)!).advanceWidth).toBe(full.glyphForCodePoint(c.codePointAt(0)!).advanceWidth);
    }
    expect(sub.hasGlyphForCodePoint('P'.codePointAt(0)!)).toBe(false);
    expect(sub.glyphForCodePoint('α'.codePointAt(0)!).path.commands.length).toBeGreaterThan(4);
  });
});
