/**
 * SIF, the simple interaction format (Cytoscape, PathwayCommons): one line per source, `source<TAB>relation<TAB>
 * target [target…]`, and a node with no edge alone on its line. Nodes are named by their labels (as Cytoscape
 * shows them); the relation is ours (`inhibits`, `secretes`…). SIF has no attributes or positions: the other
 * formats carry those.
 *
 * Reading follows Cytoscape: fields are split on tabs when the file has a tab (so names may hold spaces), else
 * on spaces; `#` starts a comment line.
 */
import type { Positions } from '../layout/types.ts';
import type { Model } from '../model/types.ts';
import type { GraphView } from '../model/view.ts';
import { checkGraph, clip, guard, makeEdge, makeNode, Problems, stripBom } from './read-common.ts';
import { attributes, type ReadEdge, type ReadNode, type ReadResult } from './types.ts';

/** A SIF field may not hold a tab or a line break: they would split it. */
const field = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();

export function write(view: GraphView, _positions: Positions, model: Model): string {
  const label = (id: string) => field(model.entities.get(id)?.label ?? id);
  const lines: string[] = [];
  const connected = new Set<string>();
  // One line per (source, relation), targets in view order: the compact form Cytoscape writes.
  const groups = new Map<string, string[]>();
  for (const e of view.edges) {
    const key = `${e.source}\u0000${e.relation}`;
    groups.set(key, [...(groups.get(key) ?? []), e.target]);
    connected.add(e.source).add(e.target);
  }
  for (const [key, targets] of groups) {
    const [source, relation] = key.split('\u0000') as [string, string];
    lines.push([label(source), relation, ...targets.map(label)].join('\t'));
  }
  for (const n of view.nodes) if (!connected.has(n.id)) lines.push(label(n.id));
  return `${lines.join('\n')}\n`;
}

export function read(text: string): ReadResult {
  const problems = new Problems();
  return guard(problems, () => {
    const nodes: ReadNode[] = [];
    const seen = new Set<string>();
    const edges: ReadEdge[] = [];
    const edgeLines: number[] = [];
    const edgeIds = new Set<string>();
    const addNode = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      nodes.push(makeNode(name, attributes()));
    };
    const clean = stripBom(text);
    const tabs = clean.includes('\t');
    const lines = clean.split(/\r\n|\n|\r/);
    lines.forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const fields = (tabs ? raw.split('\t') : line.split(/ +/)).map((f) => f.trim()).filter((f) => f !== '');
      if (fields.some((f) => f.includes('\u0000'))) {
        problems.add(`${i + 1}:1`, 'the line holds a NUL character; is this a text file?', { line: i + 1, column: 1 });
        return;
      }
      if (fields.length === 2) {
        problems.add(`${i + 1}:${raw.indexOf(fields[1]!) + 1}`, `"${clip(fields[1]!)}" is read as an interaction with no target: a SIF line is "source<TAB>interaction<TAB>target"`, {
          line: i + 1,
          column: raw.indexOf(fields[1]!) + 1,
        });
        return;
      }
      const [source, interaction, ...targets] = fields as [string, ...string[]];
      addNode(source);
      if (interaction === undefined) return;
      for (const target of targets) {
        addNode(target);
        let id = `${source} (${interaction}) ${target}`;
        for (let n = 2; edgeIds.has(id); n++) id = `${source} (${interaction}) ${target} #${n}`;
        edgeIds.add(id);
        edges.push(makeEdge(id, source, target, attributes(), interaction));
        edgeLines.push(i + 1);
      }
    });
    checkGraph(nodes, edges, {
      empty: () => problems.add('1:1', 'the file has no nodes: a SIF line is "source<TAB>interaction<TAB>target"', { line: 1, column: 1 }),
      node: () => undefined,
      edge: (i, _f, reason) => problems.add(`${edgeLines[i]}:1`, reason, { line: edgeLines[i]!, column: 1 }),
    });
    return { graph: { format: 'sif', nodes, edges, hasPositions: false, attributes: attributes() } };
  });
}
