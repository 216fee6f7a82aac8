/**
 * When the code for later (the export dialog, opening files) may load (app.tsx useIdle): not before the canvas's code
 * is in, then not before IDLE_AFTER_CANVAS_MS, and then only at the browser's next idle moment. Driven with fake
 * timers and a fake requestIdleCallback.
 */
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let canvasIn: () => void = () => {};
vi.mock('../../src/graph-view/lazy-graph-canvas.tsx', async (original) => ({
  ...(await original<typeof import('../../src/graph-view/lazy-graph-canvas.tsx')>()),
  preloadGraphCanvas: () => new Promise<void>((resolve) => (canvasIn = resolve)),
}));

const { IDLE_AFTER_CANVAS_MS, useIdle } = await import('../../src/app/app.tsx');

let idleCallbacks: (() => void)[] = [];
beforeEach(() => {
  vi.useFakeTimers();
  idleCallbacks = [];
  vi.stubGlobal('requestIdleCallback', (f: () => void) => idleCallbacks.push(f));
  vi.stubGlobal('cancelIdleCallback', () => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('useIdle', () => {
  it('turns true at the first idle moment once the canvas’s code is in and IDLE_AFTER_CANVAS_MS have passed', async () => {
    const { result } = renderHook(() => useIdle());
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(idleCallbacks).toHaveLength(0);
    expect(result.current).toBe(false);
    await act(async () => canvasIn());
    await act(() => vi.advanceTimersByTimeAsync(IDLE_AFTER_CANVAS_MS - 1));
    expect(idleCallbacks).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(idleCallbacks).toHaveLength(1);
    expect(result.current).toBe(false);
    act(() => idleCallbacks[0]!());
    expect(result.current).toBe(true);
  });

  it('asks for nothing once its component is gone', async () => {
    const { unmount } = renderHook(() => useIdle());
    await act(async () => canvasIn());
    unmount();
    await act(() => vi.advanceTimersByTimeAsync(IDLE_AFTER_CANVAS_MS * 2));
    expect(idleCallbacks).toHaveLength(0);
  });
});
