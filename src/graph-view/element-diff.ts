/**
 * The diff react-cytoscapejs applies its props with (graph-canvas.tsx): whether a prop, or one key of an element's
 * definition (its data, its position), changed.
 *
 * Props compare by reference: the elements array and the stylesheet are memoised, so an unchanged drawing is not
 * walked element by element. An element kept from the last drawing (the same id in a new compare pair, a figure
 * sharing an entity with the last one) comes in a new definition object, though, and by reference its data and
 * position always differ: react-cytoscapejs then set them again on every kept element, and Cytoscape restyles an
 * element whose data is set, even to the same values. So plain objects (an element's data, a position) compare by
 * the new one's values, one level deep, arrays by their items.
 */

const plain = (x: unknown): x is Record<string, unknown> => x != null && Object.getPrototypeOf(x) === Object.prototype;

const sameValue = (x: unknown, y: unknown) =>
  x === y || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i]));

/** True when `a` and `b` differ (react-cytoscapejs's `diff` prop). */
export function differs(a: unknown, b: unknown): boolean {
  if (a === b) return false;
  // Missing alike, whether undefined or null; missing against present is a change (neither is plain, below).
  if (a == null && b == null) return false;
  if (!plain(a) || !plain(b)) return true;
  // Only the new object's keys: setting data adds or changes keys and leaves the others, and the last definition's
  // data is the element's own data object in Cytoscape, which holds the overlay's keys too (use-overlay.ts).
  return Object.keys(a).some((k) => !(k in b) || !sameValue(a[k], b[k]));
}
