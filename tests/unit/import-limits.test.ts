import { describe, expect, it } from 'vitest';
import { fileSizeProblem } from '../../src/model/import-limits.ts';
import { LIMITS } from '../../src/model/imported.ts';

describe('the file-size limit, checked before a file is read', () => {
  it('lets a file of exactly the limit through, and refuses one byte more', () => {
    expect(LIMITS.fileBytes).toBe(20 * 1024 * 1024);
    expect(fileSizeProblem(0)).toBeUndefined();
    expect(fileSizeProblem(LIMITS.fileBytes)).toBeUndefined();
    expect(fileSizeProblem(LIMITS.fileBytes + 1)).toEqual({
      place: 'the whole file',
      reason: 'the file is 20.0 MB; files up to 20.0 MB open here',
    });
  });

  it('names sizes in MB with one decimal from 1 MB up', () => {
    expect(fileSizeProblem(31.5 * 1024 * 1024)?.reason).toBe('the file is 31.5 MB; files up to 20.0 MB open here');
    expect(fileSizeProblem(1024 * 1024 * 1024)?.reason).toBe('the file is 1024.0 MB; files up to 20.0 MB open here');
  });
});
