/** Validated model for Node scripts; prints the validator's errors and exits when graphs/ is broken. */
import { formatIssue, type Model } from '../src/model/types.ts';
import { validateGraphs } from '../src/model/validate.ts';
import { readGraphFiles } from './read-graphs.ts';

export function loadModelOrExit(): Model {
  const result = validateGraphs(readGraphFiles().filter((f) => !f.path.startsWith('schema/')));
  if (!result.model) {
    for (const e of result.errors) console.error(`error: ${formatIssue(e)}`);
    console.error('graphs/ is not valid: run npm run validate');
    process.exit(1);
  }
  return result.model;
}
