/**
 * Evidence table: one row per statement and reference, for spreadsheets and meta-analysis (RFC 4180 CSV), in
 * UTF-8 with a byte-order mark (without it Excel reads TNF-α as "TNF-Î±"), with the entities' CURIEs and the
 * references' DOI and PMID, and guarded against formula injection. Each row carries the evidence of its own
 * reference: what holds for every reference plus that reference's own details.
 */
import { injuryLabel, routeLabel, settingLabel } from '../model/describe.ts';
import { evidenceFor } from '../model/evidence.ts';
import type { Model } from '../model/types.ts';
import type { GraphView } from '../model/view.ts';
import { shortCitation } from '../model/xref.ts';

export const CSV_HEADER = [
  'edge_id',
  'source',
  'relation',
  'sign',
  'target',
  'source_kind',
  'target_kind',
  'source_curies',
  'target_curies',
  'figure',
  'msc_sources',
  'reference',
  'citation',
  'reference_doi',
  'reference_pmid',
  /** The date a journal retracted the reference (after the review), empty otherwise. */
  'reference_retracted',
  'species',
  'setting',
  'injury_model',
  'route',
  'quantities',
  'context',
  'evidence_basis',
  'section',
  'note',
] as const;

/** UTF-8 byte-order mark: tells Excel (and LibreOffice's import) the file is UTF-8. */
export const BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (it starts with = + - @, or a tab or carriage return that some
 * strip first) is prefixed with an apostrophe, as OWASP recommends: the text shows, nothing is evaluated.
 */
export function guardFormula(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function csvField(v: string): string {
  const g = guardFormula(v);
  return /[",\n\r]/.test(g) ? `"${g.replace(/"/g, '""')}"` : g;
}

export function evidenceCsv(model: Model, view: GraphView): string {
  const rows: string[][] = [];
  const ent = (id: string) => model.entities.get(id);
  for (const e of view.edges) {
    for (const s of e.supports) {
      const refs = s.edge.refs.length ? s.edge.refs : [undefined];
      for (const n of refs) {
        // A detail recorded for one reference only appears on that reference's row.
        const ev = evidenceFor(s.edge, n);
        const ref = n ? model.references.get(n) : undefined;
        rows.push([
          e.id,
          ent(e.source)?.label ?? e.source,
          e.relation,
          e.sign,
          ent(e.target)?.label ?? e.target,
          ent(e.source)?.kind ?? '',
          ent(e.target)?.kind ?? '',
          (ent(e.source)?.xrefs ?? []).join('; '),
          (ent(e.target)?.xrefs ?? []).join('; '),
          model.figures.find((f) => f.id === s.figure)?.label ?? s.figure,
          s.sources.map((x) => ent(x)?.label ?? x).join('; '),
          n ? String(n) : '',
          ref ? shortCitation(ref) : 'uncited',
          ref?.doi ?? '',
          ref?.pmid ?? '',
          ref?.retracted?.date ?? '',
          (ev.species ?? []).join('; '),
          (ev.setting ?? []).map(settingLabel).join('; '),
          (ev.injury ?? []).map((i) => injuryLabel(i.agent) + (i.dose ? ` ${i.dose.value} ${i.dose.unit}` : '')).join('; '),
          (ev.route ?? []).map(routeLabel).join('; '),
          (ev.quantities ?? []).map((q) => `${q.what}: ${q.value} ${q.unit}`).join('; '),
          ev.context ?? '',
          ev.basis ?? 'review-text',
          s.edge.section,
          s.edge.note,
        ]);
      }
    }
  }
  return BOM + [CSV_HEADER.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\r\n') + '\r\n';
}
