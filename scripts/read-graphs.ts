/** Reads every JSON file under graphs/ as text, with paths relative to graphs/. Node only. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { SourceFile } from '../src/model/validate.ts';

export const GRAPHS_DIR = resolve(import.meta.dirname, '..', 'graphs');

export function readGraphFiles(dir = GRAPHS_DIR): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json')) out.push({ path: relative(dir, p).split('\\').join('/'), text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}
