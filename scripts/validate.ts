/**
 * npm run validate [-- <graphs-dir>]
 * Checks every file in graphs/: schema, unique ids, edge ends, entity ids, reference numbers, name collisions.
 * Prints every error at once (file:line:column $.path: reason) and a per-figure report; exits 1 on any error.
 */
import { resolve } from 'node:path';
import { formatIssue } from '../src/model/types.ts';
import { validateGraphs } from '../src/model/validate.ts';
import { GRAPHS_DIR, readGraphFiles } from './read-graphs.ts';

const dir = process.argv[2] ? resolve(process.argv[2]) : GRAPHS_DIR;
const result = validateGraphs(readGraphFiles(dir).filter((f) => !f.path.startsWith('schema/')));

if (result.report.length) {
  const rows = result.report.map((r) => [r.label, r.file, r.nodes, r.edges, r.edgesWithoutEvidence, r.referencesCited]);
  const head = ['figure', 'file', 'nodes', 'edges', 'no evidence', 'refs cited'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  const totals = result.report.reduce((a, r) => ({ nodes: a.nodes + r.nodes, edges: a.edges + r.edges, none: a.none + r.edgesWithoutEvidence }), { nodes: 0, edges: 0, none: 0 });
  console.log(`total: ${result.report.length} figures, ${totals.nodes} nodes, ${totals.edges} edges, ${totals.none} without evidence\n`);
}
// Entities not drawn yet are listed on one line: they are normal while figures are being authored.
const unused = result.warnings.filter((w) => w.message.endsWith('is drawn in no figure yet'));
for (const w of result.warnings) if (!unused.includes(w)) console.warn(`warning: ${formatIssue(w)}`);
if (unused.length)
  console.warn(`warning: ${unused.length} entit${unused.length === 1 ? 'y is' : 'ies are'} drawn in no figure yet: ${unused.map((w) => /"([^"]+)"/.exec(w.message)?.[1]).join(', ')}`);
for (const e of result.errors) console.error(`error: ${formatIssue(e)}`);
if (result.errors.length) {
  console.error(`\n${result.errors.length} error(s) in graphs/`);
  process.exit(1);
}
console.log(`graphs/ is valid${result.warnings.length ? ` (${result.warnings.length} warning(s))` : ''}`);
