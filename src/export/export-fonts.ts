/** The merged Inter fonts the PDF and SVG exports embed (src/generated/fonts), fetched only when one is made. */
export type ExportFonts = Record<400 | 600, Uint8Array>;

export async function loadExportFonts(): Promise<ExportFonts> {
  const [{ default: u400 }, { default: u600 }] = await Promise.all([import('../generated/fonts/inter-400.ttf?url'), import('../generated/fonts/inter-600.ttf?url')]);
  const get = async (u: string) => {
    const r = await fetch(u);
    if (!r.ok) throw new Error(`The export font could not be loaded (${r.status} ${u}).`);
    return new Uint8Array(await r.arrayBuffer());
  };
  const [a, b] = await Promise.all([get(u400), get(u600)]);
  return { 400: a, 600: b };
}
