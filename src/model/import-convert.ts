/**
 * From a read graph to an imported graph: limits, matching to the atlas, the file's nodes and edges as entities
 * and statements. Kept apart from imported.ts because it checks values with the zod contract, which loads only
 * with the import (never at start-up).
 */
import { createMatcher, type Candidate } from './match.ts';
import { curieSchema, ENTITY_KINDS, RELATIONS, type Entity, type EntityKind, type FigureEdge, type FigureFile, type Relation } from './schema.ts';
import type { Positions } from '../layout/types.ts';
import { clean, cut, fnv, IMPORT_PREFIX, LIMITS, slug, type GenericGraph, type ImportedGraph, type ImportProblem } from './imported.ts';

/** Size limits on a read graph; one message per limit crossed. */
export function limitProblems(g: GenericGraph): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const total = g.nodes.length + g.edges.length;
  if (total > LIMITS.elements) {
    problems.push({ place: '$', reason: `the graph has ${g.nodes.length.toLocaleString('en')} nodes and ${g.edges.length.toLocaleString('en')} edges (${total.toLocaleString('en')} elements); at most ${LIMITS.elements.toLocaleString('en')} open here` });
  }
  g.nodes.forEach((n, i) => {
    for (const [what, text] of [['label', n.label], ['name', n.name]]) {
      if (text && text.length > LIMITS.labelChars && problems.length < 20) {
        problems.push({ place: `nodes[${i}] (id "${cut(clean(n.id), 40)}")`, reason: `its ${what} is ${text.length.toLocaleString('en')} characters long; at most ${LIMITS.labelChars} are accepted` });
      }
    }
  });
  return problems;
}

/**
 * From a read graph to an imported graph: match nodes to atlas entities, give the others entities of their own,
 * turn edges into statements. `knownRefs` are the review's reference numbers (others are dropped).
 */
