/**
 * The whole app taking over a prerendered page (as start.tsx does: createRoot over the page's DOM, not hydrate) after
 * the reader has used the page: what they typed, chose and clicked is done by the app (src/app/early-input.ts).
 */
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App, createAppStore } from '../../src/app/app.tsx';
import { catchEarlyInput, replayEarlyInput } from '../../src/app/early-input.ts';
import { precomputedLayouts } from '../../src/data/bundled.ts';
import { createInProcessEngine } from '../../src/layout/in-process.ts';
import { createLayoutService } from '../../src/layout/layout-service.ts';
import { model } from '../helpers/render-app.tsx';

let root: Root | undefined;

const app = () => {
  const service = createLayoutService(precomputedLayouts, async () => createInProcessEngine());
  return <App model={model} layoutService={service} store={createAppStore(model, service, window.location.search)} />;
};

/** The page as the build prerenders it (scripts/prerender.ts), and its entry script's catcher (main.tsx). */
function prerenderedPage() {
  window.history.replaceState(null, '', '/');
  const container = document.createElement('div');
  container.id = 'root';
  container.innerHTML = renderToString(app());
  document.body.append(container);
  catchEarlyInput();
  return container;
}

/** The app's start (start.tsx): its first render replaces the page's DOM. */
async function takeOver(container: HTMLElement) {
  root = createRoot(container);
  await act(async () =>
    root!.render(
      <StrictMode>
        {app()}
      </StrictMode>,
    ),
  );
}

beforeEach(() => {
  // jsdom has no modal dialogs; the real browser tests open the real one.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});
afterEach(async () => {
  await replayEarlyInput();
  act(() => root?.unmount());
  root = undefined;
  document.getElementById('root')?.remove();
});

describe('the app takes over what the reader did on its prerendered page', () => {
  it('text typed into Search stays, focused, caret in place, with its suggestions', async () => {
    const user = userEvent.setup();
    const page = prerenderedPage();
    await user.type(screen.getByRole('searchbox', { name: 'Search entities' }), 'PTEN{ArrowLeft}');
    await takeOver(page);
    const box = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search entities' });
    expect(box).toHaveValue('PTEN');
    expect(box).toHaveFocus();
    expect([box.selectionStart, box.selectionEnd]).toEqual([3, 3]);
    const list = await screen.findByRole('listbox', { name: 'Suggestions' });
    expect(await within(list).findByRole('option', { name: /^PTEN/ })).toBeInTheDocument();
  });

  it('a figure chosen in the select opens that figure', async () => {
    const user = userEvent.setup();
    const page = prerenderedPage();
    const fig3 = model.figures.find((f) => f.id === 'fig3')!;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Figure' }), 'fig3');
    await takeOver(page);
    expect(await screen.findByRole('region', { name: `${fig3.label} ${fig3.title}` })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Figure' })).toHaveValue('fig3');
  });

  it('a click on a view tab opens that view; a click on Export opens its dialog', async () => {
    const user = userEvent.setup();
    const page = prerenderedPage();
    await user.click(screen.getByRole('button', { name: 'Atlas' }));
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await takeOver(page);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Atlas' })).toHaveAttribute('aria-pressed', 'true'));
    expect(await screen.findByRole('dialog', { name: 'Export' })).toBeInTheDocument();
  });

  it('a toggle clicked twice while the app was not there is done once (the side panel opens)', async () => {
    const user = userEvent.setup();
    const page = prerenderedPage();
    const toggle = screen.getByRole('button', { name: 'Sources, filters & paths' });
    await user.click(toggle);
    await user.click(toggle);
    await takeOver(page);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Hide sources & filters' })).toHaveAttribute('aria-expanded', 'true'));
  });
});
