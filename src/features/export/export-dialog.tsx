import { useAtomValue } from 'jotai';
import { useEffect, useRef, useState } from 'react';
import { citedReferences, toBibtex, toCslJson, toRis } from '../../export/bibliography.ts';
import { naturalFrame } from '../../export/compose.ts';
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
import { iframeSnippet } from '../../state/embed.ts';
import { differenceDecorations, paneDecorations } from '../../theme/decorations.ts';
import { activeLayout, differenceLayout as differenceLayoutFor } from '../../layout/difference-layout.ts';

/** Width / height of the drawing area of a 16:9 slide once title, legend and source line have their room. */
const SLIDE_DRAWING_ASPECT = 1.75;
import { pairColours, sourceColour } from '../../theme/sources.ts';
import {
  activeSourcesAtom,
  atlasLayoutAtom,
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
  const atlasLayout = useAtomValue(atlasLayoutAtom);
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
   * The atlas and the difference diagram are laid out afresh for the image's shape (a slide is wider than the
   * screen's stage), with only what is in play: their compact layout is computed in milliseconds.
   */
  const relaid = ['png', 'svg', 'pdf', 'pptx'].includes(format) && (mode === 'atlas' ? Boolean(atlasLayout) : mode === 'compare' && compare?.pair.display !== 'twin' && Boolean(differenceLayout));

  async function content(aspect = SLIDE_DRAWING_ASPECT) {
    // What the screen shows: the atlas's active layout, the difference diagram's, or a figure's (or twin panes').
    const inPlay = new Set(view.nodes.filter((n) => !decorations.nodes.get(n.id)?.dim).map((n) => n.id));
    const positions =
      mode === 'atlas' && atlasLayout
        ? activeLayout(view, inPlay, aspect).positions
        : mode === 'compare' && compare && compare.pair.display !== 'twin' && differenceLayout
          ? differenceLayoutFor(compare.difference, aspect)
          : await service.positions(view);
    if (mode === 'compare' && compare && compare.pair.display !== 'twin') {
      const [lc, rc] = pairColours(order, model.figures, compare.pair.left, compare.pair.right);
      const l = sideLabel(model, compare.pair.left);
      const r = sideLabel(model, compare.pair.right);
      const diff = compare.difference;
      return {
        positions,
        content: exportContent(model, {
          title: `Compare ${l} and ${r}`,
          caption: `Left: only ${l} (${diff.counts.left}); middle: both (${diff.counts.shared}); right: only ${r} (${diff.counts.right}). Each arrow in the colour of the side that states it.`,
          panes: [{ view: diff.view, positions, decorations: differenceDecorations(diff, lc, rc) }],
          sources: [],
          sides: [
            { label: `Only ${l}`, colour: lc },
            { label: `Only ${r}`, colour: rc },
          ],
          filters,
        }),
      };
    }
    if (mode === 'compare' && compare) {
      const [lc, rc] = pairColours(order, model.figures, compare.pair.left, compare.pair.right);
      const panes: PaneInput[] = [
        { label: `Left: ${sideLabel(model, compare.pair.left)}`, view: compare.left, positions, decorations: paneDecorations(compare.left, compare.right, lc, rc) },
        { label: `Right: ${sideLabel(model, compare.pair.right)}`, view: compare.right, positions, decorations: paneDecorations(compare.right, compare.left, rc, lc) },
      ];
      return {
        positions,
        content: exportContent(model, {
          title: `Compare ${sideLabel(model, compare.pair.left)} and ${sideLabel(model, compare.pair.right)}`,
          caption: 'Both sides laid out together: an entity both share stands at the same place in each pane (black border, both colours).',
          panes,
          sources: [],
          sides: [
            { label: sideLabel(model, compare.pair.left), colour: lc },
            { label: sideLabel(model, compare.pair.right), colour: rc },
          ],
          filters,
        }),
      };
    }
    const showSources = [...decorations.nodes.values()].some((d) => d.sourceColours.length > 0);
    return {
      positions,
      content: exportContent(model, {
        title: view.title,
        ...(view.caption ? { caption: view.caption } : {}),
        panes: [{ view, positions, decorations }],
        sources: showSources ? active.map((id) => ({ id, colour: sourceColour(order, id) })) : [],
        filters,
        // The atlas's relaid drawing parks what is dimmed far below: it is always left out.
        onlyShown: anyDimmed && (onlyShown || mode === 'atlas'),
      }),
    };
  }

  async function run(override?: { width: number; height: number }) {
    setStatus({ kind: 'busy', text: 'Preparing the file…' });
    try {
      const name = baseName();
      if (format === 'svg' || format === 'pdf') {
        const { content: c } = await content();
        const page = resolvePage(pageSize, naturalFrame(c));
        const fonts = await loadExportFonts();
        if (format === 'svg') download(`${name}.svg`, renderSvg(c, page, background, { fonts, ...(page.print ? { print: page.print.svg } : {}) }), 'image/svg+xml');
        else {
          const { renderPdf } = await import('../../export/pdf.ts');
          download(`${name}.pdf`, await renderPdf(c, page, fonts));
        }
        setStatus({ kind: 'info', text: `Saved ${name}.${format}: ${page.label}.${relaid ? ' Laid out afresh for the page: only what is in play, in the shape of the page.' : ''}` });
        return;
      }
      if (format === 'png') {
        const { content: c } = await content();
        const size = override ?? resolveSize({ preset, scale }, naturalFrame(c));
        const check = checkSize(size.width, size.height);
        if (!check.ok) {
          setStatus({ kind: 'error', text: check.message, largest: check.largest });
          return;
        }
        const file = `${name}-${size.width}x${size.height}.png`;
        download(file, await renderPng(c, size, background));
        setStatus({ kind: 'info', text: `Saved ${file}, ${size.width} × ${size.height} px.${relaid ? ' Laid out afresh for the image: only what is in play, in the shape of the page.' : ''}` });
        return;
      }
      if (format === 'pptx') {
        const { content: c } = await content();
        const { renderPptx } = await import('../../export/pptx.ts');
        download(`${name}.pptx`, await renderPptx(c, edgeForm));
        setStatus({ kind: 'info', text: `Saved ${name}.pptx, one 16:9 slide.${relaid ? ' Laid out afresh for the slide: only what is in play, in the shape of the page.' : ''}` });
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
    window.location.search,
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
