/**
 * npm run schema: writes graphs/schema/*.schema.json from the zod schema in src/model/schema.ts, so editors
 * check the data files while one types. `--check` fails when the committed files are out of date.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { entitiesFileSchema, figureFileSchema, referencesFileSchema } from '../src/model/schema.ts';
import { GRAPHS_DIR } from './read-graphs.ts';
import { bundleFileSchema } from '../src/formats/bundle.ts';

const schemas = {
  'entities.schema.json': [entitiesFileSchema, 'MSC–POF Atlas entities'],
  'references.schema.json': [referencesFileSchema, 'MSC–POF Atlas references of the review'],
  'figure.schema.json': [figureFileSchema, 'MSC–POF Atlas figure or table graph'],
  'bundle.schema.json': [bundleFileSchema, 'MSC–POF Atlas graph bundle: one figure with its entities and references, to open in the app'],
} as const;

const check = process.argv.includes('--check');
let stale = 0;
for (const [name, [schema, title]] of Object.entries(schemas)) {
  const json = { title, ...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) };
  const text = JSON.stringify(json, null, 2) + '\n';
  const path = join(GRAPHS_DIR, 'schema', name);
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      console.error(`graphs/schema/${name} is out of date: run npm run schema`);
      stale++;
    }
  } else writeFileSync(path, text);
}
if (stale) process.exit(1);
console.log(check ? 'graphs/schema is up to date' : 'wrote graphs/schema/*.schema.json');
