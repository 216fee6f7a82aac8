/**
 * Derived values that keep their identity while their content stays the same. A derived atom recomputes when any
 * atom it reads changes, and hands out a new object even when nothing in it differs: the rest of the data arriving
 * (data.ts) makes a new model, hence a new view and new decorations of the same drawing. Whatever compares them by
 * identity (the canvas, the picture's takeover in features/main-graph, caches keyed by view) would then redraw, or
 * hand over from the page's picture, for nothing.
 */
import { atom, type Atom, type Getter } from 'jotai';

/**
 * Same content: primitives by Object.is; arrays, Maps and Sets entry by entry in order; plain objects key by key;
 * any other object only as itself. A reference both share is not walked, so an unchanged part costs nothing.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => sameData(x, other[i]));
  }
  if (a instanceof Map || a instanceof Set) {
    const other = b as Map<unknown, unknown> | Set<unknown>;
    if (a.size !== other.size) return false;
    const theirs = other.entries();
    for (const mine of a.entries()) {
      const next = theirs.next().value as [unknown, unknown];
      if (!sameData(mine[0], next[0]) || !sameData(mine[1], next[1])) return false;
    }
    return true;
  }
  // Any other kind of object (a Date, a class's instance) is the same only as itself.
  const proto: unknown = Object.getPrototypeOf(a);
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A derived atom that returns its previous value while `read` gives the same content (sameData). */
export function keepEqual<T>(read: (get: Getter) => T): Atom<T> {
  const none = Symbol('not yet read');
  // Jotai gives an atom that reads itself its previous value (or `init` the first time), as selectAtom does.
  const kept: Atom<T | typeof none> = Object.assign(
    atom((get): T | typeof none => {
      const previous = get(kept);
      const next = read(get);
      // Stryker disable next-line ConditionalExpression: equivalent, a shortcut: sameData(none, next) is false anyway, `none` being this atom's own symbol, which `read` cannot return.
      return previous !== none && sameData(previous, next) ? previous : next;
    }),
    { init: none },
  );
  return kept as Atom<T>;
}
