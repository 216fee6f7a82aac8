import { useAtomValue } from 'jotai';
import { useEffect, useRef, useState } from 'react';
import { citedReferences, toBibtex, toCslJson, toRis } from '../../export/bibliography.ts';
import { naturalFrame, panePlacements } from '../../export/compose.ts';
import { labelOverview, withRoom } from '../../export/overview.ts';
import { exportContent, type PaneInput } from '../../export/content.ts';
import { download } from '../../export/download.ts';
import { evidenceCsv } from '../../export/evidence-csv.ts';
import { loadExportFonts } from '../../export/export-fonts.ts';
import { ExportSizeError, renderPng, renderSvg, type Background } from '../../export/image.ts';
import { NATURAL_LABEL, PAGE_SIZES, resolvePage, type PageSize } from '../../export/page-size.ts';
import { checkSize, PRESETS, resolveSize, type SizePreset } from '../../export/size.ts';
import { exportFiles, NETWORK_FORMATS, type OutputFile } from '../../formats/catalog.ts';
import type { FormatId } from '../../formats/types.ts';
import { sideLabel } from '../../model/view.ts';
import { embedSearch, iframeSnippet } from '../../state/embed.ts';
import { differenceDecorations, paneDecorations } from '../../theme/decorations.ts';
import { activeLayout, differenceLayout as differenceLayoutFor } from '../../layout/difference-layout.ts';
import type { Positions } from '../../layout/types.ts';
import type { Difference } from '../../model/compare.ts';
import type { GraphView } from '../../model/view.ts';
import { entityPriority, fitPage, SLIDE_LABEL_PX, subsetView, type PageFit } from '../../export/slide-fit.ts';
import type { Frame } from '../../export/compose.ts';

/** Width / height of the drawing area of a 16:9 slide once title, legend and source line have their room. */
const SLIDE_DRAWING_ASPECT = 1.75;
/** The caption's note when only some entities fit. */
const shownNote = (count: number, of: number) =>
  count < of ? `Shown: the ${count} most important of ${of} entities (cell sources, shared factors, outcomes, then the most connected), so that labels stay readable. ` : '';
import { pairColours, sourceColour } from '../../theme/sources.ts';
import {
  activeSourcesAtom,
  differenceLayoutAtom,
  compareViewsAtom,
  currentViewAtom,
  decorationsAtom,
  filtersAtom,
  layoutServiceAtom,
  modeAtom,
  modelAtom,
  requireModel,
  sourceOrderAtom,
} from '../../state/atoms.ts';

type Format = 'png' | 'svg' | 'pdf' | 'pptx' | `network:${FormatId}` | 'csv' | 'bibtex' | 'ris' | 'csl';

const FORMATS: { id: Format; label: string }[] = [
  { id: 'png', label: 'PNG image' },
  { id: 'svg', label: 'SVG image (vector)' },
  { id: 'pdf', label: 'PDF (vector, for print)' },
  { id: 'pptx', label: 'PowerPoint slide (editable shapes)' },
  ...NETWORK_FORMATS.map((f) => ({ id: `network:${f.id}` as const, label: f.label })),
  { id: 'csv', label: 'Evidence table (CSV)' },
  { id: 'bibtex', label: 'References (BibTeX)' },
  { id: 'ris', label: 'References (RIS)' },
  { id: 'csl', label: 'References (CSL-JSON: Zotero, Mendeley, pandoc)' },
];

