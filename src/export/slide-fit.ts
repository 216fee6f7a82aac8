/**
 * Slides and pages that can be read from the back of a room: node labels at least SLIDE_LABEL_PX on a 1920 × 1080
 * slide (scaled with the page's area on other pages), the drawing fitted to the free part of the page. A view
 * whose drawing is too big for that is laid out afresh for the page's shape; if even that is too big, only the
 * entities that matter most are kept (cell sources, what two or more sources act on, outcomes, then the most
 * connected), and the caller says so. Pure: the export dialog supplies the ways to build each attempt.
 */
import type { GraphView } from '../model/view.ts';
import { labelPx, panePlacements, type ExportContent, type Frame } from './compose.ts';

/** Smallest node label on a slide, in px of a 1920 × 1080 frame (issue #9: readable from the back of a room). */
export const SLIDE_LABEL_PX = 14;

/** Width / height of the free box a one-pane drawing is fitted into, in this frame. */
export function freeAspect(c: ExportContent, frame: Frame): number {
  const box = panePlacements(c, frame)[0]!.box;
  return box.w / Math.max(box.h, 1);
}

/** Labels of SLIDE_LABEL_PX or more, to the millionth of a pixel (sizes worked out to be 14 may come a hair under). */
export const readableOn = (c: ExportContent, frame: Frame) => Math.round(labelPx(c, frame) * 1e6) >= SLIDE_LABEL_PX * 1e6;

export interface PageFit {
  content: ExportContent;
  /** Laid out afresh for the page, not as on screen. */
  relaid: boolean;
  /** Only `count` of the `of` entities in play are shown. */
  shown?: { count: number; of: number };
}

export interface FitOptions {
  /** The view as the screen has it; `aspect` is the page's free box (views laid out compactly take its shape). */
  asShown: (aspect: number) => ExportContent;
  /** `asShown` is itself laid out for the page (the atlas's and the difference diagram's compact layouts). */
  asShownRelaid: boolean;
  /** Everything in play laid out afresh for a box of this shape, when the screen's own layout is too big. */
  relayout?: (aspect: number) => ExportContent;
  /** Only these entities, laid out afresh. */
  subset: (keep: ReadonlySet<string>, aspect: number) => ExportContent;
  /** The entities in play, most important first (see entityPriority). */
  priority: readonly string[];
}

/** The first of: as shown, laid out afresh, the most important entities only, whose labels are readable on the page. */
export function fitPage(frame: Frame, o: FitOptions): PageFit {
  let c = o.asShown(1.75);
  const aspect = freeAspect(c, frame);
  if (o.asShownRelaid) c = o.asShown(aspect);
  if (readableOn(c, frame)) return { content: c, relaid: o.asShownRelaid };
  // A drawing laid out afresh has one pane, whatever the view had (twin compare panes): its own free box's shape.
  const one = (build: (aspect: number) => ExportContent) => build(freeAspect(build(1.75), frame));
  if (o.relayout) {
    const r = one(o.relayout);
    if (readableOn(r, frame)) return { content: r, relaid: true };
  }
  // The largest number of entities, taken in order of importance, whose compact layout is readable (fewer
  // entities never make labels smaller, so a binary search finds it).
  const subsetAspect = freeAspect(o.subset(new Set(o.priority), 1.75), frame);
  const take = (k: number) => o.subset(new Set(o.priority.slice(0, k)), subsetAspect);
  let lo = 1;
  let hi = o.priority.length;
  let best = take(1);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const m = take(mid);
    if (readableOn(m, frame)) {
      lo = mid;
      best = m;
    } else hi = mid - 1;
  }
  return { content: best, relaid: true, shown: { count: lo, of: o.priority.length } };
}

/**
 * Entities in play, most important first: cell sources (and combinations given as treatments), then those two or
 * more sources act on (`shared`) and the ovarian outcomes, then the rest by how many shown relations they have.
 */
export function entityPriority(view: GraphView, inPlay: ReadonlySet<string>, shared: (id: string) => boolean): string[] {
  const degree = new Map<string, number>();
  for (const e of view.edges)
    if (inPlay.has(e.source) && inPlay.has(e.target)) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const rank = (n: GraphView['nodes'][number]) =>
    n.entity.kind === 'msc-source' || n.entity.kind === 'combination' ? 3 : shared(n.id) || n.entity.kind === 'ovarian-outcome' ? 2 : 1;
  return view.nodes
    .filter((n) => inPlay.has(n.id))
    .sort((a, b) => rank(b) - rank(a) || (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.id.localeCompare(b.id))
    .map((n) => n.id);
}

/** The view with only these entities and the relations between them. */
export function subsetView(view: GraphView, keep: ReadonlySet<string>): GraphView {
  return { ...view, nodes: view.nodes.filter((n) => keep.has(n.id)), edges: view.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
}
