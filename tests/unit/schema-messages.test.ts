import { describe, expect, it } from 'vitest';
import { validateGraphs } from '../../src/model/validate.ts';
import { entities, figure, files, references } from '../helpers/fixtures.ts';

/**
 * A value of the wrong shape is refused with a message that says what shape is wanted, with an example, at the
 * place of the value: the author fixes it from the message alone.
 */
const messagesAt = (parts: Parameters<typeof files>[0]) => validateGraphs(files(parts)).errors.map((e) => `${e.file} ${e.path}: ${e.message}`);

describe('what the validator asks for when a value has the wrong shape', () => {
  it('an id in kebab-case', () => {
    const ents = entities();
    ents.entities[3]!.id = 'Gene_Y';
    expect(messagesAt({ entities: ents })).toContain('entities.json $.entities[3].id: must be lower-case kebab-case, e.g. "mir-21" or "pi3k-akt"');
  });

  it('a cross-reference as a CURIE of a known database', () => {
    const ents = entities();
    ents.entities[2]!.xrefs = ['HGNC4893'];
    expect(messagesAt({ entities: ents })).toContain(
      'entities.json $.entities[2].xrefs[0]: must be a CURIE with a known prefix (HGNC, UniProt, miRBase, CL, GO, UBERON, CHEBI, MESH) and a well-formed id, e.g. HGNC:4893',
    );
  });

  it('a bare DOI for an article and for its retraction notice', () => {
    const refs = references() as { references: Record<string, unknown>[] };
    refs.references[0]!.doi = 'https://doi.org/10.1186/x';
    refs.references[1]!.retracted = { date: '2022-10-13', notice: 'doi:10.1186/y' };
    const messages = messagesAt({ references: refs });
    expect(messages).toContain('references.json $.references[0].doi: must be a bare DOI such as 10.1186/s13287-021-02212-0');
    expect(messages).toContain('references.json $.references[1].retracted.notice: must be a bare DOI such as 10.1186/s13287-022-03173-8');
  });

  it('a PubMed id of digits alone, and a retraction date written year-month-day', () => {
    const refs = references() as { references: Record<string, unknown>[] };
    refs.references[0]!.pmid = 'PMID:30257708';
    refs.references[1]!.retracted = { date: '13 October 2022' };
    const messages = messagesAt({ references: refs });
    expect(messages).toContain('references.json $.references[0].pmid: must be a PubMed id: digits only, such as 30257708');
    expect(messages).toContain('references.json $.references[1].retracted.date: must be a date such as 2022-10-13');
  });

  it('details per reference keyed by a reference number', () => {
    const f = figure();
    (f.edges[1] as Record<string, unknown>).evidenceByRef = { r2: { route: ['intravenous'] } };
    expect(messagesAt({ figures: { 'figures/f1.json': f } })).toContain('figures/f1.json $.edges[1].evidenceByRef.r2: must be a reference number of the edge, e.g. "126"');
  });
});
