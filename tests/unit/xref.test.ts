/**
 * Every CURIE of every entity links through Bioregistry with a prefix Bioregistry knows, and its local id has
 * the shape Bioregistry's record says. The records are Bioregistry's own registry data for the prefixes we use
 * (tests/fixtures/bioregistry/prefixes.json, with the commit they were copied from).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bioregistryCurie, xrefLinks, xrefUrl } from '../../src/model/xref.ts';
import { shippedModel } from '../helpers/model.ts';

interface BioregistryRecord {
  pattern?: string;
  synonyms?: string[];
  obofoundry?: { preferredPrefix?: string };
  biocontext?: { prefix?: string };
  miriam?: { prefix: string; pattern: string; namespaceEmbeddedInLui: boolean };
}

const fixture = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/bioregistry/prefixes.json'), 'utf8')) as {
  records: Record<string, BioregistryRecord>;
};
const records = fixture.records;

/** The Bioregistry record a link prefix names: by its key, or by a spelling the record lists for itself. */
function recordFor(prefix: string): [string, BioregistryRecord] | undefined {
  for (const [key, rec] of Object.entries(records)) {
    const spellings = [key, rec.obofoundry?.preferredPrefix, rec.biocontext?.prefix, ...(rec.synonyms ?? [])];
    if (spellings.includes(prefix)) return [key, rec];
  }
  return undefined;
}

/** Does the local id have the shape the record gives (its own pattern, else MIRIAM's, with the prefix when embedded)? */
function matchesPattern(rec: BioregistryRecord, prefix: string, local: string): boolean {
  const anchored = (p: string) => new RegExp(p.startsWith('^') ? p : `^(?:${p})$`);
  if (rec.pattern) return anchored(rec.pattern).test(local);
  const m = rec.miriam!;
  return anchored(m.pattern).test(m.namespaceEmbeddedInLui ? `${prefix.toUpperCase()}:${local}` : local);
}

const entities = [...shippedModel().entities.values()];
const curies = entities.flatMap((e) => e.xrefs.map((x) => ({ entity: e.id, curie: x })));

describe('identifier links through Bioregistry', () => {
  it('covers every entity of graphs/entities.json', () => {
    expect(entities.length).toBeGreaterThanOrEqual(202);
    expect(curies.length).toBeGreaterThan(200);
  });

  it('gives every CURIE a Bioregistry link whose prefix is in Bioregistry and whose id has the registered shape', () => {
    const bad: string[] = [];
    for (const { entity, curie } of curies) {
      const links = xrefLinks(curie);
      if (!links) {
        bad.push(`${entity} ${curie}: no link`);
        continue;
      }
      const m = /^https:\/\/bioregistry\.io\/([^:/]+):(.+)$/.exec(links.bioregistry);
      if (!m) {
        bad.push(`${entity} ${curie}: ${links.bioregistry} is not a bioregistry.io/PREFIX:ID link`);
        continue;
      }
      const [, prefix, local] = m as unknown as [string, string, string];
      const found = recordFor(prefix);
      if (!found) bad.push(`${entity} ${curie}: prefix ${prefix} is not in Bioregistry's records`);
      else if (!matchesPattern(found[1], found[0], local)) bad.push(`${entity} ${curie}: ${local} does not match ${found[0]}'s pattern`);
    }
    expect(bad).toEqual([]);
  });

  it('every prefix in use has its Bioregistry record kept in the fixture', () => {
    const used = new Set(curies.map(({ curie }) => recordFor(xrefLinks(curie)!.curie.split(':')[0]!)?.[0]));
    expect(used.has(undefined)).toBe(false);
    expect(used.size).toBeGreaterThanOrEqual(7);
  });

  it('names mature miRNAs mirbase.mature and precursors mirbase', () => {
    expect(xrefUrl('miRBase:MIMAT0000076')).toBe('https://bioregistry.io/mirbase.mature:MIMAT0000076');
    expect(xrefUrl('miRBase:MI0000077')).toBe('https://bioregistry.io/mirbase:MI0000077');
    expect(bioregistryCurie('miRBase:MIMAT0000076')).toBe('mirbase.mature:MIMAT0000076');
    expect(recordFor('mirbase.mature')?.[0]).toBe('mirbase.mature');
    expect(matchesPattern(records['mirbase.mature']!, 'mirbase.mature', 'MI0000077')).toBe(false);
  });

  it('links ChEBI through Bioregistry as CHEBI and to ChEBI’s current entry page, not the retired searchId.do', () => {
    const links = xrefLinks('CHEBI:16469')!;
    expect(links.bioregistry).toBe('https://bioregistry.io/CHEBI:16469');
    expect(links.page.href).toBe('https://www.ebi.ac.uk/chebi/CHEBI:16469');
    expect(links.page.href).not.toContain('searchId.do');
  });

  it('keeps a link to each database’s own page, over https', () => {
    for (const { curie } of curies) {
      const links = xrefLinks(curie)!;
      expect(links.page.href).toMatch(/^https:\/\//);
      expect(links.page.href).toContain(curie.split(':')[1]!);
    }
  });

  it('gives nothing for an unknown prefix or a bare word', () => {
    expect(xrefLinks('FOO:1')).toBeUndefined();
    expect(xrefLinks('HGNC')).toBeUndefined();
    expect(xrefLinks('__proto__:1')).toBeUndefined();
  });
});
