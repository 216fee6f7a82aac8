/** Property test: any query string gives a valid state (the view it names, or the default) and short messages. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUrl, toSearch } from '../../src/state/url.ts';
import { shippedModel } from '../helpers/model.ts';
import { queryString } from '../helpers/url-arbitrary.ts';

const model = shippedModel();

describe('links under arbitrary query strings', () => {
  it('never throw; the state they give round-trips cleanly; every message is short and free of control characters', () => {
    fc.assert(
      fc.property(queryString, (search) => {
        const { state, problems } = parseUrl(search, model);
        // What is shown is itself a valid link: reading it back changes nothing and complains of nothing.
        const again = parseUrl(toSearch(state, model), model);
        expect(again.problems).toEqual([]);
        expect(again.state).toEqual(state);
        for (const p of problems) {
          expect(p.length).toBeLessThan(600);
          // eslint-disable-next-line no-control-regex
          expect(p).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        }
        // A link that names a view gets it, or is told why not.
        const view = new URLSearchParams(search).get('view');
        if ((view === 'atlas' || view === 'compare') && state.mode !== view) expect(problems.length).toBeGreaterThan(0);
      }),
      // `npm run fuzz` sets FUZZ_RUNS for more.
      // The examples are counterexamples fast-check once found, kept so every run tries them.
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500), examples: [['?figure=fig2&view=atlas'], ['?view=compare&figure=fig3']] },
    );
  }, Math.max(30_000, Number(process.env.FUZZ_RUNS ?? 0) * 5));
});