export function toImported(
  g: GenericGraph,
  file: string,
  atlasEntities: readonly Entity[],
  knownRefs: ReadonlySet<number>,
): { graph: ImportedGraph } | { problems: ImportProblem[] } {
  const problems = limitProblems(g);
  if (problems.length) return { problems };
  if (g.nodes.length === 0) return { problems: [{ place: '$', reason: 'the file has no nodes' }] };
  if (g.edges.length === 0) return { problems: [{ place: '$', reason: 'the file has no edges: the atlas draws relations between things, so a graph needs at least one' }] };

  const hash = fnv(`${file}\n${g.nodes.length}\n${g.edges.map((e) => `${e.source}>${e.target}`).join('\n')}`);
  // Stryker disable next-line Regex: equivalent, a slug holds single hyphens only (imported.ts), so "-" and "-+" match the same
  const key = `${IMPORT_PREFIX}${slug(file.replace(/\.[a-z0-9]+$/i, ''), 'graph').slice(0, 24).replace(/-+$/, '')}-${hash}`;
  const matcher = createMatcher(atlasEntities);

  const entityOf = new Map<string, string>(); // file node id → entity id
  const own: Entity[] = [];
  const ownIds = new Set<string>();
  const matches: ImportedGraph['matches'] = Object.create(null) as ImportedGraph['matches'];
  let matched = 0;
  for (const n of g.nodes) {
    const label = clean(n.label) || clean(n.id) || 'unnamed';
    const candidate: Candidate = { id: n.id, label, ...(n.name ? { name: clean(n.name) } : {}), synonyms: n.synonyms, xrefs: n.xrefs };
    const hit = matcher.match(candidate);
    if (hit) {
      entityOf.set(n.id, hit.entity);
      matches[n.id] = hit;
      matched++;
      continue;
    }
    const given = n.entity;
    let id = `${key}-${slug(n.id)}`;
    for (let i = 2; ownIds.has(id); i++) id = `${key}-${slug(n.id)}-${i}`;
    ownIds.add(id);
    entityOf.set(n.id, id);
    // Stryker disable next-line StringLiteral: equivalent, any string that is not a kind's name (as the empty one) gives the default kind
    const kind: EntityKind = (ENTITY_KINDS as readonly string[]).includes(n.kind ?? '') ? (n.kind as EntityKind) : 'gene-or-protein';
    const name = n.name ? clean(n.name) : label.length > 40 ? label : undefined;
    own.push({
      ...(given ?? {}),
      id,
      label: cut(label, 40),
      ...(name ? { name: cut(name, 120) } : {}),
      kind: given?.kind ?? kind,
      synonyms: [...new Set((n.synonyms ?? []).map(clean).filter((s) => s && s.length <= 120))].slice(0, 50),
      // Stryker disable next-line ArrayDeclaration: equivalent, a missing list read as a list of non-CURIEs keeps nothing after the CURIE filter
      xrefs: [...new Set((n.xrefs ?? []).filter((x) => curieSchema.safeParse(x).success))],
    });
  }

  const edges: FigureEdge[] = [];
  const edgeKeys = new Set<string>();
  const touched = new Set<string>();
  for (const e of g.edges) {
    const source = entityOf.get(e.source);
    const target = entityOf.get(e.target);
    if (!source || !target) continue; // readers report dangling edges; this is only a safety net
    const relation: Relation = e.relation && (RELATIONS as readonly string[]).includes(e.relation) ? e.relation : 'regulates';
    const k = `${source}~${relation}~${target}`;
    if (edgeKeys.has(k)) continue; // two file nodes matched one entity: their edges merge
    edgeKeys.add(k);
    touched.add(source).add(target);
    // A slug is always a valid id (lower-case kebab-case), so no check is needed here.
    let id = slug(e.id, 'edge');
    for (let i = 2; edges.some((x) => x.id === id); i++) id = `${slug(e.id, 'edge')}-${i}`;
    const said = e.interaction ? clean(e.interaction) : relation;
    const st = e.statement;
    const sources = st?.sources?.map((x) => entityOf.get(x) ?? x);
    edges.push({
      id,
      source,
      target,
      relation,
      refs: [...new Set(e.refs.filter((r) => knownRefs.has(r)))].sort((a, b) => a - b),
      section: st?.section ?? 'effects',
      ...(sources?.length ? { sources } : {}),
      evidence: st?.evidence ?? {},
      note: st?.note ?? cut(`${said || relation} (as the file ${cut(file, 60)} states it)`, 240),
    });
  }
  const nodeIds = [...new Set(g.nodes.map((n) => entityOf.get(n.id)!))];
  const isolated = nodeIds.filter((id) => !touched.has(id)).length;
  const name = cut(clean(g.title ?? '') || clean(file) || 'Imported graph', 80);
  const figure: FigureFile = {
    id: key,
    order: 1000,
    label: cut(name, 30),
    title: cut(name, 160),
    caption: cut(
      `Imported from ${clean(file)} (${g.format}): ${g.nodes.length} nodes, ${g.edges.length} edges; ${matched} node${matched === 1 ? '' : 's'} matched to the atlas.` +
        (isolated ? ` ${isolated} node${isolated === 1 ? '' : 's'} without edges ${isolated === 1 ? 'is' : 'are'} not drawn.` : ''),
      600,
    ),
    section: g.figure?.section ?? 'Your graphs',
    // Stryker disable next-line ArrayDeclaration: equivalent, a missing list read as a list of other ids keeps nothing after the filter by the graph's nodes
    sources: (g.figure?.sources ?? []).map((x) => entityOf.get(x) ?? x).filter((x) => nodeIds.includes(x)),
    nodes: nodeIds.map((entity) => ({ entity })),
    edges,
  };
  if (g.figure?.caption) figure.caption = cut(`${g.figure.caption} (Imported from ${clean(file)}; ${matched} of ${g.nodes.length} nodes matched to the atlas.)`, 600);
  let positions: Positions | undefined;
  if (g.hasPositions) {
    const nodes: Positions['nodes'] = {};
    for (const n of g.nodes) if (n.position && Number.isFinite(n.position.x) && Number.isFinite(n.position.y)) nodes[entityOf.get(n.id)!] ??= { x: n.position.x, y: n.position.y };
    if (Object.keys(nodes).length === nodeIds.length) {
      const xs = Object.values(nodes).map((p) => p.x);
      const ys = Object.values(nodes).map((p) => p.y);
      positions = { hash: '', nodes, edges: {}, width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
    }
  }
  return {
    graph: {
      key,
      name,
      file: cut(clean(file), 200),
      format: g.format,
      importedAt: new Date().toISOString(),
      figure,
      entities: own,
      references: g.references ?? [],
      matches,
      stats: { nodes: g.nodes.length, edges: g.edges.length, matched, isolated },
      ...(positions ? { positions } : {}),
    },
  };
}

