/**
 * An Office Open XML package checked part by part with xmllint against the ECMA-376 schemas (tests/fixtures/ooxml):
 * the independent reader for "opens in PowerPoint, Keynote, Google Slides", which cannot run here. Shared by the
 * unit test of the writer and the browser test of the decks the app saves.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';

export const OOXML_SCHEMAS = resolve(import.meta.dirname, '..', 'fixtures', 'ooxml');

/** Which schema each part of a presentation package answers to (ECMA-376 Part 1 §13 and Part 2), or null. */
export function schemaFor(part: string): string | null {
  if (part.endsWith('.rels')) return 'opc-relationships.xsd';
  if (part === '[Content_Types].xml') return 'opc-contentTypes.xsd';
  if (part === 'docProps/core.xml') return 'opc-coreProperties.xsd';
  if (part === 'docProps/app.xml') return 'shared-documentPropertiesExtended.xsd';
  if (part.startsWith('ppt/theme/')) return 'dml-main.xsd';
  if (part.startsWith('ppt/') && part.endsWith('.xml')) return 'pml.xsd';
  return null;
}

export interface PackageVerdict {
  /** Every file of the package. */
  parts: string[];
  /** Parts no schema is known for (none expected: a new kind of part must be mapped, not skipped). */
  unmapped: string[];
  /** [part, xmllint's first error lines] for each part that fails its schema. */
  failed: [string, string][];
}

/** xmllint's verdict on every XML part of a package. Throws if xmllint is missing (libxml2-utils). */
export async function validatePackage(bytes: ArrayBuffer | Uint8Array): Promise<PackageVerdict> {
  const zip = await JSZip.loadAsync(bytes);
  const dir = mkdtempSync(join(tmpdir(), 'ooxml-'));
  try {
    const parts = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    const unmapped: string[] = [];
    const failed: [string, string][] = [];
    for (const part of parts) {
      const schema = schemaFor(part);
      if (!schema) {
        unmapped.push(part);
        continue;
      }
      const file = join(dir, part);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, await zip.file(part)!.async('uint8array'));
      const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(OOXML_SCHEMAS, schema), file], {
        encoding: 'utf8',
        env: { ...process.env, XML_CATALOG_FILES: join(OOXML_SCHEMAS, 'catalog.xml') },
      });
      if (r.error) throw new Error(`xmllint is needed to check the package (libxml2-utils; .ci/run installs it): ${r.error.message}`);
      if (r.status !== 0) failed.push([part, r.stderr.split('\n').filter((l) => /error/.test(l)).slice(0, 5).join('\n')]);
    }
    return { parts, unmapped, failed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
