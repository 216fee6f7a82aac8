import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../helpers/render-app.tsx';

let saved: { name: string; blob: Blob }[] = [];

beforeEach(() => {
  saved = [];
  let last: Blob | undefined;
  // Replaced for this test only (jsdom has no object URLs); afterEach puts back exactly what was there.
  stubStatic(URL, 'createObjectURL', (b: Blob) => ((last = b), 'blob:test'));
  stubStatic(URL, 'revokeObjectURL', () => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: last! });
  });
  // jsdom has no modal dialogs; the real browser tests open the real one.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const undo of restores.splice(0).reverse()) undo();
});

const restores: (() => void)[] = [];
const urlBefore = Object.getOwnPropertyDescriptor(URL, 'createObjectURL');
afterAll(() => {
  // The global URL is left as the environment made it.
  expect(Object.getOwnPropertyDescriptor(URL, 'createObjectURL')).toEqual(urlBefore);
});
/** Sets a static member for the current test, whether or not the environment defines it. */
function stubStatic<T extends object>(owner: T, key: string, value: unknown) {
  const before = Object.getOwnPropertyDescriptor(owner, key);
  Object.defineProperty(owner, key, { value, configurable: true, writable: true });
  restores.push(() => (before ? Object.defineProperty(owner, key, before) : delete (owner as Record<string, unknown>)[key]));
}

describe('export dialog', () => {
  it('offers every format and saves the evidence CSV and references of the current figure', async () => {
    const user = userEvent.setup();
    renderApp('?figure=fig1');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    const formats = within(within(dialog).getByRole('group', { name: 'Format' })).getAllByRole('radio').map((r) => r.closest('label')!.textContent!.trim());
    expect(formats).toEqual([
      'PNG image',
      'SVG image (vector)',
      'PDF (vector, for print)',
      'PowerPoint slide (editable shapes)',
      'Cytoscape.js JSON (.cyjs, with positions) and a Cytoscape style',
      'CX2 (NDEx, Cytoscape Web)',
      'GraphML (yEd, Gephi, Cytoscape)',
      'SBGN-ML activity flow (Newt, MINERVA)',
      'SIF (simple interaction format)',
      'Evidence table (CSV)',
      'References (BibTeX)',
      'References (RIS)',
      'References (CSL-JSON: Zotero, Mendeley, pandoc)',
    ]);
    expect(within(dialog).getByRole('combobox', { name: 'Size' })).toHaveValue('slide-hd');

    await user.click(within(dialog).getByRole('radio', { name: 'Evidence table (CSV)' }));
    expect(within(dialog).queryByRole('combobox', { name: 'Size' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));
    await within(dialog).findByText('Saved.');
    expect(saved[0]!.name).toBe('msc-pof-atlas-fig1-evidence.csv');
    expect(await saved[0]!.blob.text()).toMatch(/^edge_id,source,relation,sign,target/);

    await user.click(within(dialog).getByRole('radio', { name: 'References (RIS)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));
    await vi.waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]!.name).toBe('msc-pof-atlas-fig1-references.ris');
    expect(await saved[1]!.blob.text()).toContain('TI  - Human mesenchymal stem cell treatment of premature ovarian failure');
  });

  it('saves the network as .cyjs, then on request the matching Cytoscape desktop style', async () => {
    const user = userEvent.setup();
    renderApp('?figure=fig1');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    await user.click(within(dialog).getByRole('radio', { name: /^Cytoscape\.js JSON/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));
    await within(dialog).findByText('Saved msc-pof-atlas-fig1.cyjs.');
    expect(saved.map((s) => s.name)).toEqual(['msc-pof-atlas-fig1.cyjs']);
    const cyjs = JSON.parse(await saved[0]!.blob.text()) as { elements: { edges: { data: { refs: number[] } }[] } };
    expect(cyjs.elements.edges.every((e) => e.data.refs.every(Number.isInteger))).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Save the matching Cytoscape desktop style (msc-pof-atlas-fig1.style.xml)' }));
    expect(saved.map((s) => s.name)).toEqual(['msc-pof-atlas-fig1.cyjs', 'msc-pof-atlas-fig1.style.xml']);
    expect(await saved[1]!.blob.text()).toContain('<vizmap');

    await user.click(within(dialog).getByRole('radio', { name: 'CX2 (NDEx, Cytoscape Web)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));
    await within(dialog).findByText('Saved msc-pof-atlas-fig1.cx2.');
    expect(JSON.parse(await saved[2]!.blob.text())[0]).toEqual({ CXVersion: '2.0', hasFragments: false });
  });

  it('refuses an oversized image with the largest size that works, saving nothing', async () => {
    const user = userEvent.setup();
    renderApp('?figure=fig1');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    await user.click(within(dialog).getByRole('radio', { name: 'SVG image (vector)' }));
    await user.click(within(dialog).getByRole('radio', { name: 'PNG image' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Size' }), 'scale');
    const scale = within(dialog).getByRole('spinbutton', { name: 'Scale' });
    await user.clear(scale);
    await user.type(scale, '20');
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(/at most 16,777,216/);
    expect(within(alert).getByRole('button', { name: /^Export at \d+ × \d+ px$/ })).toBeInTheDocument();
    expect(saved).toEqual([]);
  });
});
