import { useAtom, useAtomValue, useSetAtom } from 'jotai';
import type { Core } from 'cytoscape';
import { useCallback, useMemo, useRef, useState } from 'react';
import { GraphCanvas } from '../../graph-view/graph-canvas.tsx';
import { DrawTurns } from '../../graph-view/draw-turns.ts';
import { useStageAspect } from '../../graph-view/use-stage-aspect.ts';
import { PrerenderPicture, ToolbarPlaceholder, usePictureTakeover } from '../../graph-view/prerender-picture.tsx';
import { prerenderAtom } from '../../state/prerender.ts';
import { overlayStyles, sourceMarks } from '../../graph-view/overlay-styles.ts';
import { MAX_FIT_ZOOM } from '../../graph-view/fit.ts';
import { LOD_LABEL_PX } from '../../graph-view/label-lod.ts';
import type { FitBox } from '../../graph-view/use-stage-aspect.ts';
import { nodeBox } from '../../layout/measure.ts';
import { roomyTwinLayout, twinLayout } from '../../layout/twin-layout.ts';
import type { Positions } from '../../layout/types.ts';
import { KIND_LABEL } from '../../model/schema.ts';
import { sideLabel, type GraphView, type Side } from '../../model/view.ts';
import { colourClass, pairColours } from '../../theme/sources.ts';
import {
  compareAtom,
  compareViewsAtom,
  differenceLayoutAtom,
  filtersAtom,
  focusAtom,
  hoverAtom,
  modelAtom,
  requireModel,
  selectionAtom,
  sourceOrderAtom,
  stageAspectAtom,
} from '../../state/atoms.ts';
import { defaultCompare } from '../../state/choices.ts';
import { parseSide, sideParam } from '../../state/url.ts';
import { compareRows, sortRows, type SortKey } from '../../model/compare.ts';
import { differenceDecorations, paneDecorations } from '../../theme/decorations.ts';
import { filtersActive, NO_FILTERS } from '../../model/overlay.ts';
import { refNumbersText } from '../../model/retraction.ts';

type Viewport = { zoom: number; pan: { x: number; y: number } };

/**
 * How far (relative) the stage's shape may be from the one the prerendered difference diagram was laid out for, and
 * the canvas still keep that layout under the picture: the diagram then fills at least 97 % of the stage's width or
 * height (compare-difference.e2e.ts).
 */
const PICTURE_ASPECT_KEPT = 0.025;

