/**
 * A large network as a user would bring it: a Cytoscape.js JSON file (.cyjs) with no positions, so the import
 * lays it out. Deterministic for a given size. Shaped like interaction networks: a few hubs and many nodes with
 * one or two links (each new node links to earlier ones, half the time to a well-linked one), some nodes named as
 * atlas entities (so matching has work to do), relations of every sign. Used by the scale browser test and by
 * `npm run bench` (scale part).
 */

/** Atlas names the generator sprinkles in, by label, synonym and CURIE. */
const ATLAS_NAMES = ['HGF', 'VEGF', 'IGF-1', 'FGF2', 'TNF-α', 'hepatocyte growth factor', 'PTEN', 'AMH', 'FSH', 'E2', 'HGNC:4893', 'miR-21', 'TGF-β1', 'IL-10', 'Caspase-3'];
const RELATIONS = ['activates', 'inhibits', 'upregulates', 'downregulates', 'promotes', 'reduces', 'secretes', 'expresses', 'regulates', 'pp'];

/** A small seeded generator (mulberry32): the same file for the same size on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ScaleGraph {
  name: string;
  text: string;
  nodes: number;
  edges: number;
}

/** `nodes` nodes and `edges` edges (at least nodes − 1, so the graph is connected), as .cyjs text. */
export function scaleGraph(nodes: number, edges: number, seed = 1): ScaleGraph {
  const rnd = random(seed + nodes);
  const label = (i: number) => (i < ATLAS_NAMES.length ? ATLAS_NAMES[i]! : `Gene ${i}`);
  const ends: number[] = []; // every edge end so far: picking from it favours well-linked nodes
  const pairs = new Set<string>();
  const out: { source: number; target: number }[] = [];
  const add = (s: number, t: number) => {
    const key = `${s}>${t}`;
    if (s === t || pairs.has(key)) return false;
    pairs.add(key);
    out.push({ source: s, target: t });
    ends.push(s, t);
    return true;
  };
  for (let i = 1; i < nodes; i++) {
    const target = rnd() < 0.5 && ends.length ? ends[Math.floor(rnd() * ends.length)]! : Math.floor(rnd() * i);
    add(target, i);
  }
  while (out.length < edges) {
    const s = rnd() < 0.5 && ends.length ? ends[Math.floor(rnd() * ends.length)]! : Math.floor(rnd() * nodes);
    add(s, Math.floor(rnd() * nodes));
  }
  const file = {
    format_version: '1.0',
    generated_by: 'MSC–POF Atlas scale test',
    data: { name: `Scale test, ${nodes} nodes` },
    elements: {
      nodes: Array.from({ length: nodes }, (_, i) => ({ data: { id: `n${i}`, name: label(i), ...(i % 7 === 0 ? { synonyms: [`G${i}`] } : {}) } })),
      edges: out.map((e, i) => ({ data: { id: `e${i}`, source: `n${e.source}`, target: `n${e.target}`, interaction: RELATIONS[i % RELATIONS.length] } })),
    },
  };
  return { name: `scale-${nodes}.cyjs`, text: JSON.stringify(file), nodes, edges: out.length };
}
