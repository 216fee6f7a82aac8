/** The file-size limit, checked on the page before a file is even read (the other limits apply in the worker). */
import { LIMITS, type ImportProblem } from './imported.ts';

/** In MB: the limit is 20 MB and only files above it are named, so a size in KB never shows. */
function sizeText(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The file-size limit, checked before a file is even read. */
export function fileSizeProblem(bytes: number): ImportProblem | undefined {
  if (bytes <= LIMITS.fileBytes) return undefined;
  return { place: 'the whole file', reason: `the file is ${sizeText(bytes)}; files up to ${sizeText(LIMITS.fileBytes)} open here` };
}

