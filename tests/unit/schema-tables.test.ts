import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS, KIND_LABEL, KIND_PARTITION } from '../../src/model/schema.ts';

/**
 * The tables the data contract gives each kind of entity: the name shown in legends, filters and search, and the
 * column it takes when a figure is laid out left to right.
 */
describe('what each kind of entity is called and where it stands', () => {
  it('every kind has its own name, written as a reader sees it', () => {
    expect(Object.keys(KIND_LABEL).sort()).toEqual([...ENTITY_KINDS].sort());
    const names = ENTITY_KINDS.map((k) => KIND_LABEL[k]);
    expect(new Set(names).size).toBe(ENTITY_KINDS.length);
    for (const name of names) expect(name).toMatch(/^(?:[A-Z][a-zA-Z ]+|miRNA)$/);
    expect(KIND_LABEL['msc-source']).toBe('MSC source');
    expect(KIND_LABEL.mirna).toBe('miRNA');
    expect(KIND_LABEL['anatomical-site']).toBe('Site');
    expect(KIND_LABEL.challenge).toBe('Open problem');
  });

  it('a figure reads left to right: the cells, what they are, what they release, the signals, the processes, the ovary', () => {
    expect(Object.keys(KIND_PARTITION).sort()).toEqual([...ENTITY_KINDS].sort());
    const column = (k: keyof typeof KIND_PARTITION) => KIND_PARTITION[k];
    expect(column('msc-source')).toBe(0);
    expect(column('intervention')).toBe(column('msc-source'));
    // A combination stands with the cells' traits, after the sources it combines.
    expect(column('combination')).toBe(column('marker'));
    expect(column('msc-property')).toBe(column('marker'));
    expect(column('marker')).toBeLessThan(column('secreted-factor'));
    expect(column('vesicle')).toBe(column('secreted-factor'));
    expect(column('secreted-factor')).toBeLessThan(column('mirna'));
    for (const k of ['gene-or-protein', 'pathway', 'immune-cell', 'cytokine'] as const) expect(column(k)).toBe(column('mirna'));
    expect(column('mirna')).toBeLessThan(column('cellular-process'));
    expect(column('cell-type')).toBe(column('cellular-process'));
    expect(column('cellular-process')).toBeLessThan(column('ovarian-outcome'));
    expect(column('hormone')).toBe(column('ovarian-outcome'));
    expect(column('challenge')).toBe(column('ovarian-outcome'));
  });
});
