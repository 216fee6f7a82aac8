/**
 * The network formats, for the export dialog and the import pipeline: names, file extensions, and each
 * format's module loaded only when it is used (dynamic import), so none of them is on the start-up path.
 */
import type { Positions } from '../layout/types.ts';
import type { Model } from '../model/types.ts';
import type { GraphView } from '../model/view.ts';
import type { FormatId, ReadResult } from './types.ts';

export interface OutputFile {
  /** Appended to the base name: ".cyjs", ".style.xml"… */
  suffix: string;
  text: string;
  mime: string;
}

export interface NetworkFormat {
  id: FormatId;
  /** For the export dialog's list. */
  label: string;
  /** File name endings the format is known by (first is what we write). */
  extensions: readonly string[];
  /** Whether import can read it. */
  readable: boolean;
}

export const NETWORK_FORMATS: readonly NetworkFormat[] = [
  { id: 'cyjs', label: 'Cytoscape.js JSON (.cyjs, with positions) and a Cytoscape style', extensions: ['.cyjs', '.json'], readable: true },
  { id: 'cx2', label: 'CX2 (NDEx, Cytoscape Web)', extensions: ['.cx2'], readable: true },
  { id: 'graphml', label: 'GraphML (yEd, Gephi, Cytoscape)', extensions: ['.graphml', '.xml'], readable: true },
  { id: 'sbgnml', label: 'SBGN-ML activity flow (Newt, MINERVA)', extensions: ['.sbgn', '.sbgnml'], readable: true },
  { id: 'sif', label: 'SIF (simple interaction format)', extensions: ['.sif'], readable: true },
];

const JSON_MIME = 'application/json';

/** The files one export writes: the network, and for .cyjs also the matching Cytoscape desktop style. */
export async function exportFiles(id: FormatId, view: GraphView, positions: Positions, model: Model): Promise<OutputFile[]> {
  switch (id) {
    case 'cyjs': {
      const m = await import('./cyjs.ts');
      return [
        { suffix: '.cyjs', text: m.write(view, positions, model), mime: JSON_MIME },
        { suffix: '.style.xml', text: m.writeStyle(), mime: 'application/xml' },
      ];
    }
    case 'cx2': {
      const m = await import('./cx2.ts');
      return [{ suffix: '.cx2', text: m.write(view, positions, model), mime: JSON_MIME }];
    }
    case 'graphml': {
      const m = await import('./graphml.ts');
      return [{ suffix: '.graphml', text: m.write(view, positions, model), mime: 'application/graphml+xml' }];
    }
    case 'sbgnml': {
      const m = await import('./sbgnml.ts');
      return [{ suffix: '.sbgn', text: m.write(view, positions, model), mime: 'application/xml' }];
    }
    case 'sif': {
      const m = await import('./sif.ts');
      return [{ suffix: '.sif', text: m.write(view, positions, model), mime: 'text/plain;charset=utf-8' }];
    }
  }
}

/** The reader of a format, loaded on demand. */
export async function loadReader(id: FormatId): Promise<(text: string) => ReadResult> {
  switch (id) {
    case 'cyjs':
      return (await import('./cyjs.ts')).read;
    case 'cx2':
      return (await import('./cx2.ts')).read;
    case 'graphml':
      return (await import('./graphml.ts')).read;
    case 'sif':
      return (await import('./sif.ts')).read;
    case 'sbgnml':
      return (await import('./sbgnml.ts')).read;
  }
}

/**
 * Which format a file is, from its name and first characters: `.cx2` or a JSON list starting with CXVersion is
 * CX2; other JSON is cyjs; `<graphml` is GraphML; `<sbgn` SBGN-ML; `.sif` or tab-separated text is SIF.
 * Undefined when it cannot tell (the app's own bundle is detected by the import pipeline before this).
 */
export function detectFormat(fileName: string, text: string): FormatId | undefined {
  const name = fileName.toLowerCase();
  const head = text.replace(/^\uFEFF/, '').slice(0, 2000).trimStart();
  if (name.endsWith('.cx2') || (head.startsWith('[') && /"CXVersion"/.test(head))) return 'cx2';
  if (name.endsWith('.cyjs')) return 'cyjs';
  if (head.startsWith('<')) {
    if (/<(\w+:)?graphml[\s>]/.test(head)) return 'graphml';
    if (/<(\w+:)?sbgn[\s>]/.test(head)) return 'sbgnml';
    return name.endsWith('.graphml') ? 'graphml' : undefined;
  }
  if (head.startsWith('{') || head.startsWith('[')) return 'cyjs';
  if (name.endsWith('.sif') || name.endsWith('.txt') || /^[^\t\n]+\t[^\t\n]+\t/.test(head)) return 'sif';
  return undefined;
}
