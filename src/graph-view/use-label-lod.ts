/**
 * Level of detail (label-lod.ts): when the zoom makes labels too small to read, the most important (higher priority
 * first) are drawn at a readable size and the rest hidden, with no two overlapping, and the source marks make room
 * for them; recomputed when the viewport settles, and when a drawing, move or restyle settles (CanvasWork.relabel).
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { BADGE_SCREEN_R, LABEL_GAP, lodLabelBox, placeMarks } from '../layout/label-room.ts';
import { markGeometry } from '../theme/decorations.ts';
import { KIND_STYLE, NODE_FONT_SIZE } from '../theme/kinds.ts';
import type { CanvasWork } from './canvas-work.ts';
import { chooseLabels, LOD_LABEL_PX, type LabelCandidate } from './label-lod.ts';
import type { MarkPlacement, SourceMark, SourceMarksLayer } from './source-marks.ts';

type Box = { x1: number; y1: number; x2: number; y2: number };

export function useLabelLod(
  cy: Core | null,
  options: {
    labelPriority: ReadonlyMap<string, number> | undefined;
    marks: ReadonlyMap<string, SourceMark> | undefined;
    layer: SourceMarksLayer | null;
    overlay: unknown;
    elements: unknown;
    drawn: unknown;
    work: CanvasWork;
  },
) {
  const { labelPriority, marks, layer, overlay, elements, drawn, work } = options;
  const priorityRef = useRef(labelPriority);
  priorityRef.current = labelPriority;
  // The font size each node's label was last given (null: none), so that a new choice restyles only the labels it
  // changes: every restyled label is measured again in the next frame, which for the whole atlas is a long task.
  const lodFonts = useRef(new Map<string, number | null>());
  useEffect(() => {
    lodFonts.current = new Map();
  }, [cy, elements]);
  const marksRef = useRef(marks);
  marksRef.current = marks;
  useEffect(() => {
    if (!cy || !drawn) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // On from an earlier run of this effect (another view or priority on the same canvas): its labels and marks
    // must be put back if the new view needs no level of detail.
    let lodOn = cy.nodes('.lod-label, .lod-hidden').nonempty();
    const apply = (): SingularElementArgument[] => {
      work.relabelDue = false;
      const priority = priorityRef.current;
      const zoom = cy.zoom();
      if (!priority || NODE_FONT_SIZE * zoom >= LOD_LABEL_PX) {
        if (!lodOn) {
          // Marks moved for labels of nodes since removed (another pair on the same canvas) go back (a no-op if none).
          layer?.place(new Map());
          return [];
        }
        lodOn = false;
        lodFonts.current = new Map();
        cy.batch(() => {
          cy.nodes().removeClass('lod-label lod-hidden');
          cy.nodes().removeStyle('font-size');
        });
        layer?.place(new Map());
        return cy.nodes().toArray();
      }
      lodOn = true;
      const font = LOD_LABEL_PX / zoom;
      const pan = cy.pan();
      const candidates: LabelCandidate[] = [];
      // Per node, in screen px: its label box at the LOD size, and where its marks go if that label is drawn.
      const placed = new Map<string, { label: Box; marks: Box[]; placement: MarkPlacement | null }>();
      const usual = new Map<string, Box[]>();
      cy.nodes().forEach((n) => {
        const p = n.renderedPosition();
        const w = (n.data('w') as number) * zoom;
        const h = (n.data('h') as number) * zoom;
        const node = { x1: p.x - w / 2, x2: p.x + w / 2, y1: p.y - h / 2, y2: p.y + h / 2 };
        const m = marksRef.current?.get(n.id());
        const mark = m?.colours.length ? m : undefined;
        const g = mark ? markGeometry(n.position('x'), n.position('y'), n.data('w') as number, n.data('h') as number, zoom, BADGE_SCREEN_R) : null;
        const toScreen = (b: Box): Box => ({ x1: b.x1 * zoom + pan.x, x2: b.x2 * zoom + pan.x, y1: b.y1 * zoom + pan.y, y2: b.y2 * zoom + pan.y });
        const badgeBox = (cx: number, cy0: number, r: number): Box => ({ x1: cx - r, x2: cx + r, y1: cy0 - r, y2: cy0 + r });
        if (g && mark) usual.set(n.id(), [toScreen(g.bar), ...(mark.shared ? [toScreen(badgeBox(g.badge.cx, g.badge.cy, g.badge.r))] : [])]);
        if (n.hasClass('off')) return;
        const bold = KIND_STYLE[n.data('kind') as keyof typeof KIND_STYLE]?.bold ?? false;
        // The same box and mark places the atlas layout keeps room for (layout/label-room.ts).
        const label = lodLabelBox(String(n.data('text') ?? ''), bold, LOD_LABEL_PX, p.x, p.y);
        let placement: MarkPlacement | null = null;
        const marks: Box[] = [];
        if (g && mark) {
          const toModel = (b: Box): Box => ({ x1: (b.x1 - pan.x) / zoom, x2: (b.x2 - pan.x) / zoom, y1: (b.y1 - pan.y) / zoom, y2: (b.y2 - pan.y) / zoom });
          const put = placeMarks(label, node, toScreen(g.bar), mark.shared ? g.badge.r * zoom : null);
          marks.push(put.bar!);
          if (put.barMoved) placement = { bar: toModel(put.bar!) };
          if (put.badge) {
            marks.push(badgeBox(put.badge.cx, put.badge.cy, put.badge.r));
            if (put.badgeMoved) placement = { ...placement, badge: { cx: (put.badge.cx - pan.x) / zoom, cy: (put.badge.cy - pan.y) / zoom, r: g.badge.r } };
          }
        }
        placed.set(n.id(), { label, marks, placement });
        candidates.push({ id: n.id(), ...label, marks, priority: priority.get(n.id()) ?? 0 });
      });
      const shown = chooseLabels(candidates, LABEL_GAP);
      // Marks of nodes whose labels are drawn go where the choice reserved room for them; the marks of the
      // others stay, unless they would sit on a drawn label.
      const drawnLabels = [...shown].map((id) => placed.get(id)!.label);
      const meets = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
      const placements = new Map<string, MarkPlacement>();
      for (const [id, boxes] of usual) {
        if (shown.has(id)) {
          const p = placed.get(id)!.placement;
          if (p) placements.set(id, p);
        } else if (boxes.some((b) => drawnLabels.some((l) => meets({ x1: b.x1 - 1, y1: b.y1 - 1, x2: b.x2 + 1, y2: b.y2 + 1 }, l)))) placements.set(id, { hidden: true });
      }
      const fonts = lodFonts.current;
      const changed: SingularElementArgument[] = [];
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          const on = shown.has(n.id());
          const had = n.hasClass('lod-label') && !n.hasClass('lod-hidden');
          // Only classes that change are toggled: Cytoscape's toggleClass(c, on) restyles the element even when it
          // already has (or lacks) the class (collection/class.mjs), and a style bypass always restyles. A new
          // choice equal to the last one then restyles nothing, and the next frame measures no label again.
          if (n.hasClass('lod-label') !== on) n.toggleClass('lod-label', on);
          if (n.hasClass('lod-hidden') === on) n.toggleClass('lod-hidden', !on);
          const want = on ? font : null;
          if (fonts.has(n.id()) && fonts.get(n.id()) === want) {
            if (had !== on) changed.push(n);
            return;
          }
          fonts.set(n.id(), want);
          if (on) n.style('font-size', font);
          else n.removeStyle('font-size');
          changed.push(n);
        });
      });
      // Drawn labels, in model coordinates, that the marks layer keeps outlines off.
      const toModel = (b: Box): Box => ({ x1: (b.x1 - pan.x) / zoom, x2: (b.x2 - pan.x) / zoom, y1: (b.y1 - pan.y) / zoom, y2: (b.y2 - pan.y) / zoom });
      layer?.place(placements, drawnLabels.map(toModel));
      return changed;
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // While a drawing, move or restyle is under way, it chooses labels as it settles, computing their restyles
        // ahead with its own (a move's viewport animation ends here while its edges are being computed): choosing
        // now would restyle them into the frame that shows it. Asked again later, in case the reader moved since.
        if (work.busy) schedule();
        else apply();
      }, 120);
    };
    cy.on('viewport', schedule);
    work.relabel = apply;
    // A drawing, move or restyle to come or under way chooses labels when it settles (setBusy), for what it
    // leaves on screen: choosing now would restyle labels for a picture about to change. It may have chosen them
    // already (before showing its drawing), without what this run brings: it must choose again.
    if (!work.busy) apply();
    else work.relabelDue = true;
    return () => {
      clearTimeout(timer);
      work.relabel = null;
      cy.off('viewport', schedule);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `work` is stable; priority and marks are read from refs when labels are chosen
  }, [cy, drawn, labelPriority, overlay, layer, marks]);
}