function SidePicker({ label, value, onChange }: { label: string; value: Side; onChange: (s: Side) => void }) {
  const model = requireModel(useAtomValue(modelAtom));
  const order = useAtomValue(sourceOrderAtom);
  return (
    <label className="picker">
      <span>{label}</span>
      <select value={sideParam(value)} onChange={(e) => onChange(parseSide(e.target.value, model)!)}>
        <optgroup label="Cell sources (all their statements)">
          {order.map((id) => {
            const e = model.entities.get(id)!;
            return (
              <option key={id} value={`source:${id}`}>
                {e.label} — {e.tissue}
              </option>
            );
          })}
        </optgroup>
        <optgroup label="Figures and tables">
          {model.figures
            .filter((f) => !f.imported)
            .map((f) => (
              <option key={f.id} value={`figure:${f.id}`}>
                {f.label}: {f.title}
              </option>
            ))}
        </optgroup>
        {/* As in the Figure list: an import's label is its name cut short, so "label: title" would say it twice. */}
        {model.figures.some((f) => f.imported) && (
          <optgroup label="Your graphs">
            {model.figures
              .filter((f) => f.imported)
              .map((f) => (
                <option key={f.id} value={`figure:${f.id}`}>
                  {f.title}
                </option>
              ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}

function bbox(positions: Positions, view: GraphView) {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const n of view.nodes) {
    const p = positions.nodes[n.id];
    if (!p) continue;
    const b = nodeBox(n.entity.label, n.entity.kind);
    xs.push(p.x - b.width / 2, p.x + b.width / 2);
    ys.push(p.y - b.height / 2, p.y + b.height / 2);
  }
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

/**
 * Which labels the twin panes keep when zoomed out (graph-view/label-lod.ts), as the atlas overview does: cell
 * sources first, then what both sides have and the ovarian outcomes, then the others by how many relations they have.
 */
function twinLabelPriority(union: GraphView, left: GraphView, right: GraphView): Map<string, number> {
  const inLeft = new Set(left.nodes.map((n) => n.id));
  const inRight = new Set(right.nodes.map((n) => n.id));
  const degree = new Map<string, number>();
  for (const e of union.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  return new Map(
    union.nodes.map((n) => {
      const base = n.entity.kind === 'msc-source' || n.entity.kind === 'combination' ? 4 : (inLeft.has(n.id) && inRight.has(n.id)) || n.entity.kind === 'ovarian-outcome' ? 3 : 1;
      return [n.id, base + Math.min(degree.get(n.id) ?? 0, 99) / 100];
    }),
  );
}

/** Two sources or figures side by side, laid out from their union so shared entities line up. */
export function CompareView() {
  const model = requireModel(useAtomValue(modelAtom));
  const order = useAtomValue(sourceOrderAtom);
  const views = useAtomValue(compareViewsAtom);
  const [stored, setCompare] = useAtom(compareAtom);
  const pair = stored ?? defaultCompare(model);
  const [selection, setSelection] = useAtom(selectionAtom);
  const [hover, setHover] = useAtom(hoverAtom);
  const focus = useAtomValue(focusAtom);
  const [viewports, setViewports] = useState<{ left: Viewport | null; right: Viewport | null }>({ left: null, right: null });

  const [leftColour, rightColour] = pairColours(order, model.figures, pair.left, pair.right);
  const twin = pair.display === 'twin';
  const differenceLayout = useAtomValue(differenceLayoutAtom);
  const [filters, setFilters] = useAtom(filtersAtom);
  const differenceStyles = useMemo(() => {
    if (!views) return null;
    const d = differenceDecorations(views.difference, leftColour, rightColour);
    return { overlay: overlayStyles(views.difference.view, d), marks: sourceMarks(views.difference.view, d) };
  }, [views, leftColour, rightColour]);

  const styles = useMemo(() => {
    if (!views) return null;
    const left = paneDecorations(views.left, views.right, leftColour, rightColour);
    const right = paneDecorations(views.right, views.left, rightColour, leftColour);
    return {
      left: overlayStyles(views.left, left),
      right: overlayStyles(views.right, right),
      leftMarks: sourceMarks(views.left, left),
      rightMarks: sourceMarks(views.right, right),
    };
  }, [views, leftColour, rightColour]);

  // The picture of the difference diagram the page was sent with (scripts/prerender.ts), over the canvas until the
  // reader acts (prerender-picture.tsx).
  const [picture, setPicture] = useAtom(prerenderAtom);
  const takeOver = useCallback(() => setPicture(null), [setPicture]);
  const onCy = usePictureTakeover(takeOver);
  const showPicture = !twin && views !== null && picture !== null && picture.key === views.difference.view.key && (picture.html !== undefined || picture.node !== undefined);

  // The difference diagram is laid out for the shape of its stage, measured before it is first drawn. Under the
  // picture it keeps the shape the picture was laid out for when the stage's is close to it (a 16:10 laptop),
  // so the canvas takes over with every node where the picture has it; the measured shape is then used from the next
  // pair on, or at once when the stage is resized. A stage of another shape (a tablet) gets its own layout at once,
  // and the canvas replaces the picture as soon as it has drawn.
  const stageRef = useRef<HTMLDivElement>(null);
  const setStageAspect = useSetAtom(stageAspectAtom);
  // The shape the picture's layout was made for, while the picture is shown.
  const covered = useRef<number | undefined>(undefined);
  covered.current = showPicture ? picture.aspect : undefined;
  const firstAspect = useRef(true);
  const pendingAspect = useRef<number | null>(null);
  const reportAspect = useCallback(
    (aspect: number) => {
      const first = firstAspect.current;
      firstAspect.current = false;
      const made = covered.current;
      const keep = first && made !== undefined && Math.abs(aspect - made) / made <= PICTURE_ASPECT_KEPT;
      pendingAspect.current = keep ? aspect : null;
      if (keep) return;
      if (first && made !== undefined) relaid.current = true;
      setStageAspect(aspect);
    },
    [setStageAspect],
  );
  // Laid out afresh under the picture: the picture goes once the canvas has drawn.
  const relaid = useRef(false);
  const replacePicture = useCallback((cy: Core | null) => cy?.one('render', () => requestAnimationFrame(takeOver)), [takeOver]);
  // (Measured in the frame after the first render, not in its commit: see useStageAspect.)
  const measured = useStageAspect(stageRef, !twin && Boolean(views), reportAspect, true);

  const update = (next: Partial<typeof pair>) => {
    setSelection(null);
    if (pendingAspect.current !== null) setStageAspect(pendingAspect.current);
    pendingAspect.current = null;
    setCompare({ ...pair, ...next });
  };
  const link = (from: 'left' | 'right') => (vp: Viewport) => {
    if (!pair.linked) return;
    setViewports(from === 'left' ? { left: null, right: vp } : { left: vp, right: null });
  };
  // Twin panes: laid out on the spot for the panes' measured fit box (both panes have the same size), with room for
  // every label at a readable size when the pair is too big to be read at its own (layout/twin-layout.ts); before
  // it is measured (or with no size, in a test DOM), the plain grid.
  const twinStageRef = useRef<HTMLDivElement>(null);
  const [twinFit, setTwinFit] = useState<FitBox | null>(null);
  const reportTwin = useCallback((_aspect: number, fit: FitBox) => setTwinFit((old) => (old && old.width === fit.width && old.height === fit.height ? old : fit)), []);
  const twinMeasured = useStageAspect(twinStageRef, twin && Boolean(views), reportTwin);
  const twinLaid = useMemo(() => {
    if (!views || !twin) return null;
    if (twinFit) return roomyTwinLayout(views.union, views.left, views.right, twinFit, MAX_FIT_ZOOM, LOD_LABEL_PX);
    const positions = twinLayout(views.union);
    return { positions, box: bbox(positions, views.union) };
  }, [views, twin, twinFit]);
  // The two panes show a new pair one frame after the other, the left first: never both in one frame (draw-turns.ts).
  const [turns] = useState(() => new DrawTurns(['left', 'right']));
  const twinPriority = useMemo(() => (views && twin ? twinLabelPriority(views.union, views.left, views.right) : undefined), [views, twin]);

  const pane = (side: 'left' | 'right') => {
    if (!views || !styles) return null;
    const v = views[side];
    return (
      <section className="compare-pane" aria-label={`${side === 'left' ? 'Left' : 'Right'}: ${sideLabel(model, pair[side])}`}>
        <h3>
          <span className={`swatch ${colourClass(side === 'left' ? leftColour : rightColour)}`} aria-hidden="true" /> {sideLabel(model, pair[side])}{' '}
          <span className="muted">
            {v.nodes.length} entities, {v.edges.length} relations
          </span>
        </h3>
        <div className="graph-stage" ref={side === 'left' ? twinStageRef : undefined}>
          {twinMeasured && twinLaid && (
            <GraphCanvas
              view={v}
              positions={twinLaid.positions}
              selection={selection}
              onSelect={setSelection}
              name={side}
              overlay={styles[side]}
              marks={side === 'left' ? styles.leftMarks : styles.rightMarks}
              focus={focus}
              fitBox={twinLaid.box}
              {...(twinPriority ? { labelPriority: twinPriority } : {})}
              openOnStart={false}
              turns={turns}
              hover={hover}
              onHover={setHover}
              onViewport={link(side)}
              viewport={pair.linked ? viewports[side] : null}
            />
          )}
        </div>
      </section>
    );
  };

  const leftName = sideLabel(model, pair.left);
  const rightName = sideLabel(model, pair.right);
  const differencePane = () => {
    if (!views || !differenceLayout || !differenceStyles) return null;
    const c = views.difference.counts;
    return (
      <section className="compare-difference" aria-label={`Difference: ${leftName} and ${rightName}`}>
        <ul className="difference-key" aria-label="Colours">
          <li>
            <span className={`swatch ${colourClass(leftColour)}`} aria-hidden="true" /> Only {leftName}: {c.left} entities (left)
          </li>
          <li>
            <span className="swatch both" aria-hidden="true">
              <span className={colourClass(leftColour)} />
              <span className={colourClass(rightColour)} />
            </span> Both: {c.shared}{' '}
            (middle)
          </li>
          <li>
            <span className={`swatch ${colourClass(rightColour)}`} aria-hidden="true" /> Only {rightName}: {c.right} (right)
          </li>
          <li className="muted">An arrow's colour says which side states it; two colours: both do.</li>
        </ul>
        <div className={showPicture && !picture.server ? 'graph-stage covered' : 'graph-stage'} ref={stageRef}>
          {showPicture && <PrerenderPicture picture={picture} />}
          {picture?.server ? (
            <ToolbarPlaceholder name="difference" />
          ) : (
            measured && (
              <GraphCanvas
                view={views.difference.view}
                positions={differenceLayout}
                selection={selection}
                onSelect={setSelection}
                name="difference"
                overlay={differenceStyles.overlay}
                marks={differenceStyles.marks}
                focus={focus}
                onCy={showPicture ? (relaid.current ? replacePicture : onCy) : undefined}
              />
            )
          )}
        </div>
      </section>
    );
  };

  return (
    <section className="compare-view" aria-label="Compare">
      <div className="compare-controls">
        <SidePicker label="Left" value={pair.left} onChange={(left) => update({ left })} />
        <button type="button" onClick={() => update({ left: pair.right, right: pair.left })}>
          Swap
        </button>
        <SidePicker label="Right" value={pair.right} onChange={(right) => update({ right })} />
        <div className="segmented" role="radiogroup" aria-label="Show">
          {(
            [
              ['difference', 'Difference diagram'],
              ['twin', 'Twin panes'],
            ] as const
          ).map(([value, text]) => (
            <label key={value} className={(pair.display ?? 'difference') === value ? 'on' : undefined}>
              <input type="radio" name="compare-display" checked={(pair.display ?? 'difference') === value} onChange={() => setCompare({ ...pair, display: value })} /> {text}
            </label>
          ))}
        </div>
        {twin && (
          <label className="inline">
            <input type="checkbox" checked={pair.linked} onChange={(e) => setCompare({ ...pair, linked: e.target.checked })} /> Link pan and zoom
          </label>
        )}
        {filtersActive(filters) && (
          <span className="compare-filters">
            Filtered by the link or the atlas's filters.{' '}
            <button type="button" className="link" onClick={() => setFilters(NO_FILTERS)}>
              Clear filters
            </button>
          </span>
        )}
      </div>
      {!views ? (
        <p role="alert">{filtersActive(filters) ? 'With the current filters, one side has no statements to show.' : 'One side has no statements to show.'}</p>
      ) : !twin ? (
        differencePane()
      ) : (
        <div className="compare-panes">
          {pane('left')}
          {pane('right')}
        </div>
      )}
    </section>
  );
}

/**
 * What is shared and what only one side has, sortable, with each side's references: beside the diagram (in the
 * column under Details), so the picture keeps the whole width of the stage.
 */
export function CompareSummary() {
  const model = requireModel(useAtomValue(modelAtom));
  const views = useAtomValue(compareViewsAtom);
  const stored = useAtomValue(compareAtom);
  const pair = stored ?? defaultCompare(model);
  const [selection, setSelection] = useAtom(selectionAtom);
  const setFocus = useSetAtom(focusAtom);
  const [sort, setSort] = useState<{ key: SortKey; dir: 'ascending' | 'descending' }>({ key: 'presence', dir: 'ascending' });
  const rows = useMemo(() => (views ? compareRows(views.left, views.right, views.union) : []), [views]);
  const sorted = useMemo(() => sortRows(rows, sort.key, sort.dir), [rows, sort]);
  const counts = { shared: rows.filter((r) => r.presence === 'shared').length, left: rows.filter((r) => r.presence === 'left').length, right: rows.filter((r) => r.presence === 'right').length };
  if (!views) return null;
  const leftName = sideLabel(model, pair.left);
  const rightName = sideLabel(model, pair.right);
  const headerCell = (key: SortKey, text: string) => (
    <th scope="col" aria-sort={sort.key === key ? sort.dir : 'none'}>
      <button type="button" className="link" onClick={() => setSort({ key, dir: sort.key === key && sort.dir === 'ascending' ? 'descending' : 'ascending' })}>
        {text}
      </button>
    </th>
  );
  return (
    <section className="compare-summary" aria-labelledby="compare-summary-heading">
      <h3 id="compare-summary-heading">
        Summary: {counts.shared} shared, {counts.left} only in {leftName}, {counts.right} only in {rightName}
      </h3>
      <table>
        <thead>
          <tr>
            {headerCell('label', 'Entity')}
            {headerCell('kind', 'Kind')}
            {headerCell('presence', 'Where')}
            {headerCell('leftRefs', `${leftName} refs`)}
            {headerCell('rightRefs', `${rightName} refs`)}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id} className={selection?.id === r.id ? 'current' : undefined}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setSelection({ type: 'node', id: r.id });
                    setFocus({ id: r.id, nonce: Date.now() });
                  }}
                >
                  {r.label}
                </button>
              </th>
              <td>{KIND_LABEL[r.kind]}</td>
              <td>{r.presence === 'shared' ? 'Shared' : r.presence === 'left' ? leftName : rightName}</td>
              <td>{refNumbersText(r.leftRefs, model.references)}</td>
              <td>{refNumbersText(r.rightRefs, model.references)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
