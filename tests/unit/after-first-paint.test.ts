/**
 * When the app's code starts (src/prerender/after-first-paint.ts): once the page's first paint is reported, and at
 * once where it will not be (a page not shown, a browser without paint entries after its first frame, a report that
 * never comes after MAX_WAIT_MS). Driven with a fake window: the test plays the browser's frames, timers and reports.
 */
import { describe, expect, it } from 'vitest';
import { afterFirstPaint, APP_PRELOADS_ID, MAX_WAIT_MS, startPreloads, type PaintWindow } from '../../src/prerender/after-first-paint.ts';

function fakeWindow(options: { visibility?: DocumentVisibilityState; painted?: boolean; paintEntries?: boolean } = {}) {
  const timers: { id: number; at: number; run: () => void }[] = [];
  const frames: (() => void)[] = [];
  const observers: { callback: (list: { getEntries(): unknown[] }) => void; observed: { type: string; buffered?: boolean }[]; connected: boolean }[] = [];
  let now = 0;
  let nextId = 1;
  class Observer {
    static supportedEntryTypes = options.paintEntries === false ? ['mark', 'measure'] : ['mark', 'measure', 'paint'];
    private readonly record;
    constructor(callback: (list: { getEntries(): unknown[] }) => void) {
      this.record = { callback, observed: [] as { type: string; buffered?: boolean }[], connected: true };
      observers.push(this.record);
    }
    observe(o: { type: string; buffered?: boolean }) {
      this.record.observed.push(o);
    }
    disconnect() {
      this.record.connected = false;
    }
  }
  const win: PaintWindow = {
    document: { visibilityState: options.visibility ?? 'visible' },
    performance: { getEntriesByType: (type: string) => (type === 'paint' && options.painted ? [{ name: 'first-paint' }] : []) } as PaintWindow['performance'],
    PerformanceObserver: Observer,
    requestAnimationFrame: (callback) => frames.push(callback),
    setTimeout: (run, ms = 0) => {
      const id = nextId++;
      timers.push({ id, at: now + ms, run });
      return id;
    },
    clearTimeout: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  return {
    win,
    observers,
    /** The browser paints its first frame and reports it to every observer still listening for paint entries. */
    paint() {
      for (const o of observers) if (o.connected && o.observed.some((x) => x.type === 'paint')) o.callback({ getEntries: () => [{ name: 'first-paint' }] });
    },
    /** Runs the pending animation frames. */
    frame() {
      frames.splice(0).forEach((f) => f());
    },
    /** Moves the clock on, running the timers that fall due. */
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)) {
        timers.splice(timers.indexOf(t), 1);
        t.run();
      }
    },
    pendingTimers: () => timers.length,
  };
}

/** The promise's outcome so far: its value once settled, else 'pending' (after letting resolved callbacks run). */
async function state<T>(p: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([p, new Promise<'pending'>((r) => setTimeout(() => r('pending'), 0))]);
}

describe('the app starts once the first picture is on screen (afterFirstPaint)', () => {
  it('waits for the first paint entry, observed with the entries already buffered, and no longer', async () => {
    const page = fakeWindow();
    const started = afterFirstPaint(page.win);
    expect(page.observers).toHaveLength(1);
    expect(page.observers[0]!.observed).toEqual([{ type: 'paint', buffered: true }]);
    // Frames and time before the paint's report do not start it.
    page.frame();
    page.advance(MAX_WAIT_MS - 1);
    expect(await state(started)).toBe('pending');
    page.paint();
    expect(await state(started)).toBe('painted');
    // It stops listening, and its safety timer is gone.
    expect(page.observers[0]!.connected).toBe(false);
    expect(page.pendingTimers()).toBe(0);
  });

  it('ignores a report with no entry in it', async () => {
    const page = fakeWindow();
    const started = afterFirstPaint(page.win);
    page.observers[0]!.callback({ getEntries: () => [] });
    expect(await state(started)).toBe('pending');
    page.paint();
    expect(await state(started)).toBe('painted');
  });

  it('starts at once when the page has already painted', async () => {
    const page = fakeWindow({ painted: true });
    expect(await state(afterFirstPaint(page.win))).toBe('painted');
    expect(page.observers).toHaveLength(0);
  });

  it('starts at once in a page not shown: a tab in the background paints nothing until it is shown', async () => {
    for (const visibility of ['hidden', 'prerender'] as DocumentVisibilityState[]) {
      const page = fakeWindow({ visibility });
      expect(await state(afterFirstPaint(page.win))).toBe('hidden');
      expect(page.observers).toHaveLength(0);
    }
  });

  it('starts after the first animation frame in a browser without paint entries', async () => {
    for (const win of [fakeWindow({ paintEntries: false }), (() => {
      const page = fakeWindow();
      delete page.win.PerformanceObserver;
      return page;
    })()]) {
      const started = afterFirstPaint(win.win);
      expect(win.observers).toHaveLength(0);
      expect(await state(started)).toBe('pending');
      win.frame();
      // In a task after the frame, not inside it.
      expect(await state(started)).toBe('pending');
      win.advance(0);
      expect(await state(started)).toBe('frame');
    }
  });

  it(`starts after ${MAX_WAIT_MS} ms when the paint is never reported, and a late report changes nothing`, async () => {
    const page = fakeWindow();
    const started = afterFirstPaint(page.win);
    page.advance(MAX_WAIT_MS - 1);
    expect(await state(started)).toBe('pending');
    page.advance(1);
    expect(await state(started)).toBe('waited');
    expect(page.observers[0]!.connected).toBe(false);
    page.paint();
    expect(await started).toBe('waited');
  });
});

describe('the app’s chunks are asked for once it starts (startPreloads)', () => {
  const page = (head: string) => {
    document.head.innerHTML = head;
    return document;
  };

  it('puts the page’s inert list of module preloads into its head, once', () => {
    const doc = page(
      `<meta charset="utf-8"><template id="${APP_PRELOADS_ID}"><link rel="modulepreload" crossorigin href="./assets/start-a.js"><link rel="modulepreload" crossorigin href="./assets/react-b.js"></template>`,
    );
    // Inert until then: not a link of the document.
    expect(doc.querySelectorAll('link[rel="modulepreload"]')).toHaveLength(0);
    expect(startPreloads(doc)).toBe(2);
    const links = [...doc.head.querySelectorAll('link[rel="modulepreload"]')];
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['./assets/start-a.js', './assets/react-b.js']);
    expect(links.every((l) => l.hasAttribute('crossorigin'))).toBe(true);
    expect(doc.getElementById(APP_PRELOADS_ID)).toBeNull();
    // A second call finds no list.
    expect(startPreloads(doc)).toBe(0);
    expect(doc.head.querySelectorAll('link[rel="modulepreload"]')).toHaveLength(2);
  });

  it('does nothing on a page without the list (the dev server’s), or with something else of that id', () => {
    expect(startPreloads(page('<meta charset="utf-8">'))).toBe(0);
    expect(startPreloads(page(`<meta id="${APP_PRELOADS_ID}" name="x">`))).toBe(0);
    expect(document.head.querySelectorAll('link')).toHaveLength(0);
  });
});
