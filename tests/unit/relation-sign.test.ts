import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELATION_SIGN, RELATIONS, type Sign } from '../../src/model/schema.ts';

/**
 * The README tells authors which relations increase, decrease or carry no sign ("`relation` has a fixed sign:
 * *a, b* increase; *c, d* decrease; *e, f* carry no sign; *regulates* links two things ..."). The drawing, the
 * filters and the exports use RELATION_SIGN: both must say the same for every relation.
 */
function readmeSigns(): Map<string, Sign> {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const start = readme.indexOf('`relation` has a fixed sign:');
  expect(start, 'README describes the relations’ signs').toBeGreaterThan(-1);
  const paragraph = readme.slice(start, readme.indexOf('\n- ', start)).replace(/\s+/g, ' ');
  const signs = new Map<string, Sign>();
  const phrases: [RegExp, Sign][] = [
    [/^increase\b/, 'increase'],
    [/^decrease\b/, 'decrease'],
    [/^carry no sign\b/, 'neutral'],
    [/^links two things\b/, 'neutral'],
  ];
  for (const m of paragraph.matchAll(/\*([^*]+)\*\s*([^;.*]*)/g)) {
    const [, list, after] = m as unknown as [string, string, string];
    const sign = phrases.find(([re]) => re.test(after.trim()))?.[1];
    if (!sign) continue;
    for (const relation of list.split(',').map((r) => r.trim())) {
      expect(signs.has(relation), `${relation} named twice in the README`).toBe(false);
      signs.set(relation, sign);
    }
  }
  return signs;
}

describe('relation signs', () => {
  it('README’s table names every relation once, with the sign the code gives it', () => {
    const readme = readmeSigns();
    expect([...readme.keys()].sort()).toEqual([...RELATIONS].sort());
    for (const r of RELATIONS) expect(RELATION_SIGN[r], r).toBe(readme.get(r));
  });

  it('has a sign for exactly the relations of the schema', () => {
    expect(Object.keys(RELATION_SIGN).sort()).toEqual([...RELATIONS].sort());
    expect(RELATION_SIGN.downregulates).toBe('decrease');
    expect(RELATION_SIGN.upregulates).toBe('increase');
  });
});
