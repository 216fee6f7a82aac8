/**
 * From decorations (theme/decorations.ts) to per-element classes and data for the stylesheet (dimmed elements,
 * edges striped in their sources' colours, path highlights) and to the source marks drawn over the nodes.
 */
import type { GraphView } from '../model/view.ts';
import type { Decorations } from '../theme/decorations.ts';
import type { SourceMark } from './source-marks.ts';

export interface ElementStyle {
  classes: string;
  data?: Record<string, string | number | string[]>;
  /**
   * Hidden (a dimmed edge): the canvas adds `off` and leaves the element's other classes and data as they were.
   * Nobody sees a hidden edge's colours, and not changing them spares a restyle of its width and stroke.
   */
  hidden?: boolean;
}

export function overlayStyles(view: GraphView, decorations: Decorations): Map<string, ElementStyle> {
  const out = new Map<string, ElementStyle>();
  for (const n of view.nodes) {
    const d = decorations.nodes.get(n.id);
    const classes: string[] = [];
    const data: Record<string, string | number | string[]> = {};
    if (d?.dim) classes.push('off');
    // Source bars and badges are marks (source-marks.ts), not styles. `shared` has no style either: it names
    // shared entities for scripts and tests. Every class change restyles its node, so there are no others.
    if (d?.shared) classes.push('shared');
    if (d?.ownColour) {
      classes.push('source-on');
      data.sourceColour = d.ownColour;
    }
    if (d?.highlight) classes.push(d.highlight === 'on' ? 'path' : 'path-faded');
    out.set(n.id, { classes: classes.join(' '), data });
  }
  for (const e of view.edges) {
    const d = decorations.edges.get(e.id);
    if (d?.dim) {
      out.set(e.id, { classes: 'off', hidden: true });
      continue;
    }
    const classes: string[] = [];
    const data: Record<string, string | number> = {};
    if (d?.colours.length) {
      classes.push('coloured');
      data.c0 = d.colours[d.colours.length - 1]!;
      if (d.colours.length > 1) {
        // Equal stripes along the edge, hard stops between colours. One colour is a plain stroke: a gradient
        // costs a canvas gradient object per edge on every frame.
        classes.push('striped');
        const stops: string[] = [];
        const positions: string[] = [];
        d.colours.forEach((c, i) => {
          stops.push(c, c);
          positions.push(`${((i / d.colours.length) * 100).toFixed(1)}%`, `${(((i + 1) / d.colours.length) * 100).toFixed(1)}%`);
        });
        data.gc = stops.join(' ');
        data.gp = positions.join(' ');
      }
    }
    if (d?.highlight) classes.push(d.highlight === 'on' ? 'path' : 'path-faded');
    out.set(e.id, { classes: classes.join(' '), data });
  }
  return out;
}

/** Colour bars and shared-entity badges for the nodes (drawn by SourceMarksLayer). */
export function sourceMarks(view: GraphView, decorations: Decorations): Map<string, SourceMark> {
  const out = new Map<string, SourceMark>();
  for (const n of view.nodes) {
    const d = decorations.nodes.get(n.id);
    if (d?.sourceColours.length) out.set(n.id, { colours: d.sourceColours, shared: d.shared, faded: d.highlight === 'faded' });
  }
  return out;
}
