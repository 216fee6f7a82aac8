/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './scripts/vite-csp.ts';

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // Relative asset paths: the built app works from any folder or sub-path (GitHub Pages, a USB stick).
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000, // the lazily loaded ELK worker is ~1.5 MB unminified-size; it is not on start-up
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./tests/setup.ts'],
    include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.tsx'],
    // ELK in-process layouts of the whole atlas take seconds on 2 cores.
    testTimeout: 30_000,
  },
});
