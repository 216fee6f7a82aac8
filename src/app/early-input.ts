/**
 * What the reader does to the prerendered page before the app has taken over (main.tsx starts the app only after the
 * first picture; on a busy two-core machine it takes over half a second to seconds later). The page looks ready, but
 * its controls have no handlers yet, and React's first render replaces the page's DOM (start.tsx: createRoot, not
 * hydrate): typed text, a chosen figure or a ticked box would be lost, a click ignored.
 *
 * From the page's first script (catchEarlyInput), the controls the reader uses are noted and marked as coming
 * (aria-busy, class `early-pending`: a progress cursor, no change of size); after the app's first commit
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
 * This module imports nothing: it is part of the page's entry script (keep it small: npm run budget).
 */

/** The class of a control used before the app took over (app.css: a progress cursor). */
export const PENDING_CLASS = 'early-pending';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

interface Caught {
  key: string;
  /** The page's control (read for its final value or state when replayed, gone from the page by then). */
  el: Element;
  /** 'click' (a button), 'state' (a select, box or radio), 'text' (a text field), 'enter' (Enter in a text field). */
  kind: 'click' | 'state' | 'text' | 'enter';
}

let doc: Document | undefined;
let caught: Caught[] = [];
/** The control that has the focus, its key, and a text field's caret (as last seen: a removed field may lose it). */
let focused: { el: Element; key: string; caret?: [number | null, number | null, 'forward' | 'backward' | 'none' | null] } | null = null;

const CONTROL = 'button, input, select, textarea, [role="button"]';
const TEXT_TYPES = /^(text|search|email|url|tel|number|password)$/;
const isText = (el: Element): el is HTMLInputElement | HTMLTextAreaElement =>
  el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && TEXT_TYPES.test((el as HTMLInputElement).type));
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** A control's name: its aria-label, else the text of its label (less the control's own), else its text. */
function nameOf(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return squash(label);
  const around = el.closest('label');
  if (around && around !== el) return squash([...around.childNodes].filter((n) => !n.contains(el)).map((n) => n.textContent).join(''));
  return squash(el.textContent);
}

const describe = (el: Element) => `${el.tagName}|${el.getAttribute('type') ?? ''}|${nameOf(el)}`;

/** Where a control is in the page: the same in the prerendered page and in the app's first render. */
function keyOf(el: Element, root: ParentNode): string {
  const d = describe(el);
  const same = [...root.querySelectorAll(el.tagName)].filter((e) => describe(e) === d);
  return `${same.indexOf(el)}|${d}`;
}

function find(key: string, root: ParentNode): HTMLElement | undefined {
  const cut = key.indexOf('|');
  const d = key.slice(cut + 1);
  return [...root.querySelectorAll<HTMLElement>(d.slice(0, d.indexOf('|')))].filter((e) => describe(e) === d)[Number(key.slice(0, cut))];
}

const rootOf = (d: Document) => d.getElementById('root');

/** The control an event reached, if it is one of the page's (not a link, not the app's own once it has taken over). */
function controlOf(e: Event): Element | null {
  const target = e.target;
  if (!doc || !(target instanceof doc.defaultView!.Element)) return null;
  const el = target.closest(CONTROL);
  const root = rootOf(doc);
  return el && root?.contains(el) ? el : null;
}

function note(el: Element, kind: Caught['kind']) {
  const key = keyOf(el, rootOf(doc!)!);
  const group = el.hasAttribute('aria-pressed') ? el.parentElement : null;
  // One entry per control and kind, at the place of its last use; one pressed button per group.
  caught = caught.filter(
    (c) => !(c.key === key && c.kind === kind) && !(group && kind === 'click' && c.kind === 'click' && c.el.hasAttribute('aria-pressed') && c.el.parentElement === group),
  );
  caught.push({ key, el, kind });
  el.classList.add(PENDING_CLASS);
  el.setAttribute('aria-busy', 'true');
}

