import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { preview, type PreviewServer } from 'vite';

let server: PreviewServer | undefined;

export async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '..', '..');
  if (!existsSync(resolve(root, 'dist', 'index.html'))) throw new Error('No production build in dist/: run npm run build before npm run test:e2e');
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
