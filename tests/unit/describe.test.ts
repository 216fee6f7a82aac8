import { describe, expect, it } from 'vitest';
import { RELATION_VERB, evidenceRows, injuryLabel, routeLabel, settingLabel } from '../../src/model/describe.ts';
import { INJURY_MODELS, RELATIONS, ROUTES, SETTINGS } from '../../src/model/schema.ts';

/** Words a reader reads: lower-case letters, spaces, hyphens and brackets; never empty. */
const WORDS = /^[a-z][a-z ()-]*[a-z)]$/;

describe('relations in words (details panel, text alternative, path steps: "A <verb> B")', () => {
  it('reads each relation the schema allows as its own words, so two statements of different relations never read alike', () => {
    const verbs = RELATIONS.map((r) => RELATION_VERB[r]);
    for (const v of verbs) expect(v).toMatch(WORDS);
    expect(new Set(verbs).size).toBe(RELATIONS.length);
    // The two relations without a direction or a result say so, and the signed ones say which way.
    expect(RELATION_VERB.regulates).toMatch(/direction not stated/);
    expect(RELATION_VERB.assessed).toMatch(/no result stated/);
    expect(RELATION_VERB.upregulates).toMatch(/^up/);
    expect(RELATION_VERB.downregulates).toMatch(/^down/);
  });
});

describe('evidence in words (details panel, text alternative, CSV)', () => {
  it('names every setting, injury model and route the filters and the CSV offer in words of its own', () => {
    for (const [codes, label] of [
      [SETTINGS, settingLabel],
      [INJURY_MODELS, injuryLabel],
      [ROUTES, routeLabel],
    ] as const) {
      const words = codes.map((c) => label(c));
      for (const w of words) expect(w).toMatch(WORDS);
      expect(new Set(words).size).toBe(codes.length);
    }
  });

  it('names settings, injuries and routes in plain words, and passes unknown codes through unchanged', () => {
    expect(settingLabel('in-vivo')).toBe('in vivo');
    expect(settingLabel('in-vitro')).toBe('in vitro');
    expect(settingLabel('patients')).toBe('patients');
    expect(settingLabel('organoid')).toBe('organoid');
    expect(injuryLabel('chemotherapy-unspecified')).toBe('chemotherapy (agent not stated)');
    expect(injuryLabel('hydrogen-peroxide')).toBe('hydrogen peroxide');
    expect(injuryLabel('natural-ageing')).toBe('natural ageing');
    expect(injuryLabel('cisplatin')).toBe('cisplatin');
    expect(injuryLabel('radiation')).toBe('radiation');
    expect(routeLabel('tail-vein')).toBe('tail vein');
    expect(routeLabel('ovarian-injection')).toBe('ovarian injection');
    expect(routeLabel('scaffold')).toBe('on a scaffold');
    expect(routeLabel('intravenous')).toBe('intravenous');
    expect(routeLabel('oral')).toBe('oral');
  });

  it('gives one row per stated detail, in a fixed order, with doses and quantities written out', () => {
    expect(
      evidenceRows({
        species: ['human', 'mouse'],
        setting: ['in-vivo', 'in-vitro'],
        injury: [
          { agent: 'cyclophosphamide', dose: { what: 'dose', value: 120, unit: 'mg/kg' } },
          { agent: 'natural-ageing' },
        ],
        route: ['tail-vein', 'co-culture'],
        quantities: [
          { what: 'cells', value: 2, unit: 'million' },
          { what: 'follicles', value: 30, unit: '%' },
        ],
        context: 'bone regeneration',
        basis: 'reference-title',
      }),
    ).toEqual([
      ['Species', 'human, mouse'],
      ['Setting', 'in vivo, in vitro'],
      ['Injury model', 'cyclophosphamide (120 mg/kg), natural ageing'],
      ['Route', 'tail vein, co-culture'],
      ['Quantities', 'cells: 2 million; follicles: 30 %'],
      ['Context', 'bone regeneration'],
      ['Basis', 'partly from the cited study’s title'],
    ]);
  });

  it('leaves out details that are absent or empty, and says nothing about a basis other than the title', () => {
    expect(evidenceRows({})).toEqual([]);
    expect(evidenceRows({ species: [], setting: [], injury: [], route: [], quantities: [] })).toEqual([]);
    expect(evidenceRows({ basis: 'review-text' })).toEqual([]);
    expect(evidenceRows({ context: 'focal brain injury' })).toEqual([['Context', 'focal brain injury']]);
    expect(evidenceRows({ setting: ['patients'] })).toEqual([['Setting', 'patients']]);
  });
});
