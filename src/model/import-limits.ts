/** The file-size limit, checked on the page before a file is even read (the other limits apply in the worker). */
import { LIMITS, type ImportProblem } from './imported.ts';

function sizeText(bytes: number) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The file-size limit, checked before a file is even read. */
export function fileSizeProblem(bytes: number): ImportProblem | undefined {
  if (bytes <= LIMITS.fileBytes) return undefined;
  return { place: 'the whole file', reason: `the file is ${sizeText(bytes)}; files up to ${sizeText(LIMITS.fileBytes)} open here` };
}

