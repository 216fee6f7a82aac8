// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUIET_MS, registerServiceWorker } from '../../src/offline/register.ts';

/**
 * A stand-in for navigator.serviceWorker: a controller (or none), controllerchange events, register() calls, and
 * `ready` with an active worker whose messages are recorded.
 */
function fakeContainer(controller: object | null, register = vi.fn(async () => ({}))) {
  const target = new EventTarget();
  const active = { postMessage: vi.fn() };
  const container = Object.assign(target, { controller, register, active, ready: Promise.resolve({ active }) });
  Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true });
  return container;
}

describe('registering the service worker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    Reflect.deleteProperty(navigator, 'serviceWorker');
    vi.restoreAllMocks();
  });

  it('registers ./sw.js once the loaded page has been left alone for QUIET_MS and the browser is idle, not before', async () => {
    const c = fakeContainer(null);
    registerServiceWorker();
    await vi.advanceTimersByTimeAsync(QUIET_MS - 10);
    expect(c.register).not.toHaveBeenCalled();
    // Then the next idle moment (jsdom has no requestIdleCallback: a second stands in for it).
    await vi.advanceTimersByTimeAsync(1010);
    expect(c.register).toHaveBeenCalledWith('./sw.js');
    expect(c.register).toHaveBeenCalledTimes(1);
  });

  it('waits while the reader clicks, types or scrolls: every input starts the quiet time again', async () => {
    const c = fakeContainer(null);
    registerServiceWorker();
    // A click, a key and a wheel turn, each 2 s after the last: never QUIET_MS of quiet.
    for (const input of [new Event('pointerdown'), new KeyboardEvent('keydown', { key: 'a' }), new Event('wheel')]) {
      await vi.advanceTimersByTimeAsync(2000);
      window.dispatchEvent(input);
    }
    await vi.advanceTimersByTimeAsync(QUIET_MS - 10);
    expect(c.register).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1010);
    expect(c.register).toHaveBeenCalledTimes(1);
  });

  it('an input between the quiet time and the idle moment postpones it too', async () => {
    const c = fakeContainer(null);
    registerServiceWorker();
    await vi.advanceTimersByTimeAsync(QUIET_MS + 500);
    // The idle wait (a second here) has begun; a click comes before it ends.
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(600);
    expect(c.register).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(QUIET_MS + 1000);
    expect(c.register).toHaveBeenCalledTimes(1);
  });

  it('tells a page running an older build that a newer one took over, and only such a page', async () => {
    const fresh = vi.fn();
    const c1 = fakeContainer(null);
    registerServiceWorker(fresh);
    // The first worker taking over a page that had none is not a new version...
    c1.dispatchEvent(new Event('controllerchange'));
    expect(fresh).not.toHaveBeenCalled();
    // ...a later change is.
    c1.dispatchEvent(new Event('controllerchange'));
    expect(fresh).toHaveBeenCalledTimes(1);

    const running = vi.fn();
    const c2 = fakeContainer({});
    registerServiceWorker(running);
    c2.dispatchEvent(new Event('controllerchange'));
    expect(running).toHaveBeenCalledTimes(1);
  });

  it('asks the active worker to store the scripts it left out of its install, once registered, and only then', async () => {
    const c = fakeContainer(null);
    registerServiceWorker();
    await vi.advanceTimersByTimeAsync(QUIET_MS - 10);
    expect(c.active.postMessage).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1010);
    expect(c.register).toHaveBeenCalledTimes(1);
    expect(c.active.postMessage).toHaveBeenCalledWith({ type: 'store-later' });
    expect(c.active.postMessage).toHaveBeenCalledTimes(1);
  });

  it('keeps working online when the browser refuses, with a warning rather than an error', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error');
    fakeContainer(null, vi.fn(async () => Promise.reject(new Error('The operation is insecure.'))));
    registerServiceWorker();
    await vi.advanceTimersByTimeAsync(QUIET_MS + 1000);
    expect(warn).toHaveBeenCalledWith('Offline use is not available here: The operation is insecure.');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(error).not.toHaveBeenCalled();
  });

  it('does nothing in a browser without service workers', () => {
    expect('serviceWorker' in navigator).toBe(false);
    expect(() => registerServiceWorker(() => {})).not.toThrow();
  });
});
