import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { model, renderApp } from '../helpers/render-app.tsx';

describe('figure view', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('shows the first figure in a region named after it, with the chooser, details and text version', async () => {
    const user = userEvent.setup();
    renderApp();
    const fig1 = model.figures[0]!;
    expect(screen.getByRole('combobox', { name: 'Figure' })).toHaveValue(fig1.id);
    expect(screen.getByRole('region', { name: `${fig1.label} ${fig1.title}` })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Details' })).toHaveTextContent(/Click a node or an arrow/);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByText(/^Text version of this diagram/));
    const entities = await screen.findByRole('table', { name: /^Entities in/ });
    expect(within(entities).getAllByRole('row')).toHaveLength(fig1.nodes.length + 1);
    expect(within(entities).getByRole('button', { name: 'PTEN' })).toBeInTheDocument();
  });

  it('selecting a relation in the text version shows its evidence and references in Details', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByText(/^Text version of this diagram/));
    await user.click(await screen.findByRole('button', { name: 'miR-144-5p inhibits PTEN' }));
    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).getByRole('heading', { level: 3 })).toHaveTextContent('miR-144-5p inhibits PTEN');
    expect(details).toHaveTextContent('[43]');
    expect(details).toHaveTextContent(/Yang M, Lin L, Sha C, et al\. Bone marrow mesenchymal stem cell-derived exosomal miR-144-5p/);
    expect(details).toHaveTextContent(/Species\s*rat/);
    expect(details).toHaveTextContent(/Injury model\s*cyclophosphamide/);
    // (A new selection alone is written to the address after the frame that shows its details.)
    await waitFor(() => expect(window.location.search).toBe('?select=edge:mir-144-5p~inhibits~pten'));
  });

  it('lists a detail that holds for one reference under that reference, and names a combination’s effect', async () => {
    renderApp('?figure=fig5&select=edge:hmbmsc~upregulates~amh');
    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).getByRole('group', { name: 'Evidence, every reference' })).toHaveTextContent(/Setting\s*in vivo/);
    const liu = within(details).getByRole('group', { name: 'Evidence, reference 126 only' });
    expect(liu).toHaveTextContent(/Route \[126\]\s*ovarian injection/);
    expect(liu).toHaveTextContent(/Species \[126\]\s*mouse/);
    const other = within(details).getByRole('group', { name: 'Evidence, reference 131 only' });
    expect(other).toHaveTextContent(/Species \[131\]\s*rat/);
    expect(other).not.toHaveTextContent(/Route/);
    expect(details).not.toHaveTextContent(/Combination effect/);
  });

  it('shows a combination’s effect as such, with its parts', () => {
    renderApp('?figure=fig5&select=edge:hmbmsc-bushen-tiaochong~downregulates~gadd45b');
    const details = screen.getByRole('region', { name: 'Details' });
    expect(details).toHaveTextContent('Combination effect: hMB-MSC + Bushen Tiaochong recipe given together');
  });

  it('selecting an entity shows its cross-references as links and its relations', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByText(/^Text version of this diagram/));
    await user.click(within(await screen.findByRole('table', { name: /^Entities in/ })).getByRole('button', { name: 'PTEN' }));
    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).getByRole('link', { name: 'HGNC:9588' })).toHaveAttribute('href', 'https://bioregistry.io/hgnc:9588');
    expect(within(details).getByRole('link', { name: 'HGNC:9588 at HGNC' })).toHaveAttribute('href', expect.stringContaining('genenames.org'));
    expect(within(details).getByRole('link', { name: 'UniProt:P60484' })).toHaveAttribute('href', 'https://bioregistry.io/uniprot:P60484');
    expect(within(details).getByRole('link', { name: 'UniProt:P60484 at UniProt' })).toHaveAttribute('href', 'https://www.uniprot.org/uniprotkb/P60484/entry');
    await user.click(within(details).getByRole('button', { name: 'miR-21 inhibits PTEN' }));
    expect(within(details).getByRole('heading', { level: 3 })).toHaveTextContent('miR-21 inhibits PTEN');
  });

  it('restores a selection from a deep link', () => {
    renderApp('?figure=fig1&select=node:mir-144-5p');
    expect(within(screen.getByRole('region', { name: 'Details' })).getByRole('heading', { level: 3 })).toHaveTextContent('miR-144-5p');
  });

  it('a link to a figure that does not exist opens the default view with a visible message', () => {
    renderApp('?figure=fig42&select=node:pten');
    expect(screen.getByRole('status')).toHaveTextContent('The link names a figure "fig42" that does not exist');
    expect(screen.getByRole('combobox', { name: 'Figure' })).toHaveValue(model.figures[0]!.id);
    expect(window.location.search).toBe('');
  });

  it('a link to an element that does not exist keeps the figure and says so', async () => {
    const user = userEvent.setup();
    renderApp('?figure=fig1&select=edge:nope');
    expect(screen.getByRole('status')).toHaveTextContent('The link selects edge "nope", which is not in Fig. 1; nothing is selected.');
    await user.click(screen.getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('choosing another figure changes the region and the URL, and clears the selection', async () => {
    const user = userEvent.setup();
    renderApp('?select=node:pten');
    const second = model.figures[1]!;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Figure' }), second.id);
    expect(screen.getByRole('region', { name: `${second.label} ${second.title}` })).toBeInTheDocument();
    expect(window.location.search).toBe(`?figure=${second.id}`);
    expect(screen.getByRole('region', { name: 'Details' })).toHaveTextContent(/Click a node or an arrow/);
  });
});

describe('links and history', () => {
  it('keeps a deep link as it is on start-up, adding no history entry', () => {
    window.history.replaceState(null, '', '/');
    const before = window.history.length;
    renderApp('?view=compare&left=source:hpmsc&right=source:humsc');
    expect(screen.getByRole('combobox', { name: 'Left' })).toHaveValue('source:hpmsc');
    expect(window.location.search).toBe('?view=compare&left=source:hpmsc&right=source:humsc');
    expect(window.history.length).toBe(before);
  });

  it('back and forward restore the previous view', async () => {
    const user = userEvent.setup();
    renderApp('?figure=fig2');
    await user.click(screen.getByRole('button', { name: 'Atlas' }));
    expect(window.location.search).toBe('?view=atlas');
    window.history.back();
    await screen.findByRole('combobox', { name: 'Figure' }, { timeout: 8000 });
    expect(screen.getByRole('combobox', { name: 'Figure' })).toHaveValue('fig2');
  });
});
