// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerServiceWorker } from '../../src/offline/register.ts';

/** A stand-in for navigator.serviceWorker: a controller (or none), controllerchange events, register() calls. */
function fakeContainer(controller: object | null, register = vi.fn(async () => ({}))) {
  const target = new EventTarget();
  const container = Object.assign(target, { controller, register });
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

  it('registers ./sw.js once the loaded page is idle, not before', async () => {
    const c = fakeContainer(null);
    registerServiceWorker();
    expect(c.register).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(5000);
    expect(c.register).toHaveBeenCalledWith('./sw.js');
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

  it('keeps working online when the browser refuses, with a warning rather than an error', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error');
    fakeContainer(null, vi.fn(async () => Promise.reject(new Error('The operation is insecure.'))));
    registerServiceWorker();
    await vi.advanceTimersByTimeAsync(5000);
    expect(warn).toHaveBeenCalledWith('Offline use is not available here: The operation is insecure.');
    expect(error).not.toHaveBeenCalled();
  });

  it('does nothing in a browser without service workers', () => {
    expect('serviceWorker' in navigator).toBe(false);
    expect(() => registerServiceWorker(() => {})).not.toThrow();
  });
});
