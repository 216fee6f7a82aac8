/**
 * The app started as the built page starts it, from one figure's data (issue #10 point 2): every other figure's data
 * is loaded when it is opened, and the atlas data on first use of the atlas, compare, search or the side panel.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { memoryLoader as memoryLoaderOf } from '../helpers/memory-loader.ts';
import { model, renderApp, renderAppFromParts } from '../helpers/render-app.tsx';

const ids = model.figures.map((f) => f.id);

const memoryLoader = (fail: string[] = []) => memoryLoaderOf(model, fail);

describe('data loaded as it is needed', () => {
  it('starts from the first figure’s data alone, lists every figure, and loads another when it is chosen', async () => {
    const user = userEvent.setup();
    const { loader, asked } = memoryLoader();
    await renderAppFromParts('', loader, ids);
    expect(asked).toEqual(['fig1']);
    const picker = screen.getByRole('combobox', { name: 'Figure' });
    expect(within(picker).getAllByRole('option')).toHaveLength(model.figures.length);
    expect(screen.getByRole('region', { name: 'Shared factors' })).toHaveTextContent('Switch on two or more cell sources');
    await user.selectOptions(picker, 'table2');
    const table2 = model.figures.find((f) => f.id === 'table2')!;
    expect(await screen.findByRole('region', { name: `${table2.label} ${table2.title}` })).toBeInTheDocument();
    expect(window.location.search).toBe('?figure=table2');
    // The first figure again: already loaded.
    await user.selectOptions(picker, 'fig1');
    expect(await screen.findByRole('region', { name: `${model.figures[0]!.label} ${model.figures[0]!.title}` })).toBeInTheDocument();
    expect(asked).toEqual(['fig1', 'table2']);
  });

  it('loads the atlas data when the Atlas is first opened, then draws the atlas; back returns to the figure', async () => {
    const user = userEvent.setup();
    const { loader, asked } = memoryLoader();
    await renderAppFromParts('?figure=fig2', loader, ids);
    await user.click(screen.getByRole('button', { name: 'Atlas' }));
    // (The atlas renders as a transition, in slices, once its data is in: slower in jsdom on a busy machine.)
    expect(await screen.findByRole('region', { name: /^Atlas: all MSC sources/ }, { timeout: 8000 })).toBeInTheDocument();
    await waitFor(() => expect(window.location.search).toBe('?view=atlas'));
    expect(asked).toEqual(['fig2', 'atlas']);
    window.history.back();
    expect(await screen.findByRole('combobox', { name: 'Figure' }, { timeout: 8000 })).toHaveValue('fig2');
    expect(asked).toEqual(['fig2', 'atlas']);
  });

  it('back to a figure not loaded yet loads it, then shows it', async () => {
    const { loader, asked } = memoryLoader();
    await renderAppFromParts('?figure=fig2', loader, ids);
    window.history.pushState(null, '', '/?figure=fig5&select=node:amh');
    window.dispatchEvent(new PopStateEvent('popstate'));
    const fig5 = model.figures.find((f) => f.id === 'fig5')!;
    expect(await screen.findByRole('region', { name: `${fig5.label} ${fig5.title}` })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Details' })).getByRole('heading', { level: 3 })).toHaveTextContent('AMH');
    expect(asked).toEqual(['fig2', 'fig5']);
  });

  it('search loads the atlas data on first use and finds what other figures name', async () => {
    const user = userEvent.setup();
    const { loader, asked } = memoryLoader();
    await renderAppFromParts('', loader, ids);
    const box = screen.getByRole('searchbox', { name: 'Search entities' });
    await user.click(box);
    await waitFor(() => expect(asked).toEqual(['fig1', 'atlas']));
    await user.type(box, 'bFGF');
    const list = await screen.findByRole('listbox', { name: 'Suggestions' });
    expect(await within(list).findByRole('option', { name: /FGF2/ })).toHaveTextContent('opens in the atlas');
  });

  it('Enter pressed in the search box before the atlas data has arrived chooses the suggestion once it has', async () => {
    const user = userEvent.setup();
    const { loader } = memoryLoader();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await renderAppFromParts('', { ...loader, atlas: () => held.then(() => loader.atlas()) }, ids);
    await user.type(screen.getByRole('searchbox', { name: 'Search entities' }), 'PTEN{Enter}');
    expect(screen.getByRole('region', { name: 'Details' })).toHaveTextContent(/Click a node or an arrow/);
    release();
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Details' })).getByRole('heading', { level: 3 })).toHaveTextContent('PTEN'));
    // (A new selection alone is written to the address after the frame that shows its details.)
    await waitFor(() => expect(window.location.search).toBe('?select=node:pten'));
  });

  it('the side panel loads the atlas data, then offers overlays of other sources on the figure', async () => {
    const user = userEvent.setup();
    const { loader, asked } = memoryLoader();
    await renderAppFromParts('', loader, ids);
    await user.click(screen.getByRole('button', { name: /Sources, filters & paths/ }));
    const group = await screen.findByRole('group', { name: 'Overlay other cell sources' });
    expect(asked).toEqual(['fig1', 'atlas']);
    await user.click(within(group).getByRole('checkbox', { name: 'hAFMSC — amniotic fluid' }));
    expect(window.location.search).toBe('?overlay=hafmsc');
    await waitFor(() => expect(screen.getByRole('region', { name: 'Shared factors' })).toHaveTextContent(/miR-21/));
  });

  it('a figure about several sources lists the factors they share from its own data at once, as the whole model lists them', async () => {
    const { loader, asked } = memoryLoader();
    await renderAppFromParts('?figure=fig7', loader, ids);
    const shared = screen.getByRole('region', { name: 'Shared factors' });
    // From the first render: no loading message in its place, and no other data fetched for it.
    expect(within(shared).queryByRole('status')).toBeNull();
    expect(within(shared).getByRole('list', { name: 'Shared factors, most shared first' })).toBeInTheDocument();
    const fromParts = within(shared).getAllByRole('listitem').map((li) => li.textContent);
    expect(fromParts.length).toBeGreaterThan(0);
    expect(asked).toEqual(['fig7']);
    document.body.innerHTML = '';
    renderApp('?figure=fig7');
    const whole = screen.getAllByRole('region', { name: 'Shared factors' }).at(-1)!;
    expect(within(whole).getAllByRole('listitem').map((li) => li.textContent)).toEqual(fromParts);
  });

  it('a figure whose data cannot be loaded leaves the view as it was and says so', async () => {
    const user = userEvent.setup();
    const { loader } = memoryLoader(['fig3']);
    await renderAppFromParts('', loader, ids);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Figure' }), 'fig3');
    expect(await screen.findByText(/Could not load the data of fig3 \(Failed to fetch\); the view is unchanged/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: `${model.figures[0]!.label} ${model.figures[0]!.title}` })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Figure' })).toHaveValue('fig1');
    expect(window.location.search).toBe('');
  });

  it('a link to the atlas starts from everything', async () => {
    const { loader, asked } = memoryLoader();
    await renderAppFromParts('?view=atlas', loader, ids);
    expect(await screen.findByRole('region', { name: /^Atlas: all MSC sources/ })).toBeInTheDocument();
    expect(asked).toEqual(['atlas']);
  });
});
