/** Evidence table: one row per statement and reference, for spreadsheets and meta-analysis (RFC 4180 CSV). */
import { injuryLabel, routeLabel, settingLabel } from '../model/describe.ts';
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
  'figure',
  'msc_sources',
  'reference',
  'citation',
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

export function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function evidenceCsv(model: Model, view: GraphView): string {
  const rows: string[][] = [];
  const ent = (id: string) => model.entities.get(id);
  for (const e of view.edges) {
    for (const s of e.supports) {
      const ev = s.edge.evidence;
      const refs = s.edge.refs.length ? s.edge.refs : [undefined];
      for (const n of refs) {
        const ref = n ? model.references.get(n) : undefined;
        rows.push([
          e.id,
          ent(e.source)?.label ?? e.source,
          e.relation,
          e.sign,
          ent(e.target)?.label ?? e.target,
          ent(e.source)?.kind ?? '',
          ent(e.target)?.kind ?? '',
          model.figures.find((f) => f.id === s.figure)?.label ?? s.figure,
          s.sources.map((x) => ent(x)?.label ?? x).join('; '),
          n ? String(n) : '',
          ref ? shortCitation(ref) : 'uncited',
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
  return [CSV_HEADER.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\r\n') + '\r\n';
}
