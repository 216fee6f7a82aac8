/**
 * Browser tests: Vitest runs tests/e2e/*.e2e.ts in Node; each drives Debian's Chromium through playwright-core
 * against the production build (`npm run build` first), served by `vite preview` from globalSetup.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['./tests/e2e/global-setup.ts'],
    // Fails any test whose pages threw or logged a console error.
    setupFiles: ['./tests/e2e/page-errors.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time: the machine has two cores and the canvas timings matter.
    fileParallelism: false,
  },
});