/** Export the current view: a figure, the atlas with its overlays and filters, or both compare panes. */
/** @param autoOpen open at once (the button was clicked before this code had loaded). */
export function ExportDialog({ autoOpen = false }: { autoOpen?: boolean } = {}) {
  const model = requireModel(useAtomValue(modelAtom));
  const mode = useAtomValue(modeAtom);
  const view = useAtomValue(currentViewAtom);
  const decorations = useAtomValue(decorationsAtom);
  const compare = useAtomValue(compareViewsAtom);
  const service = useAtomValue(layoutServiceAtom)!;
  const filters = useAtomValue(filtersAtom);
  const active = useAtomValue(activeSourcesAtom);
  const order = useAtomValue(sourceOrderAtom);
  const differenceLayout = useAtomValue(differenceLayoutAtom);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (autoOpen && !dialog.current?.open) dialog.current?.showModal();
  }, [autoOpen]);
  const [format, setFormat] = useState<Format>('png');
  const [preset, setPreset] = useState<SizePreset>('slide-hd');
  const [pageSize, setPageSize] = useState<PageSize>('slide');
  const [scale, setScale] = useState(2);
  const [background, setBackground] = useState<Background>('white');
  const [onlyShown, setOnlyShown] = useState(true);
  const [edgeForm, setEdgeForm] = useState<'drawn' | 'connectors'>('drawn');
  const anyDimmed = mode !== 'compare' && [...decorations.nodes.values()].some((d) => d.dim);
  const [status, setStatus] = useState<{
    kind: 'info' | 'error' | 'busy';
    text: string;
    largest?: { width: number; height: number };
    more?: (OutputFile & { name: string })[];
  } | null>(null);

  const baseName = () =>
    mode === 'compare' && compare
      ? `msc-pof-atlas-compare-${compare.pair.left.id}-${compare.pair.right.id}`
      : mode === 'atlas'
        ? 'msc-pof-atlas-atlas'
        : `msc-pof-atlas-${view.figures[0] ?? 'view'}`;

  /**
   * What the file shows, fitted to `frame` (null: the drawing's own size). The atlas and the difference diagram are
   * always laid out afresh for the page's shape, with only what is in play (their compact layout takes
   * milliseconds); a figure or twin panes whose drawing would put labels under 14 px on the page are laid out
   * afresh too (a compact layout, or the difference diagram), and a view too big even then keeps its most important
   * entities (slide-fit.ts).
   */
  async function content(frame: Frame | null): Promise<PageFit & { overview?: { labelled: number; of: number } }> {
    const inPlay = new Set(view.nodes.filter((n) => !decorations.nodes.get(n.id)?.dim).map((n) => n.id));
    if (mode === 'compare' && compare) {
      const [lc, rc] = pairColours(order, model.figures, compare.pair.left, compare.pair.right);
      const l = sideLabel(model, compare.pair.left);
      const r = sideLabel(model, compare.pair.right);
      const diff = compare.difference;
      const differenceContent = (d: Difference, aspect: number, shown?: string) =>
        exportContent(model, {
          title: `Compare ${l} and ${r}`,
          caption: `${shown ?? ''}Left: only ${l} (${diff.counts.left}); middle: both (${diff.counts.shared}); right: only ${r} (${diff.counts.right}). Each arrow in the colour of the side that states it.`,
          panes: [{ view: d.view, positions: differenceLayoutFor(d, aspect), decorations: differenceDecorations(d, lc, rc) }],
          sources: [],
          sides: [
            { label: `Only ${l}`, colour: lc },
            { label: `Only ${r}`, colour: rc },
          ],
          filters,
        });
      const all = new Set(diff.view.nodes.map((n) => n.id));
      const subset = (keep: ReadonlySet<string>, aspect: number) =>
        differenceContent({ ...diff, view: subsetView(diff.view, keep) }, aspect, shownNote(keep.size, all.size));
      const priority = entityPriority(diff.view, all, (id) => diff.nodes.get(id) === 'shared');
      if (compare.pair.display !== 'twin' && differenceLayout) {
        const asShown = (aspect: number) => differenceContent(diff, aspect);
        return frame ? fitPage(frame, { asShown, asShownRelaid: true, subset, priority }) : { content: asShown(SLIDE_DRAWING_ASPECT), relaid: true };
      }
      const positions = await service.positions(view);
      const twin = () => {
        const panes: PaneInput[] = [
          { label: `Left: ${l}`, view: compare.left, positions, decorations: paneDecorations(compare.left, compare.right, lc, rc) },
          { label: `Right: ${r}`, view: compare.right, positions, decorations: paneDecorations(compare.right, compare.left, rc, lc) },
        ];
        return exportContent(model, {
          title: `Compare ${l} and ${r}`,
          caption: 'Both sides laid out together: an entity both share stands at the same place in each pane (black border, both colours).',
          panes,
          sources: [],
          sides: [
            { label: l, colour: lc },
            { label: r, colour: rc },
          ],
          filters,
        });
      };
      if (!frame) return { content: twin(), relaid: false };
      // Twin panes too small for the page become the difference diagram, which reads on one slide.
      return fitPage(frame, { asShown: twin, asShownRelaid: false, relayout: (aspect) => differenceContent(diff, aspect), subset, priority });
    }
    const showSources = [...decorations.nodes.values()].some((d) => d.sourceColours.length > 0);
    const viewContent = (v: GraphView, positions: Positions, only: boolean, shown?: string) =>
      exportContent(model, {
        title: view.title,
        ...(view.caption || shown ? { caption: `${shown ?? ''}${view.caption ?? ''}`.trim() } : {}),
        panes: [{ view: v, positions, decorations }],
        sources: showSources ? active.map((id) => ({ id, colour: sourceColour(order, id) })) : [],
        filters,
        onlyShown: only,
      });
    // A compact layout parks what is dimmed far below what is in play: it is always left out.
    const compact = (aspect: number) => viewContent(view, activeLayout(view, inPlay, aspect).positions, anyDimmed);
    const subset = (keep: ReadonlySet<string>, aspect: number) => {
      const v = subsetView(view, keep);
      return viewContent(v, activeLayout(v, new Set(), aspect).positions, false, shownNote(keep.size, inPlay.size));
    };
    const priority = entityPriority(view, inPlay, (id) => decorations.nodes.get(id)?.shared ?? false);
    if (mode === 'atlas' && frame && active.length === order.length) {
      // Every source on: the overview, as on screen (issue #9, point 2). Every entity in play, laid out for the page
      // with room kept for the labels of the cell sources, shared factors and outcomes at the slide's 14 px
      // (layout/label-room.ts); the others unlabelled (the screen labels them as the reader zooms in).
      const u = Math.sqrt((frame.width * frame.height) / (1920 * 1080));
      const first = compact(SLIDE_DRAWING_ASPECT);
      const free = panePlacements(first, frame)[0]!.box;
      const fit = { width: free.w / u, height: free.h / u };
      const wanted = new Set(
        view.nodes
          .filter((n) => inPlay.has(n.id) && (n.entity.kind === 'msc-source' || n.entity.kind === 'ovarian-outcome' || decorations.nodes.get(n.id)?.shared))
          .map((n) => n.id),
      );
      const marks = new Map(
        view.nodes.filter((n) => inPlay.has(n.id) && n.entity.kind !== 'msc-source' && decorations.nodes.get(n.id)?.sourceColours.length).map((n) => [n.id, { badge: Boolean(decorations.nodes.get(n.id)?.shared) }]),
      );
      // The page fits the scene with a pad of a few px all round (compose.ts, scenePad): room is kept for a box 1 %
      // smaller, so the page's scale is never under the zoom the room was kept for.
      const room = { fit: { width: fit.width * 0.99, height: fit.height * 0.99 }, maxZoom: 4, labelPx: SLIDE_LABEL_PX, wanted, priority: wanted, marks };
      const made = activeLayout(view, inPlay, fit.width / fit.height, room);
      const c = viewContent(view, made.positions, true, `Labelled: the cell sources, what two or more sources act on, and the outcomes (${wanted.size} of ${inPlay.size} entities). `);
      const scene = withRoom(c.panes[0]!.scene, made.box);
      const placed = { ...c, panes: [{ ...c.panes[0]!, scene }] };
      const zoom = panePlacements(placed, frame)[0]!.scale / u;
      return { content: { ...placed, panes: [{ ...placed.panes[0]!, scene: labelOverview(scene, wanted, zoom, SLIDE_LABEL_PX) }] }, relaid: true, overview: { labelled: wanted.size, of: inPlay.size } };
    }
    // (The atlas is laid out afresh for the file, never as on screen: the dialog does not read the screen's layout, which
    // would make every choice in the side panel compute it at once, in the task of the click.)
    if (mode === 'atlas') {
      return frame ? fitPage(frame, { asShown: compact, asShownRelaid: true, subset, priority }) : { content: compact(SLIDE_DRAWING_ASPECT), relaid: true };
    }
    const positions = await service.positions(view);
    const asShown = () => viewContent(view, positions, anyDimmed && onlyShown);
    if (!frame) return { content: asShown(), relaid: false };
    return fitPage(frame, { asShown, asShownRelaid: false, relayout: compact, subset, priority });
  }

  /** What the dialog says about the file's drawing. */
  const fitNote = (fit: PageFit & { overview?: { labelled: number; of: number } }) =>
    fit.overview
      ? ` Laid out afresh for the page: all ${fit.overview.of} entities in play, the ${fit.overview.labelled} that matter most labelled (cell sources, what two or more sources act on, outcomes); on screen the others are labelled as you zoom in.`
      : fit.shown
      ? ` Laid out afresh for the page, with the ${fit.shown.count} most important of the ${fit.shown.of} entities in play (cell sources, what two or more sources act on, outcomes, then the most connected): all of them would not be readable. Fewer sources or a filter show the rest.`
      : fit.relaid
        ? ' Laid out afresh for the page: only what is in play, in the shape of the page, so that labels are readable.'
        : '';

  async function run(override?: { width: number; height: number }) {
    setStatus({ kind: 'busy', text: 'Preparing the file…' });
    try {
      const name = baseName();
      if (format === 'svg' || format === 'pdf') {
        const fit = await content(pageSize === 'natural' ? null : PAGE_SIZES[pageSize]);
        const c = fit.content;
        const page = resolvePage(pageSize, naturalFrame(c));
        const fonts = await loadExportFonts();
        if (format === 'svg') download(`${name}.svg`, renderSvg(c, page, background, { fonts, ...(page.print ? { print: page.print.svg } : {}) }), 'image/svg+xml');
        else {
          const { renderPdf } = await import('../../export/pdf.ts');
          download(`${name}.pdf`, await renderPdf(c, page, fonts));
        }
        setStatus({ kind: 'info', text: `Saved ${name}.${format}: ${page.label}.${fitNote(fit)}` });
        return;
      }
      if (format === 'png') {
        const fit = await content(override ?? (preset === 'scale' ? null : PRESETS[preset]));
        const c = fit.content;
        const size = override ?? resolveSize({ preset, scale }, naturalFrame(c));
        const check = checkSize(size.width, size.height);
        if (!check.ok) {
          setStatus({ kind: 'error', text: check.message, largest: check.largest });
          return;
        }
        const file = `${name}-${size.width}x${size.height}.png`;
        download(file, await renderPng(c, size, background));
        setStatus({ kind: 'info', text: `Saved ${file}, ${size.width} × ${size.height} px.${fitNote(fit)}` });
        return;
      }
      if (format === 'pptx') {
        const [fit, { renderPptx, SLIDE_FRAME }] = await Promise.all([content(PAGE_SIZES.slide), import('../../export/pptx.ts')]);
        download(`${name}.pptx`, await renderPptx(fit.content, edgeForm));
        setStatus({ kind: 'info', text: `Saved ${name}.pptx, one 16:9 slide (${SLIDE_FRAME.width} × ${SLIDE_FRAME.height}).${fitNote(fit)}` });
        return;
      }
      const refs = citedReferences(model, (compare && mode === 'compare' ? [...compare.left.edges, ...compare.right.edges] : view.edges).flatMap((e) => [...e.refs]));
      if (format.startsWith('network:')) {
        // One file per click (browsers ask before a second automatic download); companions get a button.
        const [main, ...more] = await exportFiles(format.slice('network:'.length) as FormatId, view, await service.positions(view), model);
        download(`${name}${main!.suffix}`, main!.text, main!.mime);
        setStatus({ kind: 'info', text: `Saved ${name}${main!.suffix}.`, more: more.map((f) => ({ ...f, name: `${name}${f.suffix}` })) });
        return;
      }
      if (format === 'csv') download(`${name}-evidence.csv`, evidenceCsv(model, view), 'text/csv;charset=utf-8');
      else if (format === 'bibtex') download(`${name}-references.bib`, toBibtex(model, refs), 'application/x-bibtex');
      else if (format === 'csl') download(`${name}-references.csl.json`, toCslJson(model, refs), 'application/vnd.citationstyles.csl+json');
      else download(`${name}-references.ris`, toRis(model, refs), 'application/x-research-info-systems');
      setStatus({ kind: 'info', text: 'Saved.' });
    } catch (e) {
      if (e instanceof ExportSizeError) setStatus({ kind: 'error', text: e.message, largest: e.largest });
      else setStatus({ kind: 'error', text: `Export failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  const snippet = iframeSnippet(
    `${window.location.origin}${window.location.pathname}`,
    embedSearch(window.location.search, mode === 'figure' && view.key === `figure:${model.figures[0]!.id}` ? model.figures[0]!.id : undefined),
    mode === 'compare' && compare ? `Compare ${sideLabel(model, compare.pair.left)} and ${sideLabel(model, compare.pair.right)}` : view.title,
  );
  const image = format === 'png' || format === 'svg' || format === 'pdf' || format === 'pptx';
  return (
    <>
      <button
        type="button"
        className="export-button"
        onClick={() => {
          setStatus(null);
          dialog.current?.showModal();
        }}
      >
        Export
      </button>
      <dialog ref={dialog} className="export-dialog" aria-labelledby="export-heading">
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <h2 id="export-heading">Export</h2>
          <p className="muted">{mode === 'compare' && compare ? `Both panes: ${sideLabel(model, compare.pair.left)} and ${sideLabel(model, compare.pair.right)}` : view.title}</p>
          <fieldset>
            <legend>Format</legend>
            {FORMATS.map((f) => (
              <label key={f.id}>
                <input type="radio" name="format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} /> {f.label}
              </label>
            ))}
          </fieldset>
          {image && (
            <>
              {format === 'png' && (
                <fieldset>
                  <legend>Size</legend>
                  <label>
                    Size{' '}
                    <select value={preset} onChange={(e) => setPreset(e.target.value as SizePreset)}>
                      {Object.entries(PRESETS).map(([id, p]) => (
                        <option key={id} value={id}>
                          {p.label}
                        </option>
                      ))}
                      <option value="scale">Scale of the drawing’s own size</option>
                    </select>
                  </label>
                  {preset === 'scale' && (
                    <label>
                      Scale{' '}
                      <input type="number" min="0.25" max="20" step="0.25" value={scale} onChange={(e) => setScale(Number(e.target.value))} />
                    </label>
                  )}
                </fieldset>
              )}
              {(format === 'svg' || format === 'pdf') && (
                <fieldset>
                  <legend>Page size</legend>
                  <label>
                    Page size{' '}
                    <select value={pageSize} onChange={(e) => setPageSize(e.target.value as PageSize)}>
                      {Object.entries(PAGE_SIZES).map(([id, p]) => (
                        <option key={id} value={id}>
                          {p.label}
                        </option>
                      ))}
                      <option value="natural">{NATURAL_LABEL}</option>
                    </select>
                  </label>
                </fieldset>
              )}
              {format === 'pptx' && (
                <fieldset>
                  <legend>Arrows</legend>
                  <label>
                    <input type="radio" name="edge-form" checked={edgeForm === 'drawn'} onChange={() => setEdgeForm('drawn')} /> Lines along the
                    drawn routes, as in the picture
                  </label>
                  <label>
                    <input type="radio" name="edge-form" checked={edgeForm === 'connectors'} onChange={() => setEdgeForm('connectors')} /> Straight
                    connectors glued to the nodes (they follow a node you move)
                  </label>
                </fieldset>
              )}
              {anyDimmed && (
                <label className="check">
                  <input type="checkbox" checked={onlyShown} onChange={(e) => setOnlyShown(e.target.checked)} /> Leave out what the
                  current sources and filters dim, and fit the drawing to the rest
                </label>
              )}
              {(format === 'png' || format === 'svg') && (
                <fieldset>
                  <legend>Background</legend>
                  <label>
                    <input type="radio" name="background" checked={background === 'white'} onChange={() => setBackground('white')} /> White
                  </label>
                  <label>
                    <input type="radio" name="background" checked={background === 'transparent'} onChange={() => setBackground('transparent')} /> Transparent
                  </label>
                </fieldset>
              )}
            </>
          )}
          {status && (
            <div className={`export-status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
              {status.text}
              {status.more?.map((f) => (
                <button key={f.name} type="button" onClick={() => download(f.name, f.text, f.mime)}>
                  Save the matching {f.suffix === '.style.xml' ? 'Cytoscape desktop style' : 'file'} ({f.name})
                </button>
              ))}
              {status.largest && (
                <button type="button" onClick={() => void run(status.largest)}>
                  Export at {status.largest.width} × {status.largest.height} px
                </button>
              )}
            </div>
          )}
          <details className="embed-snippet">
            <summary>Embed this view in a web page</summary>
            <label>
              HTML to paste (an iframe showing the diagram, its legend and a link back)
              <textarea readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
            </label>
            <button
              type="button"
              onClick={() =>
                void navigator.clipboard?.writeText(snippet).then(
                  () => setStatus({ kind: 'info', text: 'Copied the embed code.' }),
                  () => setStatus({ kind: 'error', text: 'Could not copy: select the code and copy it by hand.' }),
                )
              }
            >
              Copy embed code
            </button>
          </details>
          <div className="dialog-buttons">
            <button type="submit" disabled={status?.kind === 'busy'}>
              Download
            </button>
            <button type="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
