/**
 * The canvas stylesheet, read back through a headless Cytoscape: what each class and state looks like once Cytoscape
 * has applied the sheet, not the sheet's text.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { buildStylesheet, HIGHLIGHT_COLOUR, SELECTED_COLOUR } from '../../src/graph-view/stylesheet.ts';

function drawing() {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: buildStylesheet(),
    elements: [
      { group: 'nodes', data: { id: 'a', border: '#123456', borderWidth: 3, borderStyle: 'double', sourceColour: '#ff0000' } },
      { group: 'nodes', data: { id: 'b', border: '#333333', borderWidth: 1.5, borderStyle: 'dashed' } },
      { group: 'edges', data: { id: 'e', source: 'a', target: 'b', c0: '#00ff00', gc: '#111111 #111111 #222222 #222222', gp: '0% 50% 50% 100%' } },
    ],
  });
}
const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
};

describe('the canvas stylesheet', () => {
  it('draws nodes with their kind’s border from data, in Inter 13 px, centred and wrapped as measured', () => {
    const a = drawing().$id('a');
    expect(a.style('border-color')).toBe(rgb('#123456'));
    expect(a.style('border-width')).toBe('3px');
    expect(a.style('border-style')).toBe('double');
    // Inter, then Inter's other characters (a family of their own: src/theme/kinds.ts).
    expect(a.style('font-family')).toBe('Inter, "Inter Extra"');
    expect(a.style('font-size')).toBe('13px');
    expect(a.style('line-height')).toBe('1.25');
    expect(a.style('color')).toBe(rgb('#111111'));
    expect(a.style('text-valign')).toBe('center');
    expect(a.style('text-halign')).toBe('center');
    expect(a.style('text-wrap')).toBe('wrap');
    expect(a.style('text-max-width')).toBe('400px');
    expect(a.style('min-zoomed-font-size')).toBe('4px');
    expect(a.style('overlay-opacity')).toBe('0');
  });

  it('draws edges 1.6 px in the edge grey, arrow heads the same, dashes 6/4', () => {
    const e = drawing().$id('e');
    expect(e.style('width')).toBe('1.6px');
    expect(e.style('line-color')).toBe(rgb('#3d3d3d'));
    expect(e.style('target-arrow-color')).toBe(rgb('#3d3d3d'));
    expect(e.style('arrow-scale')).toBe('1.1');
    expect(e.style('line-dash-pattern')).toBe('6 4');
    expect(e.style('overlay-opacity')).toBe('0');
  });

  it('dims what an overlay leaves out, and hides left-out edges', () => {
    const cy = drawing();
    cy.elements().addClass('off');
    expect(cy.$id('a').style('opacity')).toBe('0.12');
    expect(cy.$id('a').style('visibility')).toBe('visible');
    expect(cy.$id('e').style('visibility')).toBe('hidden');
  });

  it('borders an active source in its own colour, colours and stripes edges from their data', () => {
    const cy = drawing();
    cy.$id('a').addClass('source-on');
    expect(cy.$id('a').style('border-color')).toBe(rgb('#ff0000'));
    expect(cy.$id('a').style('border-width')).toBe('3px');
    const e = cy.$id('e');
    e.addClass('coloured');
    expect(e.style('width')).toBe('2.4px');
    expect(e.style('line-color')).toBe(rgb('#00ff00'));
    expect(e.style('target-arrow-color')).toBe(rgb('#00ff00'));
    expect(e.style('line-fill')).toBe('solid');
    e.addClass('striped');
    expect(e.style('line-fill')).toBe('linear-gradient');
    expect(e.style('line-gradient-stop-colors')).toBe(`${rgb('#111111')} ${rgb('#111111')} ${rgb('#222222')} ${rgb('#222222')}`);
    expect(e.style('line-gradient-stop-positions')).toBe('0% 50% 50% 100%');
  });

  it('underlays a path in the Okabe–Ito yellow (#F0E442) the exports draw its halo in (export/compose.ts): an exported path looks as on screen', () => {
    const cy = drawing();
    cy.$id('a').addClass('path');
    expect(cy.$id('a').style('underlay-color')).toBe('rgb(240,228,66)');
  });

  it('highlights a path: its edges wide and on top, its nodes underlaid in the highlight yellow, the rest faded', () => {
    const cy = drawing();
    cy.$id('e').addClass('path');
    cy.$id('a').addClass('path');
    cy.$id('b').addClass('path-faded');
    expect(cy.$id('e').style('width')).toBe('4.5px');
    expect(cy.$id('e').style('z-index')).toBe('20');
    expect(cy.$id('a').style('underlay-color')).toBe(rgb(HIGHLIGHT_COLOUR));
    expect(cy.$id('a').style('underlay-opacity')).toBe('0.9');
    expect(cy.$id('a').style('underlay-padding')).toBe('5px');
    expect(cy.$id('b').style('opacity')).toBe('0.15');
  });

  it('marks the selection in black, the neighbourhood vivid and the rest faded', () => {
    const cy = drawing();
    cy.$id('a').select();
    cy.$id('e').select();
    expect(cy.$id('a').style('border-color')).toBe(rgb(SELECTED_COLOUR));
    expect(cy.$id('a').style('border-width')).toBe('4px');
    expect(cy.$id('a').style('border-style')).toBe('solid');
    expect(cy.$id('e').style('width')).toBe('4px');
    expect(cy.$id('e').style('line-color')).toBe(rgb(SELECTED_COLOUR));
    expect(cy.$id('e').style('target-arrow-color')).toBe(rgb(SELECTED_COLOUR));
    expect(cy.$id('e').style('z-index')).toBe('10');
    const other = drawing();
    other.$id('b').addClass('faded');
    other.$id('e').addClass('neighbour');
    expect(other.$id('b').style('opacity')).toBe('0.22');
    expect(other.$id('e').style('width')).toBe('2.6px');
  });

  it('on a big drawing, where nothing fades, underlays the selection’s neighbours in a lighter highlight', () => {
    const cy = drawing();
    cy.$id('b').addClass('near');
    expect(cy.$id('b').style('underlay-color')).toBe(rgb(HIGHLIGHT_COLOUR));
    expect(cy.$id('b').style('underlay-opacity')).toBe('0.6');
    expect(cy.$id('b').style('underlay-padding')).toBe('4px');
    expect(cy.$id('b').style('opacity')).toBe('1');
    expect(cy.$id('a').style('underlay-opacity')).toBe('0');
  });

  it('backs labels kept by the level of detail, hides the others, and underlays a hovered node', () => {
    const cy = drawing();
    cy.$id('a').addClass('lod-label');
    cy.$id('b').addClass('lod-hidden');
    expect(cy.$id('a').style('text-background-color')).toBe(rgb('#ffffff'));
    expect(cy.$id('a').style('text-background-opacity')).toBe('0.8');
    expect(cy.$id('a').style('text-background-padding')).toBe('1px');
    expect(cy.$id('a').style('z-index')).toBe('5');
    expect(cy.$id('b').style('text-opacity')).toBe('0');
    expect(cy.$id('a').style('text-opacity')).toBe('1');
    cy.$id('b').addClass('hover');
    expect(cy.$id('b').style('underlay-color')).toBe(rgb(HIGHLIGHT_COLOUR));
    expect(cy.$id('b').style('underlay-opacity')).toBe('0.8');
    expect(cy.$id('b').style('underlay-padding')).toBe('6px');
  });
});
