import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadExportFonts } from '../../src/export/export-fonts.ts';

afterEach(() => vi.unstubAllGlobals());

describe('export fonts', () => {
  it('fetches the two weights of the merged Inter and gives their bytes by weight', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (u: string) => {
      asked.push(u);
      const bytes = u.includes('inter-600') ? [6, 0, 0] : [4, 0];
      return new Response(new Uint8Array(bytes), { status: 200 });
    });
    const fonts = await loadExportFonts();
    expect(asked).toHaveLength(2);
    expect(asked.some((u) => /inter-400\.ttf/.test(u))).toBe(true);
    expect(asked.some((u) => /inter-600\.ttf/.test(u))).toBe(true);
    expect(fonts[400]).toBeInstanceOf(Uint8Array);
    expect([...fonts[400]]).toEqual([4, 0]);
    expect([...fonts[600]]).toEqual([6, 0, 0]);
  });

  it('says which font could not be loaded and why', async () => {
    vi.stubGlobal('fetch', async (u: string) => new Response('gone', { status: u.includes('inter-600') ? 404 : 200 }));
    await expect(loadExportFonts()).rejects.toThrow(/^The export font could not be loaded \(404 .*inter-600\.ttf.*\)\.$/);
  });
});
