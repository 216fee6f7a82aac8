/**
 * The picture a page was sent with (prerendered at build time, scripts/prerender.ts), over the canvas that takes over
 * from it: the figure view (features/main-graph) and the compare view's difference diagram both use it.
 */
import type { Core } from 'cytoscape';
import { useCallback } from 'react';
import type { Prerendered } from '../state/prerender.ts';

/**
 * The picture itself: markup when rendering at build time, the page's own nodes moved in when in the browser. A
 * figure's page is sent with its usual picture, which names its portrait one (`data-portrait`: a phone held upright
 * fetches it and shows it instead, prerender/portrait-picture.ts, app.css); the app keeps the one shown (start.tsx).
 */
export function PrerenderPicture({ picture }: { picture: Prerendered }) {
  if (picture.html !== undefined)
    return (
      <div
        className="prerender-picture"
        data-view={picture.key}
        data-state={picture.state}
        data-aspect={picture.aspect}
        data-portrait={picture.portraitSrc}
        aria-hidden={picture.server ? undefined : true}
        dangerouslySetInnerHTML={{ __html: picture.html }}
      />
    );
  return (
    <div
      className={picture.orientation === 'portrait' ? 'prerender-picture portrait' : 'prerender-picture'}
      data-view={picture.key}
      aria-hidden="true"
      ref={(el) => {
        if (el && picture.node && el.childNodes.length === 0) el.append(...picture.node.childNodes);
      }}
    />
  );
}

/** The canvas's toolbar as it will be, so the page does not change when the canvas takes over (or while it loads). */
export function ToolbarPlaceholder({ name }: { name: string }) {
  return (
    <div className="graph-canvas">
      <div className="canvas-toolbar" role="toolbar" aria-label={`Zoom ${name}`}>
        <button type="button">Zoom in</button>
        <button type="button">Zoom out</button>
        <button type="button">Fit</button>
      </div>
    </div>
  );
}

/**
 * Runs `fn` once the canvas in `stage` is settled (not aria-busy: its first drawing is computed in slices under the
 * picture, graph-canvas.tsx), at once if it is. Taking over earlier would uncover a canvas with nothing drawn yet.
 */
export function whenCanvasSettled(stage: Element | null | undefined, fn: () => void) {
  const canvas = stage?.querySelector('.graph-canvas[aria-busy="true"]');
  if (!canvas) return fn();
  const observer = new MutationObserver(() => {
    if (canvas.getAttribute('aria-busy') === 'true' && canvas.isConnected) return;
    observer.disconnect();
    fn();
  });
  observer.observe(canvas, { attributes: true, attributeFilter: ['aria-busy'] });
}

/**
 * The `onCy` of a canvas under a picture. The canvas starts exactly where the picture is (fractions of a pixel
 * included, so nothing shifts when it takes over) and draws under it, hidden. The picture stays until the drawing is
 * about to differ from it: the first pan, zoom, click, pointer over the diagram, key, resize or selection; then
 * `takeOver` removes it. Until then the page keeps the pixels it was sent with (canvas text and the SVG's differ by a
 * few anti-aliased pixels per label, which would make the whole picture flicker at an arbitrary moment), and a click
 * already goes to the canvas below. A canvas still computing its first drawing (busy) takes over once it is done.
 */
export function usePictureTakeover(takeOver: () => void) {
  return useCallback(
    (cy: Core | null) => {
      if (!cy) return;
      // After the canvas's own effects (its fit) have run, before it paints.
      queueMicrotask(() => {
        const container = cy.container();
        const svg = container?.closest('.graph-stage')?.querySelector<SVGSVGElement>('.prerender-picture svg');
        const vb = svg?.viewBox.baseVal;
        // A canvas that opened on the figure's start (a phone) keeps its readable view: the picture goes at once.
        const start = container?.closest('.graph-canvas')?.hasAttribute('data-start-view');
        const stage = container?.closest('.graph-stage');
        if (!container || !svg || !vb || vb.width <= 0 || vb.height <= 0 || start) {
          whenCanvasSettled(stage, () => cy.one('render', () => requestAnimationFrame(takeOver)));
          return;
        }
        const r = svg.getBoundingClientRect();
        const c = container.getBoundingClientRect();
        const zoom = Math.min(r.width / vb.width, r.height / vb.height);
        cy.viewport({
          zoom,
          pan: { x: r.left - c.left + (r.width - vb.width * zoom) / 2 - zoom * vb.x, y: r.top - c.top + (r.height - vb.height * zoom) / 2 - zoom * vb.y },
        });
        const events = ['pointerdown', 'pointermove', 'wheel', 'keydown', 'focusin'] as const;
        const stop = () => {
          cy.off('viewport select unselect', stop);
          for (const e of events) container.removeEventListener(e, stop, true);
          window.removeEventListener('resize', stop);
          whenCanvasSettled(stage, takeOver);
        };
        cy.on('viewport select unselect', stop);
        for (const e of events) container.addEventListener(e, stop, { capture: true, passive: true });
        window.addEventListener('resize', stop);
      });
    },
    [takeOver],
  );
}
