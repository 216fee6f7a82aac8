/** The shipped model in parts: each figure's own file, the whole for the atlas, and merging them back. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { figurePart, modelFromPart, splitModel, surroundingsFromJson, surroundingsToJson, withAtlas, withPart, type FigurePartJson } from '../../src/data/model-parts.ts';
import { surroundings } from '../../src/model/surroundings.ts';
import type { ModelJson } from '../../src/data/model-json.ts';
import { isComplete } from '../../src/model/types.ts';
import { atlasView, figureView, sideView, sourceIds } from '../../src/model/view.ts';
import { shippedModel } from '../helpers/model.ts';

const full = shippedModel();
// Through JSON, as the browser receives them: no object is shared with the whole model.
const { parts, atlas } = splitModel(full);
const json = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const part = (id: string) => json(parts.get(id)!) as FigurePartJson;
const atlasJson = () => json(atlas) as ModelJson;

describe('one part per figure', () => {
  it('has a part for every review figure, each much smaller than the whole as sent (gzipped)', () => {
    expect([...parts.keys()]).toEqual(full.figures.map((f) => f.id));
    const whole = gzipSync(JSON.stringify(atlas)).length;
    for (const [id, p] of parts) expect(gzipSync(JSON.stringify(p)).length, id).toBeLessThan(whole / 2);
  });

  it.each(full.figures.map((f) => f.id))('%s: its part draws the same figure view, with every entity and reference it cites', (id) => {
    const model = modelFromPart(part(id));
    expect(figureView(model, id)).toEqual(figureView(full, id));
    const view = figureView(full, id)!;
    for (const n of view.edges.flatMap((e) => e.refs)) expect(model.references.get(n)).toEqual(full.references.get(n));
    for (const e of view.edges) for (const s of e.sources) expect(model.entities.get(s)).toEqual(full.entities.get(s));
    // The list of figures and the order of sources are the whole model's.
    expect(model.figures.map((f) => [f.id, f.label, f.title, f.sources])).toEqual(full.figures.map((f) => [f.id, f.label, f.title, f.sources]));
    expect(sourceIds(model)).toEqual(sourceIds(full));
    expect([...model.pending!].sort()).toEqual(full.figures.map((f) => f.id).filter((f) => f !== id).sort());
    expect(isComplete(model)).toBe(false);
  });

  it('carries, for a figure about several sources only, what every figure states about its entities, and reads it back as it was', () => {
    for (const f of full.figures) {
      const around = part(f.id).around;
      if (f.sources.length < 2) {
        expect(around, f.id).toBeUndefined();
        continue;
      }
      const whole = surroundings(full, f.id);
      expect(surroundingsFromJson(around!), f.id).toEqual(whole);
      expect(modelFromPart(part(f.id)).around).toEqual(new Map([[f.id, whole]]));
    }
    // Fig. 7's: statements of other figures, combinations' and with evidence per reference among them (each form
    // of the file's statements written and read).
    const fig7 = surroundings(full, 'fig7');
    const statements = fig7.edges.flatMap((e) => e.supports);
    expect(new Set(statements.map((s) => s.figure)).size).toBeGreaterThan(5);
    expect(statements.some((s) => s.combination)).toBe(true);
    expect(statements.some((s) => s.edge.evidenceByRef && !s.combination)).toBe(true);
    expect(statements.some((s) => !s.edge.evidenceByRef && !s.combination)).toBe(true);
    expect(fig7.cellFree.length).toBeGreaterThan(0);
    expect(surroundingsFromJson(json(surroundingsToJson(fig7)))).toEqual(fig7);
    // Only what the filters read is kept of each statement.
    for (const s of statements) {
      expect(s.edge.note).toBe('');
      for (const e of [s.edge.evidence, ...Object.values(s.edge.evidenceByRef ?? {})]) for (const k of Object.keys(e)) expect(['species', 'setting', 'injury']).toContain(k);
    }
  });

  it('names the members of a combination the figure shows', () => {
    const model = modelFromPart(part('fig5'));
    const combination = [...model.entities.values()].find((e) => e.kind === 'combination');
    expect(combination).toBeDefined();
    for (const m of combination!.members!) expect(model.entities.has(m)).toBe(true);
  });

  it('refuses to build what it does not have: another figure, the atlas, a source across figures', () => {
    const model = modelFromPart(part('fig1'));
    expect(() => figureView(model, 'fig2')).toThrow(/fig2 needs data that is not loaded yet/);
    expect(() => atlasView(model)).toThrow(/The atlas needs data that is not loaded yet/);
    expect(() => sideView(model, { type: 'source', id: 'hbmmsc' })).toThrow(/^The statements of hbmmsc needs data that is not loaded yet$/);
    expect(() => figurePart(full, 'nope')).toThrow(/no figure nope/);
  });
});

describe('merging parts back', () => {
  it('adds a figure part: that figure is drawn as from the whole, the first stays the same object', () => {
    const start = modelFromPart(part('fig1'));
    const both = withPart(start, part('table2'));
    expect(figureView(both, 'table2')).toEqual(figureView(full, 'table2'));
    expect(both.figures[0]).toBe(start.figures[0]);
    expect(both.pending!.has('table2')).toBe(false);
    expect(both.pending!.size).toBe(full.figures.length - 2);
    // A part already there changes nothing.
    expect(withPart(both, part('table2'))).toBe(both);
  });

  it('keeps what each loaded figure carries about the others until the whole model is in', () => {
    const start = modelFromPart(part('fig1'));
    expect(start.around).toBeUndefined();
    const both = withPart(withPart(start, part('fig7')), part('other'));
    expect([...both.around!.keys()]).toEqual(['fig7', 'other']);
    expect(both.around!.get('fig7')).toEqual(surroundings(full, 'fig7'));
    expect(withPart(both, part('fig2')).around).toBe(both.around);
    expect(withAtlas(both, atlasJson()).around).toBeUndefined();
  });

  it('every part together draws the whole atlas', () => {
    let model = modelFromPart(part('fig1'));
    for (const id of parts.keys()) model = withPart(model, part(id));
    expect(isComplete(model)).toBe(true);
    expect(atlasView(model)).toEqual(atlasView(full));
  });

  it('the whole model on top of a part equals the whole, keeping the loaded figure and entities as they were', () => {
    const start = modelFromPart(part('fig2'));
    const merged = withAtlas(start, atlasJson());
    expect(isComplete(merged)).toBe(true);
    expect(merged.pending).toBeUndefined();
    expect(merged.sourceOrder).toBeUndefined();
    expect([...merged.entities.keys()]).toEqual([...full.entities.keys()]);
    expect([...merged.references.keys()]).toEqual([...full.references.keys()]);
    expect([...merged.entities.values()]).toEqual([...full.entities.values()]);
    expect(merged.figures).toEqual(full.figures);
    expect(merged.figures[1]).toBe(start.figures[1]);
    const pten = figureView(start, 'fig2')!.nodes[0]!.entity;
    expect(merged.entities.get(pten.id)).toBe(pten);
    expect(atlasView(merged)).toEqual(atlasView(full));
    // A whole model stays as it is.
    expect(withAtlas(merged, atlasJson())).toBe(merged);
    expect(withPart(merged, part('fig3'))).toBe(merged);
  });
});
