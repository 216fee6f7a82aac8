/**
 * The one import path: detect the format → read → check limits and the contract → match to the atlas → lay out
 * (or keep the file's positions). Runs in the import worker (import.worker.ts) and, as is, in tests and fuzzing.
 * It answers with a finished graph or with problems, each with a place; it never throws.
 */
import { read as readBundle, looksLikeBundle } from '../formats/bundle.ts';
import { read as readCx2 } from '../formats/cx2.ts';
import { read as readCyjs } from '../formats/cyjs.ts';
import { read as readGraphml } from '../formats/graphml.ts';
import { read as readSbgnml } from '../formats/sbgnml.ts';
import { read as readSif } from '../formats/sif.ts';
import { layoutInput } from '../layout/layout-input.ts';
import { layoutHash, type LayoutInput, type Positions } from '../layout/types.ts';
import { fileSizeProblem } from '../model/import-limits.ts';
import { withImports, type GenericGraph, type ImportedGraph, type ImportProblem } from '../model/imported.ts';
import { toImported } from '../model/import-convert.ts';
import type { Entity } from '../model/schema.ts';
import type { Model } from '../model/types.ts';
import { figureView } from '../model/view.ts';

export { fileSizeProblem };

export type Stage = 'reading' | 'checking' | 'matching' | 'laying out';
export type ImportOutcome = { graph: ImportedGraph } | { problems: ImportProblem[] };
type ReadOutcome = { graph: GenericGraph } | { problems: ImportProblem[] };

export interface ImportRequest {
  /** File name (for messages and format detection). */
  name: string;
  text: string;
  /** The atlas's entities, to match against. */
  atlas: readonly Entity[];
  /** The review's reference numbers. */
  refs: readonly number[];
}

export interface ImportHooks {
  onStage?: (stage: Stage) => void;
  /** Lays out a graph without positions (the worker passes ELK; fuzzing a quick stand-in). */
  layout: (input: LayoutInput) => Promise<Positions>;
}

/** Formats this app reads, by how files present themselves. */
export type FormatId = 'bundle' | 'cyjs' | 'cx2' | 'graphml' | 'sbgnml' | 'sif';

export const FORMAT_NAMES: Record<FormatId, string> = {
  bundle: 'MSC–POF Atlas graph bundle (JSON)',
  cyjs: 'Cytoscape JSON (.cyjs)',
  cx2: 'CX2 (NDEx)',
  graphml: 'GraphML',
  sbgnml: 'SBGN-ML',
  sif: 'SIF',
};

/** The readers, one per format (src/formats/<format>.ts), each pure: text in, a graph or problems with places out. */
const READERS: Partial<Record<FormatId, (text: string) => ReadOutcome | Promise<ReadOutcome>>> = {
  bundle: readBundle,
  cyjs: readCyjs,
  cx2: readCx2,
  graphml: readGraphml,
  sbgnml: readSbgnml,
  sif: readSif,
};

export function detectFormat(name: string, text: string): FormatId | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const head = text.slice(0, 4000).replace(/^\uFEFF/, '').trimStart();
  if (looksLikeBundle(text)) return 'bundle';
  if (ext === 'cyjs') return 'cyjs';
  if (ext === 'cx2' || ext === 'cx') return 'cx2';
  if (ext === 'sbgn' || ext === 'sbgnml' || (head.startsWith('<') && head.includes('<sbgn'))) return 'sbgnml';
  if (ext === 'graphml' || ext === 'xml' || head.startsWith('<')) return 'graphml';
  if (ext === 'sif') return 'sif';
  if (head.startsWith('[') && head.includes('CXVersion')) return 'cx2';
  if (head.startsWith('{') && head.includes('"elements"')) return 'cyjs';
  if (ext === 'json' || head.startsWith('{') || head.startsWith('[')) return 'bundle';
  if (/^[^\t\n]+\t[^\t\n]+\t/.test(head)) return 'sif';
  return undefined;
}

/**
 * A file's bytes as text, the way the worker reads every file: UTF-8 (its BOM dropped), or UTF-16 when the file
 * starts with a UTF-16 BOM (Windows tools write that). Invalid bytes become U+FFFD rather than an error, so the
 * reader then names the place.
 */
export function decodeFile(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding, { fatal: false }).decode(bytes);
}

export async function runImport(req: ImportRequest, hooks: ImportHooks): Promise<ImportOutcome> {
  try {
    const tooBig = fileSizeProblem(req.text.length);
    if (tooBig) return { problems: [tooBig] };
    hooks.onStage?.('reading');
    const format = detectFormat(req.name, req.text);
    const reader = format && READERS[format];
    if (!format) return { problems: [{ place: '1:1', line: 1, column: 1, reason: `not a format this app reads (it reads ${Object.values(FORMAT_NAMES).join(', ')})` }] };
    if (!reader) return { problems: [{ place: '1:1', line: 1, column: 1, reason: `it looks like ${FORMAT_NAMES[format]}, which this version cannot read yet` }] };
    const read = await reader(req.text);
    if ('problems' in read) return { problems: read.problems.length ? read.problems : [{ place: '1:1', reason: 'the file could not be read' }] };
    hooks.onStage?.('checking');
    const converted = toImported(read.graph, req.name, req.atlas, new Set(req.refs));
    if ('problems' in converted) return converted;
    const graph = converted.graph;
    hooks.onStage?.('matching');
    // The view exactly as the app will build it, so the layout's hash matches and is used as is.
    const view = figureView(miniModel(req.atlas, graph), graph.key)!;
    const input = layoutInput(view);
    const hash = layoutHash(input);
    if (graph.positions) {
      graph.positions = { ...graph.positions, hash, edges: Object.fromEntries(input.edges.map((e) => [e.id, []])) };
    } else {
      hooks.onStage?.('laying out');
      graph.positions = await hooks.layout(input);
    }
    return { graph };
  } catch (e) {
    // A bug, not the file's fault; still a message, never a crash. Fuzzing counts these as failures.
    return { problems: [{ place: '1:1', reason: `internal error while importing (${e instanceof Error ? e.message : String(e)})` }] };
  }
}

/** Just enough of a model to build the imported figure's view: the atlas's entities plus the graph's own. */
function miniModel(atlas: readonly Entity[], graph: ImportedGraph): Model {
  const base: Model = { entities: new Map(atlas.map((e) => [e.id, e])), references: new Map(), review: { citation: '', doi: '', licence: '' }, figures: [] };
  return withImports(base, [graph]);
}
