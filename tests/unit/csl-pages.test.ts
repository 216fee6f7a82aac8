import { describe, expect, it } from 'vitest';
import { fullPages, parseAuthors, parseName, referenceToCsl } from '../../src/model/csl.ts';

/** The corners of the reference list's page ranges and author names, as reference managers get them. */
describe('page ranges written in full', () => {
  it('writes a range as given when a page is not a plain number', () => {
    expect(fullPages('123a–25')).toBe('123a-25');
    expect(fullPages('123–25a')).toBe('123-25a');
    expect(fullPages('12x3–4')).toBe('12x3-4');
    // An end shorter than the start is not filled in from a start that is not one number.
    expect(fullPages('12x34–5')).toBe('12x34-5');
    // Nor is an end with letters of its own, before or after its digits, filled in.
    expect(fullPages('E3421–E30')).toBe('E3421-E30');
    expect(fullPages('1234–5a')).toBe('1234-5a');
  });

  it('takes a range with nothing after its dash as its first page', () => {
    expect(fullPages('645–')).toBe('645');
    expect(fullPages('645- ')).toBe('645');
  });

  it('takes an end page as long as the start as whole, even one below it', () => {
    expect(fullPages('300–200')).toBe('300-200');
    expect(fullPages('300–310')).toBe('300-310');
  });

  it('an abbreviated end equal to the start is that one page, not a hundred pages on', () => {
    expect(fullPages('1234–4')).toBe('1234-1234');
    expect(fullPages('1234–3')).toBe('1234-1243');
  });
});

describe('author names and lists', () => {
  it('in natural order, only a single capital among the given names is an initial', () => {
    expect(parseName('Jean-Paul AB Martin')).toEqual({ family: 'Martin', given: 'Jean-Paul AB' });
    expect(parseName('Rossella E Nappi')).toEqual({ family: 'Nappi', given: 'Rossella E.' });
  });

  it('a family name in capitals, as some publishers print it, is a name, not initials, when longer than four letters', () => {
    expect(parseName('Yan ZHANG')).toEqual({ family: 'ZHANG', given: 'Yan' });
  });

  it('marks an item whose author list the review cut with "et al", and only such an item', () => {
    const ref = { n: 5, authors: 'Liang J-M, Fazly Bazzaz BS, Coulam CB, et al', title: 't', journal: 'J', year: 2019 };
    expect(referenceToCsl(ref)._authorsTruncated).toBe(true);
    expect(referenceToCsl(ref).note).toBe('Reference 5 of Fu et al. 2021; author list truncated ("et al.") in the review');
    const whole = referenceToCsl({ ...ref, authors: 'Liang J-M, Coulam CB' });
    expect('_authorsTruncated' in whole).toBe(false);
    expect(whole.note).toBe('Reference 5 of Fu et al. 2021');
  });

  it('reads a list with spaces after its "et al", or an empty place between commas, as the names it has', () => {
    expect(parseAuthors('Liang J-M, Coulam CB, et al.  ')).toEqual({
      names: [
        { family: 'Liang', given: 'J.-M.' },
        { family: 'Coulam', given: 'C. B.' },
      ],
      truncated: true,
    });
    expect(parseAuthors('Liang J-M, , Coulam CB,').names).toEqual([
      { family: 'Liang', given: 'J.-M.' },
      { family: 'Coulam', given: 'C. B.' },
    ]);
  });

  it('reads an "et al" typed straight after the last comma as the cut, leaving the names before it whole', () => {
    expect(parseAuthors('Liang J-M, Coulam CB,et al')).toEqual({
      names: [
        { family: 'Liang', given: 'J.-M.' },
        { family: 'Coulam', given: 'C. B.' },
      ],
      truncated: true,
    });
  });

  it('takes only a final "et al" for the cut: a group author with French "et" before a word in "al…" is a name', () => {
    const { names, truncated } = parseAuthors('Mertens A, Groupe Santé et Allaitement');
    expect(truncated).toBe(false);
    expect(names.map((n) => [n.given, n.family].join(' '))).toEqual(['A. Mertens', 'Groupe Santé et Allaitement']);
  });
});
