/** Is the production build in dist/ older than what it is built from? Used by the browser tests' set-up. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** What the production build is made from: a change to any of these makes dist/ stale. */
export const BUILD_INPUTS = ['src', 'graphs', 'public', 'scripts', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];

function walk(p: string, visit: (file: string, mtime: number) => void) {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name), visit);
  else visit(p, st.mtimeMs);
}

/** Why dist/ cannot be tested as it is (missing, or older than a named input), or null when it is fresh. */
export function staleBuild(root: string, inputs = BUILD_INPUTS): string | null {
  const dist = resolve(root, 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) return 'there is no production build in dist/';
  // Every file of the build must be newer than every input.
  let built = Infinity;
  walk(dist, (_, m) => (built = Math.min(built, m)));
  let newest: { file: string; mtime: number } | undefined;
  for (const input of inputs) walk(resolve(root, input), (file, mtime) => {
    if (!newest || mtime > newest.mtime) newest = { file, mtime };
  });
  if (newest && newest.mtime > built) return `dist/ is older than ${relative(root, newest.file)}`;
  return null;
}
