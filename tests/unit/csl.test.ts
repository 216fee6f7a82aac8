import { describe, expect, it } from 'vitest';
import { parseName } from '../../src/model/csl.ts';

describe('author names as the reference list writes them', () => {
  it('ignores spaces around a name and runs of spaces inside it', () => {
    expect(parseName('  Liang J-M ')).toEqual({ family: 'Liang', given: 'J.-M.' });
    expect(parseName('Fazly  Bazzaz   BS')).toEqual({ family: 'Fazly Bazzaz', given: 'B. S.' });
    expect(parseName(' Coulam ')).toEqual({ family: 'Coulam' });
  });
});
