import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../helpers/render-app.tsx';

let saved: { name: string; blob: Blob }[] = [];

beforeEach(() => {
  saved = [];
  let last: Blob | undefined;
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => ((last = b), 'blob:test'), revokeObjectURL: () => {} }));
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
afterEach(() => vi.restoreAllMocks());

describe('export dialog', () => {
  it('offers every format and saves the evidence CSV and references of the current figure', async () => {
    const user = userEvent.setup();
    renderApp('?figure=fig1');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    const formats = within(within(dialog).getByRole('group', { name: 'Format' })).getAllByRole('radio').map((r) => r.closest('label')!.textContent!.trim());
    expect(formats).toEqual(['PNG image', 'SVG image (vector)', 'PowerPoint slide (editable shapes)', 'Graph JSON (Cytoscape.js, with positions)', 'Evidence table (CSV)', 'References (BibTeX)', 'References (RIS)', 'References (CSL-JSON: Zotero, Mendeley, pandoc)']);
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
