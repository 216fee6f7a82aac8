/**
 * Panes that show their new drawings one frame after another (draw-turns.ts): who waits for whom, in which order,
 * and what a pane that leaves changes. The frame is a callback the test runs (`frame()`).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame, DrawTurns } from '../../src/graph-view/draw-turns.ts';

/** Turns whose "after the next frame" callbacks are held until frame() runs them. */
function turns(order = ['left', 'right']) {
  const pending: (() => void)[] = [];
  const t = new DrawTurns(order, (then) => void pending.push(then));
  const shown: string[] = [];
  const show = (name: string) => () => shown.push(name);
  return {
    t,
    shown,
    show,
    /** The frame after the last pane shown has passed. */
    frame: () => pending.splice(0).forEach((f) => f()),
    framesWaiting: () => pending.length,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('DrawTurns', () => {
  it('shows a lone pane as soon as it is ready', () => {
    const { t, shown, show } = turns();
    t.join('right').ready(show('right'));
    expect(shown).toEqual(['right']);
  });

  it('waits until every pane that joined is ready, then shows them in their order, one per frame', () => {
    const { t, shown, show, frame } = turns();
    const left = t.join('left');
    const right = t.join('right');
    // The right pane is ready first: it waits for the left one.
    right.ready(show('right'));
    expect(shown).toEqual([]);
    left.ready(show('left'));
    // The left pane first; the right one only after the frame that draws the left one.
    expect(shown).toEqual(['left']);
    frame();
    expect(shown).toEqual(['left', 'right']);
    frame();
    expect(shown).toEqual(['left', 'right']);
  });

  it('a pane that becomes ready while the frame of another is pending waits for that frame', () => {
    const { t, shown, show, frame } = turns();
    t.join('left').ready(show('left'));
    const right = t.join('right');
    right.ready(show('right'));
    expect(shown).toEqual(['left']);
    frame();
    expect(shown).toEqual(['left', 'right']);
  });

  it('a pane that leaves while it computes no longer holds the others back', () => {
    const { t, shown, show } = turns();
    const left = t.join('left');
    t.join('right').ready(show('right'));
    expect(shown).toEqual([]);
    left.leave();
    expect(shown).toEqual(['right']);
    // Ready after leaving (a drawing replaced meanwhile): not shown.
    left.ready(show('left'));
    expect(shown).toEqual(['right']);
  });

  it('a pane that leaves while it waits for its turn is not shown', () => {
    const { t, shown, show, frame } = turns();
    const left = t.join('left');
    const right = t.join('right');
    right.ready(show('right'));
    right.leave();
    left.ready(show('left'));
    frame();
    expect(shown).toEqual(['left']);
    // Leaving twice, or after being shown, changes nothing.
    right.leave();
    left.leave();
    frame();
    expect(shown).toEqual(['left']);
  });

  it('a pane that leaves before the frame of the one shown lets nothing else through early', () => {
    const { t, shown, show, frame, framesWaiting } = turns();
    const left = t.join('left');
    const right = t.join('right');
    const other = t.join('right');
    left.ready(show('left'));
    right.ready(show('right'));
    other.ready(show('other'));
    expect(shown).toEqual(['left']);
    other.leave();
    expect(shown).toEqual(['left']);
    expect(framesWaiting()).toBe(1);
    frame();
    expect(shown).toEqual(['left', 'right']);
  });

  it('shows names it does not know after those it does, in the order they became ready', () => {
    const { t, shown, show, frame } = turns(['left', 'right']);
    const a = t.join('a');
    const b = t.join('b');
    const right = t.join('right');
    b.ready(show('b'));
    a.ready(show('a'));
    right.ready(show('right'));
    frame();
    frame();
    expect(shown).toEqual(['right', 'b', 'a']);
  });

  it('each turn is taken once: a pane shown is not shown again by a later frame', () => {
    const { t, shown, show, frame } = turns();
    t.join('left').ready(show('left'));
    frame();
    t.join('right').ready(show('right'));
    frame();
    frame();
    expect(shown).toEqual(['left', 'right']);
  });
});

describe('afterNextFrame', () => {
  it('runs after the next animation frame, in a message of its own (not in the frame, not on a timer)', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    const timers: unknown[] = [];
    const ran = vi.fn();
    afterNextFrame(ran);
    expect(frames).toHaveLength(1);
    expect(ran).not.toHaveBeenCalled();
    // Timers are held from now on: only a message can run it.
    vi.stubGlobal('setTimeout', (f: unknown) => timers.push(f));
    frames[0]!(0);
    // Not in the frame's own task.
    expect(ran).not.toHaveBeenCalled();
    // Two message round trips: the one it posted has arrived by then.
    for (let i = 0; i < 2; i++)
      await new Promise((done) => {
        const c = new MessageChannel();
        c.port1.onmessage = () => {
          c.port1.close();
          done(null);
        };
        c.port2.postMessage(null);
      });
    expect(ran).toHaveBeenCalledTimes(1);
    expect(timers).toEqual([]);
  });

  it('without animation frames or MessageChannel, runs on timers', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', undefined);
    vi.stubGlobal('MessageChannel', undefined);
    const ran = vi.fn();
    afterNextFrame(ran);
    vi.advanceTimersByTime(15);
    expect(ran).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    vi.runOnlyPendingTimers();
    expect(ran).toHaveBeenCalledTimes(1);
  });
});
