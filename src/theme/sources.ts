/**
 * One colour per MSC source, in the order the review presents them. Paul Tol's "muted" qualitative palette,
 * designed to stay distinct for colour-blind readers (https://personal.sron.nl/~pault/#sec:qualitative);
 * generic "MSCs (any source)" is grey. Colour is never the only cue: toggles, panels and details name the source.
 */
// Cyan and sand are a shade darker than Tol's (#88CCEE, #DDCC77) so that thin edges stay visible on white.
export const SOURCE_PALETTE = ['#332288', '#117733', '#44AA99', '#6CB8E0', '#D2BC55', '#CC6677', '#AA4499', '#882255', '#999933'];
export const GENERIC_SOURCE_COLOUR = '#8C8C8C';

/** Every colour a source can have: the palette and the generic grey. */
export const SOURCE_COLOURS: readonly string[] = [...SOURCE_PALETTE, GENERIC_SOURCE_COLOUR];

/**
 * The class that paints an element in a source colour (app.css `.colour-332288 { background: #332288 }`).
 * Swatches are coloured by class, not by a `style` attribute: the prerendered pages' Content-Security-Policy allows
 * no inline style attributes, so a styled swatch would show no colour with scripts off.
 */
export function colourClass(colour: string): string {
  const hex = colour.replace(/^#/, '').toUpperCase();
  if (!SOURCE_COLOURS.includes(`#${hex}`)) throw new Error(`${colour} is not a source colour: app.css has no class for it`);
  return `colour-${hex}`;
}

export function sourceColour(order: readonly string[], id: string): string {
  if (id === 'msc') return GENERIC_SOURCE_COLOUR;
  const specific = order.filter((s) => s !== 'msc');
  const i = specific.indexOf(id);
  return i >= 0 ? SOURCE_PALETTE[i % SOURCE_PALETTE.length]! : GENERIC_SOURCE_COLOUR;
}

/** Colour of one side of a comparison: its source's, or for a figure, its first source's. */
export function sideColour(order: readonly string[], figures: readonly { id: string; sources: readonly string[] }[], side: { type: 'source' | 'figure'; id: string }): string {
  const id = side.type === 'source' ? side.id : (figures.find((f) => f.id === side.id)?.sources[0] ?? 'msc');
  return sourceColour(order, id);
}

/** The two sides' colours, never the same (two figures about one source would otherwise look alike). */
export function pairColours(
  order: readonly string[],
  figures: readonly { id: string; sources: readonly string[] }[],
  left: { type: 'source' | 'figure'; id: string },
  right: { type: 'source' | 'figure'; id: string },
): [string, string] {
  const l = sideColour(order, figures, left);
  const r = sideColour(order, figures, right);
  if (l !== r) return [l, r];
  return [l, [...SOURCE_PALETTE, GENERIC_SOURCE_COLOUR].find((c) => c !== l)!];
}
