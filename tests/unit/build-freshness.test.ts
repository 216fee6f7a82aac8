import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staleBuild } from '../e2e/build-freshness.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A project folder with files at given ages (seconds before now). */
function project(files: Record<string, number>) {
  const root = mkdtempSync(join(tmpdir(), 'atlas-build-'));
  dirs.push(root);
  const now = Date.now() / 1000;
  for (const [path, age] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), 'x');
    utimesSync(join(root, path), now - age, now - age);
  }
  return root;
}

describe('the browser tests’ check of the production build', () => {
  it('accepts a build newer than every source', () => {
    expect(staleBuild(project({ 'src/main.tsx': 100, 'graphs/figures/fig1.json': 90, 'dist/index.html': 10, 'dist/assets/a.js': 10 }))).toBeNull();
  });

  it('names the source that is newer than the build', () => {
    expect(staleBuild(project({ 'src/main.tsx': 100, 'src/model/view.ts': 5, 'dist/index.html': 10 }))).toBe('dist/ is older than src/model/view.ts');
    expect(staleBuild(project({ 'graphs/figures/fig2.json': 5, 'dist/index.html': 10 }))).toBe('dist/ is older than graphs/figures/fig2.json');
    expect(staleBuild(project({ 'index.html': 5, 'dist/index.html': 10 }))).toBe('dist/ is older than index.html');
  });

  it('counts the oldest file of the build: a partly rebuilt dist/ is stale', () => {
    expect(staleBuild(project({ 'src/main.tsx': 50, 'dist/index.html': 10, 'dist/assets/old.js': 60 }))).toBe('dist/ is older than src/main.tsx');
  });

  it('says when there is no build', () => {
    expect(staleBuild(project({ 'src/main.tsx': 5 }))).toBe('there is no production build in dist/');
  });
});
