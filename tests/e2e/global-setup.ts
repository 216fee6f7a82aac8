import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { preview, type PreviewServer } from 'vite';
import { staleBuild } from './build-freshness.ts';

let server: PreviewServer | undefined;

/**
 * The browser tests test the production build. A missing or stale dist/ (older than any source) is rebuilt
 * first, so a test never passes or fails on yesterday's code; E2E_NO_BUILD=1 refuses instead of rebuilding.
 */
function ensureFreshBuild(root: string) {
  const why = staleBuild(root);
  if (!why) return;
  if (process.env.E2E_NO_BUILD === '1') throw new Error(`Browser tests refused: ${why}. Run npm run build first.`);
  console.log(`Browser tests: ${why}; running npm run build first.`);
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build (about 425 KB): the tests and
  // the start-up budget must see the production build that `npm run build` makes from a shell.
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

export async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '..', '..');
  ensureFreshBuild(root);
  server = await preview({ root, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its URL');
  project.provide('baseUrl', url);
}

export async function teardown() {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
