import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../helpers/render-app.tsx';

const details = () => screen.getByRole('region', { name: 'Details' });
const detailsHeading = () => within(details()).getByRole('heading', { level: 3 });

describe('atlas panels', () => {
  it('source toggles drive the Shared factors list, ranked, with its sources, filtered by kind', async () => {
    const user = userEvent.setup();
    renderApp('?view=atlas');
    const sources = screen.getByRole('group', { name: 'Cell sources' });
    expect(within(sources).getByRole('checkbox', { name: 'hBMMSC — bone marrow' })).toBeChecked();
    await user.click(within(sources).getByRole('button', { name: 'None' }));
    const shared = screen.getByRole('region', { name: 'Shared factors' });
    expect(shared).toHaveTextContent('Switch on two or more cell sources');
    await user.click(within(sources).getByRole('checkbox', { name: 'hBMMSC — bone marrow' }));
    await user.click(within(sources).getByRole('checkbox', { name: 'hAFMSC — amniotic fluid' }));
    expect(window.location.search).toBe('?view=atlas&sources=hbmmsc,hafmsc');
    const list = within(shared).getByRole('list', { name: /Shared factors/ });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items.find((t) => t!.startsWith('miR-21 '))).toMatch(/miRNA · 2 sources:\s*hBMMSC\s*hAFMSC/);
    expect(items.find((t) => t!.startsWith('PTEN '))).toMatch(/2 sources/);
    await user.selectOptions(within(shared).getByRole('combobox', { name: 'Kind' }), 'mirna');
    const mirnas = within(within(shared).getByRole('list')).getAllByRole('listitem').map((li) => li.textContent);
    expect(mirnas.every((t) => /miRNA/.test(t!))).toBe(true);
    expect(window.location.search).toContain('kinds=mirna');
    await user.click(within(shared).getByRole('button', { name: 'miR-21' }));
    expect(detailsHeading()).toHaveTextContent('miR-21');
  });

  it('filters are in the URL and can be cleared', async () => {
    const user = userEvent.setup();
    renderApp('?view=atlas');
    const filters = screen.getByRole('group', { name: 'Filters' });
    await user.click(within(filters).getByRole('checkbox', { name: 'decrease' }));
    await user.click(within(filters).getByRole('checkbox', { name: 'rat' }));
    await user.click(within(filters).getByRole('checkbox', { name: /^Cell-free lens/ }));
    expect(window.location.search).toBe('?view=atlas&sign=decrease&species=rat&cellfree=1');
    await user.click(within(filters).getByRole('button', { name: 'Clear filters' }));
    expect(window.location.search).toBe('?view=atlas');
  });

  it('search suggests by synonym and selects the entity, switching to the atlas when needed', async () => {
    const user = userEvent.setup();
    renderApp('?figure=fig1');
    const box = screen.getByRole('searchbox', { name: 'Search entities' });
    await user.type(box, 'bFGF');
    const options = within(screen.getByRole('listbox', { name: 'Suggestions' })).getAllByRole('option');
    expect(options[0]).toHaveTextContent(/^FGF2 \(bFGF\)/);
    await user.keyboard('{Enter}');
    expect(detailsHeading()).toHaveTextContent('FGF2');
    await user.type(box, 'E2');
    expect(within(screen.getByRole('listbox', { name: 'Suggestions' })).getAllByRole('option')[0]).toHaveTextContent(/^E2/);
    await user.type(box, 'zzzz');
    expect(screen.getByRole('listbox', { name: 'Suggestions' })).toHaveTextContent('No entity matches');
  });

  it('explains a path step by step with references', async () => {
    const user = userEvent.setup();
    renderApp('?view=atlas');
    const panel = screen.getByRole('region', { name: 'Explain a path' });
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'From source' }), 'hafmsc');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'To' }), 'amh');
    expect(within(panel).getByRole('status')).toHaveTextContent(/chains? from hAFMSC to AMH/);
    expect(panel).toHaveTextContent('[120]');
    expect(window.location.search).toContain('path=hafmsc:amh');
    const chain1 = within(panel).getByRole('button', { name: /^Chain 1:/ });
    await user.click(chain1);
    expect(chain1).toHaveAttribute('aria-pressed', 'true');
    expect(window.location.search).toContain('chain=0');
  });

  it('the side panel opens on a figure for overlays, and says when something in it is in use', async () => {
    const user = userEvent.setup();
    renderApp('?figure=fig1&overlay=hafmsc');
    const toggle = screen.getByRole('button', { name: /Sources, filters & paths/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveTextContent('1 overlaid');
    await user.click(toggle);
    const group = screen.getByRole('group', { name: 'Overlay other cell sources' });
    expect(within(group).getByRole('checkbox', { name: /^hBMMSC — bone marrow/ })).toBeDisabled();
    expect(within(group).getByRole('checkbox', { name: 'hAFMSC — amniotic fluid' })).toBeChecked();
    const shared = screen.getByRole('region', { name: 'Shared factors' });
    await waitFor(() => expect(shared).toHaveTextContent(/miR-21/));
  });
});

describe('compare view', () => {
  it('chooses two sides, swaps them and sorts the summary', async () => {
    const user = userEvent.setup();
    renderApp('?view=compare&left=source:hpmsc&right=source:humsc');
    const left = screen.getByRole('combobox', { name: 'Left' });
    const right = screen.getByRole('combobox', { name: 'Right' });
    expect(left).toHaveValue('source:hpmsc');
    expect(right).toHaveValue('source:humsc');
    const summary = await screen.findByRole('region', { name: /^Summary: \d+ shared/ });
    const rowFor = (label: string) => within(summary).getAllByRole('row').find((r) => within(r).queryByRole('rowheader')?.textContent === label);
    expect(rowFor('HGF')).toHaveTextContent('Shared');
    expect(rowFor('VEGF')).toHaveTextContent('Shared');
    const entityHeader = within(summary).getByRole('columnheader', { name: 'Entity' });
    await user.click(within(entityHeader).getByRole('button'));
    expect(entityHeader).toHaveAttribute('aria-sort', 'ascending');
    const names = within(summary).getAllByRole('rowheader').map((h) => h.textContent!);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await user.click(within(entityHeader).getByRole('button'));
    expect(entityHeader).toHaveAttribute('aria-sort', 'descending');
    await user.click(screen.getByRole('button', { name: 'Swap' }));
    expect(screen.getByRole('combobox', { name: 'Left' })).toHaveValue('source:humsc');
    expect(window.location.search).toBe('?view=compare&left=source:humsc&right=source:hpmsc');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Right' }), 'figure:fig1');
    expect(window.location.search).toBe('?view=compare&left=source:humsc&right=figure:fig1');
    await user.click(within(screen.getByRole('region', { name: /^Summary:/ })).getByRole('button', { name: 'PTEN' }));
    expect(detailsHeading()).toHaveTextContent('PTEN');
  });
});
