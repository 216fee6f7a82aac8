/** What an exported figure shows for the current view: panes, legend, and the source line with references. */
import type { Positions } from '../layout/types.ts';
import { filtersActive, type Filters } from '../model/overlay.ts';
import type { Model } from '../model/types.ts';
import type { GraphView } from '../model/view.ts';
import type { Decorations } from '../theme/decorations.ts';
import { legendItems } from '../theme/legend-items.ts';
import { numberRanges, type ExportContent } from './compose.ts';
import { retractedAmong } from '../model/retraction.ts';
import { buildScene } from './scene.ts';

export interface PaneInput {
  label?: string;
  view: GraphView;
  positions: Positions;
  decorations?: Decorations;
}

export function describeFilters(f: Filters): string {
  const parts: string[] = [];
  if (f.cellFree) parts.push('cell-free mechanisms only');
  if (f.signs.length) parts.push(`sign: ${f.signs.join(' or ')}`);
  if (f.species.length) parts.push(`species: ${f.species.join(' or ')}`);
  if (f.settings.length) parts.push(`setting: ${f.settings.join(' or ')}`);
  if (f.injuries.length) parts.push(`injury model: ${f.injuries.join(' or ')}`);
  return parts.join('; ');
}

/** " Retracted since the review: 57 (2022), 59 (2022)." for the cited references a journal has retracted. */
export function retractedText(model: Model, refs: Iterable<number>): string {
  const retracted = retractedAmong(refs, model.references);
  if (!retracted.length) return '';
  const list = retracted.map((n) => `${n} (${model.references.get(n)!.retracted!.date.slice(0, 4)})`).join(', ');
  return ` Retracted since the review: ${list}.`;
}

export function exportContent(
  model: Model,
  opts: {
    title: string;
    caption?: string;
    panes: PaneInput[];
    sources: { id: string; colour: string }[];
    /** Compare: each side's colour, named in the legend. */
    sides?: { label: string; colour: string }[];
    filters?: Filters;
    onlyShown?: boolean;
  },
): ExportContent {
  const refs = opts.panes.flatMap((p) =>
    p.view.edges.filter((e) => !p.decorations?.edges.get(e.id)?.dim).flatMap((e) => [...e.refs]),
  );
  // The legend lists what is drawn.
  const union: GraphView = {
    ...opts.panes[0]!.view,
    nodes: opts.panes.flatMap((p) => p.view.nodes.filter((n) => !opts.onlyShown || !p.decorations?.nodes.get(n.id)?.dim)),
    edges: opts.panes.flatMap((p) => p.view.edges.filter((e) => !p.decorations?.edges.get(e.id)?.dim)),
  };
  const filterText = opts.filters && filtersActive(opts.filters) ? ` Filters: ${describeFilters(opts.filters)}.` : '';
  return {
    title: opts.title,
    ...(opts.caption ? { caption: opts.caption } : {}),
    panes: opts.panes.map((p) => ({ ...(p.label ? { label: p.label } : {}), scene: buildScene(p.view, p.positions, p.decorations, opts.onlyShown) })),
    legend: legendItems(union),
    sources: [
      ...opts.sources.map((s) => ({ label: `${model.entities.get(s.id)?.label ?? s.id} — ${model.entities.get(s.id)?.tissue ?? ''}`, colour: s.colour })),
      ...(opts.sides ?? []),
      ...(opts.sides?.length === 2 ? [{ label: 'Both', colour: opts.sides[0]!.colour, second: opts.sides[1]!.colour }] : []),
    ],
    sourceLine:
      `Source: Fu YX, Ji J, Shan F, Li J, Hu R. Stem Cell Res Ther 2021;12:161, doi:${model.review.doi} (${model.review.licence}); redrawn with MSC–POF Atlas.` +
      ` References cited (numbers as in the review): ${numberRanges(refs) || 'none'}.${retractedText(model, refs)}${filterText}`,
  };
}