const onClick = (e: Event) => {
  const el = controlOf(e);
  // A check box or radio button changes itself (and fires a change event); a text field's click is only a caret.
  if (el && (el.tagName === 'BUTTON' || el.getAttribute('role') === 'button')) note(el, 'click');
};
const onChange = (e: Event) => {
  const el = controlOf(e);
  if (el) note(el, isText(el) ? 'text' : 'state');
  onCaret(e);
};
const onKey = (e: Event) => {
  const el = controlOf(e);
  if (el && isText(el) && (e as KeyboardEvent).key === 'Enter') note(el, 'enter');
};
/** A text field's caret, noted after each key, click and selection in it. */
const onCaret = (e: Event) => {
  const el = controlOf(e);
  if (el && focused?.el === el && isText(el)) focused.caret = [el.selectionStart, el.selectionEnd, el.selectionDirection];
};
const onFocus = (e: Event) => {
  const el = controlOf(e);
  if (!el) return;
  const now = (focused = { el, key: keyOf(el, rootOf(doc!)!) });
  onCaret(e);
  // Focus moved away by the reader (not by the page's DOM being replaced, which leaves it unconnected): forgotten.
  el.addEventListener('focusout', () => queueMicrotask(() => {
    if (focused === now && el.isConnected && el.ownerDocument.activeElement !== el) focused = null;
  }), { once: true });
};

const LISTENERS: [string, (e: Event) => void][] = [
  ['click', onClick],
  ['input', onChange],
  ['change', onChange],
  ['keydown', onKey],
  ['focusin', onFocus],
  ['keyup', onCaret],
  ['mouseup', onCaret],
  ['select', onCaret],
];

/** From the page's first script: notes what the reader does to the page's controls until replayEarlyInput(). */
export function catchEarlyInput(d: Document = document) {
  doc = d;
  caught = [];
  focused = null;
  // On the document, capturing: before anything of the page's own.
  for (const [type, f] of LISTENERS) d.addEventListener(type, f, true);
}

/** Sets a field's value as typing does: through the element's own setter, then an `input` event (React's onChange). */
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Does what the reader did to the page's control `was` to the app's `now`. */
function act(c: Caught, now: HTMLElement) {
  const was = c.el as Field;
  if (c.kind === 'click') now.click();
  else if (c.kind === 'enter') now.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
  else if (was.tagName === 'INPUT' && /^(checkbox|radio)$/.test((was as HTMLInputElement).type)) {
    if ((now as HTMLInputElement).checked !== (was as HTMLInputElement).checked) now.click();
  } else if ((now as Field).value !== was.value) {
    (now as HTMLSelectElement).value = was.value;
    now.dispatchEvent(new Event('input', { bubbles: true }));
    now.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

/** How the actions after the first are spaced: each in a task of its own, after the app's render of the one before. */
export type Later = (f: () => void) => void;
const nextTask: Later = (f) => requestAnimationFrame(() => setTimeout(f, 0));

/**
 * After the app's first commit (its DOM in place of the page's): stops catching and replays, once, what the reader did
 * (see above). Returns a promise settled once every action has been replayed. Nothing caught: nothing done.
 */
export function replayEarlyInput(later: Later = nextTask): Promise<void> {
  const d = doc;
  if (!d) return Promise.resolve();
  doc = undefined;
  for (const [type, f] of LISTENERS) d.removeEventListener(type, f, true);
  const root = rootOf(d);
  const todo = caught;
  const hadFocus = focused;
  caught = [];
  focused = null;
  if (!root) return Promise.resolve();
  // At once, in the commit: the text typed and the focus, so no frame shows an empty box or loses the caret.
  for (const c of todo.filter((c) => c.kind === 'text')) {
    const now = find(c.key, root);
    if (now && isText(now) && now.value !== (c.el as HTMLInputElement).value) type(now, (c.el as HTMLInputElement).value);
  }
  if (hadFocus && !hadFocus.el.isConnected && (!d.activeElement || d.activeElement === d.body)) {
    const was = hadFocus.el;
    const now = find(hadFocus.key, root);
    now?.focus({ preventScroll: true });
    const caret = hadFocus.caret;
    if (now && isText(now) && isText(was) && caret) {
      const place = () => {
        try {
          now.setSelectionRange(caret[0], caret[1], caret[2] ?? undefined);
        } catch {
          // (A field type without a caret: number, email.)
        }
      };
      place();
      // Again once React has rendered the text typed (in this task still): a controlled field set from within the commit
      // is given its value back after the render, which puts the caret at its end.
      queueMicrotask(place);
    }
  }
  // Then the rest, in the reader's order, each once the app has rendered the one before.
  const rest = todo.filter((c) => c.kind !== 'text');
  return new Promise((resolve) => {
    const step = (i: number) => {
      if (i >= rest.length) return resolve();
      const now = find(rest[i]!.key, root);
      if (now) act(rest[i]!, now);
      if (i + 1 >= rest.length) resolve();
      else later(() => step(i + 1));
    };
    if (rest.length) later(() => step(0));
    else resolve();
  });
}

