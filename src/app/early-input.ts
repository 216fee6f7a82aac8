/**
 * What the reader does to the prerendered page before the app has taken over (main.tsx starts the app only after the
 * first picture; on a busy two-core machine it takes over half a second to seconds later). The page looks ready, but
 * its controls have no handlers yet, and React's first render replaces the page's DOM (start.tsx: createRoot, not
 * hydrate): typed text, a chosen figure or a ticked box would be lost, a click ignored.
 *
 * From the page's entry script (catchEarlyInput, which a prerendered page adds as soon as its picture is on screen,
 * prerender/boot.ts), the controls the reader uses are noted and marked as coming
 * (aria-busy, which app.css shows with a progress cursor and a fade, no change of size); after the app's first commit
 * (replayEarlyInput, app.tsx) each is found again in the new DOM by its role in the page (tag, type, name, and rank
 * among controls of that name) and what the reader did is done to it, once:
 *  - the focus goes back to the control that had it (with a text field's caret and selection);
 *  - a text field gets the text typed into it (an `input` event: the app's onChange sees it), Enter pressed in it is
 *    pressed again after;
 *  - a select, a check box or a radio button ends in the state the reader left it (a `change` event, or a click
 *    where its state differs);
 *  - a click on a button is replayed: once per button, however often it was clicked meanwhile (a button that did
 *    not answer is clicked again out of impatience, not to toggle it twice); of buttons pressed in one group
 *    (`aria-pressed`: the view tabs), the last.
 * A link is left alone: the browser follows it without any script.
 *
 * Text and focus are restored in the commit itself (no frame shows an empty box); the other actions one task apart,
 * each after the app has rendered the one before (a handler reads the state its render saw).
 *
 * This module imports nothing: it is part of the page's entry script, and every byte of it counts in the start-up
 * budget (npm run budget), hence its terse code.
 */

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
/** A control's name and its rank among the page's controls of that name. */
type Key = [string, number];

interface Caught {
  key: Key;
  /** The page's control (read for its final value or state when replayed, gone from the page by then). */
  el: Field;
  /** 'click' (a button), 'state' (a select, box or radio), 'text' (a text field), 'enter' (Enter in a text field). */
  kind: 'click' | 'state' | 'text' | 'enter';
}

let on = false;
let caught: Caught[] = [];
/** The control that has the focus, and its key. */
let focused: { el: Field; key: Key } | null = null;

const CONTROL = 'button,input,select,textarea';
const isText = (el: Element): el is HTMLInputElement => /^(text|search|textarea)$/.test((el as Field).type);
const root = () => document.getElementById('root')!;

/** What finds a control again in the app's first render: its tag, type and name (aria-label, else its label's text). */
const describe = (el: Element) => el.tagName + (el as Field).type + (el.getAttribute('aria-label') ?? (el.closest('label') ?? el).textContent);
const named = (d: string) => [...root().querySelectorAll(CONTROL)].filter((e) => describe(e) === d);
const keyOf = (el: Element): Key => {
  const d = describe(el);
  return [d, named(d).indexOf(el)];
};
const find = ([d, i]: Key) => named(d)[i] as Field | undefined;

/** The control an event reached, if it is one of the page's (not a link; nothing once the app has taken over). */
function controlOf(e: Event) {
  const el = (e.target as Element).closest?.(CONTROL) as Field | null;
  return on && el && root().contains(el) ? el : null;
}

function note(el: Field, kind: Caught['kind']) {
  const key = keyOf(el);
  const group = el.hasAttribute('aria-pressed') && el.parentElement;
  // One entry per control and kind, at the place of its last use; one pressed button per group.
  caught = caught.filter((c) => !(String(c.key) === String(key) && c.kind === kind) && !(group && c.kind === kind && c.el.parentElement === group));
  caught.push({ key, el, kind });
  // (app.css gives it a progress cursor.)
  el.setAttribute('aria-busy', 'true');
}

const onChange = (e: Event) => {
  const el = controlOf(e);
  if (el) note(el, isText(el) ? 'text' : 'state');
};

const LISTENERS: [string, (e: Event) => void][] = [
  [
    'click',
    (e) => {
      const el = controlOf(e);
      // A check box or radio button changes itself (and fires a change event); a text field's click is only a caret.
      if (el?.tagName === 'BUTTON') note(el, 'click');
    },
  ],
  ['input', onChange],
  ['change', onChange],
  [
    'keydown',
    (e) => {
      const el = controlOf(e);
      if (el && isText(el) && (e as KeyboardEvent).key === 'Enter') note(el, 'enter');
    },
  ],
  [
    'focusin',
    (e) => {
      const el = controlOf(e);
      if (!el) return;
      const now = (focused = { el, key: keyOf(el) });
      // Focus moved away by the reader (not by the page's DOM being replaced, which leaves it unconnected): forgotten.
      el.addEventListener('focusout', () => queueMicrotask(() => focused === now && el.isConnected && document.activeElement !== el && (focused = null)), { once: true });
    },
  ],
];

/** From the page's first script: notes what the reader does to the page's controls until replayEarlyInput(). */
export function catchEarlyInput() {
  on = true;
  caught = [];
  focused = null;
  // On the document, capturing: before anything of the page's own.
  for (const [type, f] of LISTENERS) document.addEventListener(type, f, true);
}

/** Does what the reader did to the page's control `was` to the app's `now`. */
function act({ kind, el: was }: Caught, now: Field) {
  if (kind === 'click') now.click();
  else if (kind === 'enter') now.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  else if (/^(checkbox|radio)$/.test(was.type)) {
    if ((now as HTMLInputElement).checked !== (was as HTMLInputElement).checked) now.click();
  } else if (now.value !== was.value) {
    now.value = was.value;
    now.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

/** How the actions after the first are spaced: each in a task of its own, after the app's render of the one before. */
export type Later = (f: () => void) => void;
const nextTask: Later = (f) => requestAnimationFrame(() => setTimeout(f));

/**
 * After the app's first commit (its DOM in place of the page's): stops catching and replays, once, what the reader did
 * (see above). Nothing caught: nothing done.
 */
export function replayEarlyInput(later: Later = nextTask) {
  if (!on) return;
  on = false;
  for (const [type, f] of LISTENERS) document.removeEventListener(type, f, true);
  // At once, in the commit: the text typed and the focus, so no frame shows an empty box or loses the caret.
  for (const { kind, key, el } of caught) {
    const now = find(key);
    if (kind === 'text' && now && now.value !== el.value) {
      // As typing does: through the element's own setter (React's tracker of the value does not see it), then an
      // `input` event, which React's onChange sees.
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(now), 'value')!.set!.call(now, el.value);
      now.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
  const had = focused;
  if (had && !had.el.isConnected && document.activeElement === document.body) {
    const was = had.el;
    const now = find(had.key);
    now?.focus({ preventScroll: true });
    // (The page's field, out of the page, still has its caret.)
    const place = () => now && isText(was) && (now as HTMLInputElement).setSelectionRange(was.selectionStart, was.selectionEnd);
    place();
    // Again once React has rendered the text typed (in this task still): a controlled field set from within the commit
    // is given its value back after the render, which puts the caret at its end.
    queueMicrotask(place);
  }
  // Then the rest, in the reader's order, each once the app has rendered the one before.
  const rest = caught.filter((c) => c.kind !== 'text');
  const step = (i: number) => {
    const now = find(rest[i]!.key);
    if (now) act(rest[i]!, now);
    if (rest[i + 1]) later(() => step(i + 1));
  };
  if (rest[0]) later(() => step(0));
}
