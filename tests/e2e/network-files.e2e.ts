/**
 * The network files as the app saves them from the Export dialog, for the kinds of view the unit tests do not
 * build (a figure with other sources overlaid, the atlas with two sources and with a filter, a comparison of two
 * sources and of two figures), each read by an independent reader: the CX2 specification's and Cytoscape Web's
 * rules (tests/helpers/cx2-rules.ts), xmllint against the SBGN-ML 0.3 schema, networkx for GraphML, and
 * cytoscape.js for .cyjs, a reader written from Cytoscape's SIF description. Every file holds the same nodes and
 * edges.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import cytoscape from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { cx2Problems } from '../helpers/cx2-rules.ts';
import { openApp, useBrowser } from './browser.ts';

const getBrowser = useBrowser();
const work = mkdtempSync(join(tmpdir(), 'msc-network-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SBGN_XSD = resolve(import.meta.dirname, '..', 'fixtures', 'sbgn', 'SBGN.xsd');

async function save(page: Page, format: string): Promise<{ name: string; path: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: format }).check();
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  const path = join(work, file.suggestedFilename());
  await file.saveAs(path);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { name: file.suggestedFilename(), path };
}

function tool(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} is needed for this test (.ci/run installs it): ${r.error.message}`);
  return r;
}

const views = [
  { name: 'Fig. 1 with hUMSC and hAMSC overlaid', query: '?figure=fig1&overlay=humsc,hamsc' },
  { name: 'the atlas with two sources', query: '?view=atlas&sources=hbmmsc,hafmsc' },
  { name: 'the atlas with a filter', query: '?view=atlas&sources=hbmmsc,hafmsc&sign=decrease' },
  { name: 'compare hPMSC / huMSC', query: '?view=compare&left=source:hpmsc&right=source:humsc' },
  { name: 'compare Fig. 2 / Fig. 3', query: '?view=compare&left=figure:fig2&right=figure:fig3' },
];

describe('network files saved from every kind of view read in other tools', () => {
  for (const v of views)
    it(v.name, async () => {
      const { page } = await openApp(getBrowser(), v.query, { width: 1600, height: 1000 });
      // .cyjs: cytoscape.js loads it; its counts are the ones every other file must have.
      const cyjsFile = await save(page, 'Cytoscape.js JSON (.cyjs, with positions) and a Cytoscape style');
      expect(cyjsFile.name).toMatch(/\.cyjs$/);
      const cyjs = JSON.parse(readFileSync(cyjsFile.path, 'utf8')) as { elements: { nodes: unknown[]; edges: unknown[] } };
      const cy = cytoscape({ headless: true, elements: cyjs.elements as never, layout: { name: 'preset' } });
      const counts = { nodes: cy.nodes().length, edges: cy.edges().length };
      expect(counts.nodes, v.name).toBeGreaterThan(1);
      expect(counts.edges, v.name).toBeGreaterThan(0);

      // CX2: no rule of the specification or of Cytoscape Web broken; the same nodes and edges.
      const cx2File = await save(page, 'CX2 (NDEx, Cytoscape Web)');
      expect(cx2File.name).toMatch(/\.cx2$/);
      const doc = JSON.parse(readFileSync(cx2File.path, 'utf8')) as Record<string, unknown[]>[];
      expect(cx2Problems(doc), v.name).toEqual([]);
      const aspect = (name: string) => doc.find((b) => name in b)![name]!;
      expect({ nodes: aspect('nodes').length, edges: aspect('edges').length }).toEqual(counts);

      // SBGN-ML: valid against the SBGN-ML 0.3 schema.
      const sbgn = await save(page, 'SBGN-ML activity flow (Newt, MINERVA)');
      const lint = tool('xmllint', ['--noout', '--schema', SBGN_XSD, sbgn.path]);
      expect(lint.stderr.trim(), v.name).toBe(`${sbgn.path} validates`);
      const sbgnText = readFileSync(sbgn.path, 'utf8');
      expect((sbgnText.match(/<glyph [^>]*class="(?!unit of information)/g) ?? []).length).toBe(counts.nodes);
      expect((sbgnText.match(/<arc /g) ?? []).length).toBe(counts.edges);

      // GraphML: networkx reads it, directed, with the same nodes and edges and a position on each node.
      const gml = await save(page, 'GraphML (yEd, Gephi, Cytoscape)');
      const script = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({"directed": g.is_directed(), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
  "placed": sum(1 for _, d in g.nodes(data=True) if isinstance(d.get("x"), float) and isinstance(d.get("y"), float))}))`;
      const r = tool('python3', ['-c', script, gml.path]);
      expect(r.stderr, v.name).toBe('');
      expect(JSON.parse(r.stdout)).toEqual({ directed: true, nodes: counts.nodes, edges: counts.edges, placed: counts.nodes });

      // SIF, read as Cytoscape's format description says: "source relation target [target…]" per line, fields split
      // on tabs when the file has any (names may hold spaces), a lone name a node without edges, # a comment.
      const sif = await save(page, 'SIF (simple interaction format)');
      const sifScript = `
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
tabbed = "\\t" in text
nodes, edges = set(), []
for line in text.splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    f = [x.strip() for x in line.split("\\t")] if tabbed else line.split()
    nodes.add(f[0])
    for t in f[2:]:
        nodes.add(t)
        edges.append((f[0], f[1], t))
print(json.dumps({"nodes": len(nodes), "edges": len(edges), "distinct": len(set(edges))}))`;
      const sr = tool('python3', ['-c', sifScript, sif.path]);
      expect(sr.stderr, v.name).toBe('');
      const read = JSON.parse(sr.stdout) as { nodes: number; edges: number; distinct: number };
      expect(read.edges, v.name).toBe(counts.edges);
      expect(read.distinct, v.name).toBe(counts.edges);
      // Nodes are named by their labels (two entities could share one): every label once.
      expect(read.nodes, v.name).toBe(new Set(cy.nodes().map((n) => String(n.data('name')))).size);
      await page.close();
    });
});
