/**
 * npm run references: the review's references in CSL-JSON (src/generated/references.csl.json), generated from
 * graphs/references.json: names split, initials "B. S.", whole page ranges, DOIs. With --check, fail when the
 * stored file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { citedReferences, toCslJson } from '../src/export/bibliography.ts';
import { loadModelOrExit } from './load-model.ts';

const model = loadModelOrExit();
const out = new URL('../src/generated/references.csl.json', import.meta.url);
const text = toCslJson(model, citedReferences(model, model.references.keys()));
if (process.argv.includes('--check')) {
  let stored = '';
  try {
    stored = readFileSync(out, 'utf8');
  } catch {
    /* missing: out of date */
  }
  if (stored !== text) {
    console.error('src/generated/references.csl.json is out of date: run npm run references');
    process.exit(1);
  }
  console.log('references.csl.json is up to date');
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out.pathname}`);
}
