/** Words for relations and evidence, shared by the details panel, the text alternative and the exports. */
import type { Evidence, Relation } from './schema.ts';

export const RELATION_VERB: Record<Relation, string> = {
  secretes: 'secretes',
  expresses: 'expresses',
  delivers: 'delivers',
  upregulates: 'up-regulates',
  downregulates: 'down-regulates',
  activates: 'activates',
  inhibits: 'inhibits',
  promotes: 'promotes',
  reduces: 'reduces',
  regulates: 'acts on (direction not stated)',
  'differentiates-into': 'differentiates into',
  'homes-to': 'homes to',
  'has-property': 'has the property',
  pretreats: 'pretreats',
  'combines-with': 'is combined with',
  'part-of': 'is part of',
  'raises-concern': 'raises the concern',
  assessed: 'assessed for (no result stated)',
};

const SETTING_LABEL: Record<string, string> = { 'in-vivo': 'in vivo', 'in-vitro': 'in vitro', patients: 'patients' };
const INJURY_LABEL: Record<string, string> = {
  cyclophosphamide: 'cyclophosphamide',
  cisplatin: 'cisplatin',
  paclitaxel: 'paclitaxel',
  epirubicin: 'epirubicin',
  'chemotherapy-unspecified': 'chemotherapy (agent not stated)',
  'hydrogen-peroxide': 'hydrogen peroxide',
  autoimmune: 'autoimmune',
  'natural-ageing': 'natural ageing',
  other: 'other',
};
const ROUTE_LABEL: Record<string, string> = {
  intravenous: 'intravenous',
  'tail-vein': 'tail vein',
  'ovarian-injection': 'ovarian injection',
  'co-culture': 'co-culture',
  scaffold: 'on a scaffold',
};

export const settingLabel = (s: string) => SETTING_LABEL[s] ?? s;
export const injuryLabel = (s: string) => INJURY_LABEL[s] ?? s;
export const routeLabel = (s: string) => ROUTE_LABEL[s] ?? s;

export function evidenceRows(e: Evidence): [string, string][] {
  const rows: [string, string][] = [];
  if (e.species?.length) rows.push(['Species', e.species.join(', ')]);
  if (e.setting?.length) rows.push(['Setting', e.setting.map(settingLabel).join(', ')]);
  if (e.injury?.length)
    rows.push([
      'Injury model',
      e.injury.map((i) => injuryLabel(i.agent) + (i.dose ? ` (${i.dose.value} ${i.dose.unit})` : '')).join(', '),
    ]);
  if (e.route?.length) rows.push(['Route', e.route.map(routeLabel).join(', ')]);
  if (e.quantities?.length) rows.push(['Quantities', e.quantities.map((q) => `${q.what}: ${q.value} ${q.unit}`).join('; ')]);
  if (e.context) rows.push(['Context', e.context]);
  if (e.basis === 'reference-title') rows.push(['Basis', 'partly from the cited study’s title']);
  return rows;
}
