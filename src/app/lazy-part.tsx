/**
 * A component whose code loads on demand (a dynamic import, its own chunk), like React.lazy, but which renders at
 * once, without suspending, when its code is already loaded (`loaded`, `preload`): a part preloaded before the
 * first render (tests, a warm start) is there in the first render.
 */
import { use, type ComponentType } from 'react';

type Tracked<T> = Promise<T> & { status?: 'fulfilled' | 'rejected'; value?: T };

export interface LazyPart<P> {
  (props: P): React.ReactNode;
  preload(): Promise<unknown>;
  readonly loaded: boolean;
}

export function lazyPart<P extends object = Record<string, never>>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let promise: Tracked<ComponentType<P>> | undefined;
  const preload = () => {
    if (!promise) {
      const p: Tracked<ComponentType<P>> = load();
      // React's use() reads these fields: a fulfilled promise renders synchronously.
      p.then(
        (value) => Object.assign(p, { status: 'fulfilled', value }),
        () => Object.assign(p, { status: 'rejected' }),
      );
      promise = p;
    }
    return promise;
  };
  const Part = (props: P) => {
    const Component = use(preload() as Promise<ComponentType<P>>);
    return <Component {...props} />;
  };
  Object.defineProperty(Part, 'loaded', { get: () => promise?.status === 'fulfilled' });
  return Object.assign(Part, { preload }) as LazyPart<P>;
}
