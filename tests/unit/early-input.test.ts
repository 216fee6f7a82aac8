/**
 * The early catcher (src/app/early-input.ts), in jsdom: a prerendered page without handlers, the reader's gestures on
 * it, then the page's DOM replaced by the "app's" (fresh elements with listeners, as React's first commit makes them)
 * and the replay.
 */
import { screen } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catchEarlyInput, replayEarlyInput } from '../../src/app/early-input.ts';

const PAGE = `
  <div class="app">
    <nav aria-label="Views">
      <button type="button" aria-pressed="true">Figures</button><button type="button" aria-pressed="false">Atlas</button><button type="button" aria-pressed="false">Compare</button>
    </nav>
    <label class="picker"><span>Figure</span><select><option value="fig1">Fig. 1</option><option value="fig2">Fig. 2</option><option value="fig3">Fig. 3</option></select></label>
    <div role="search"><input type="search" aria-label="Search entities" value=""></div>
    <button type="button" class="export-button">Export</button>
    <button type="button" aria-expanded="false">Legend</button>
    <label><input type="checkbox"> hBMMSC</label><label><input type="checkbox" checked> hPMSC</label>
    <button type="button" class="link">AMH</button><button type="button" class="link">AMH</button>
    <a href="#elsewhere">A link</a>
  </div>`;

/** What the app did, in order: the handlers of the "app's" DOM write here. */
let log: string[];

/** React's first commit, played by hand: the page's DOM replaced by the same markup, with handlers. */
function takeOver(markup = PAGE) {
  const root = document.getElementById('root')!;
  root.textContent = '';
  root.insertAdjacentHTML('beforeend', markup);
  for (const b of root.querySelectorAll('button')) b.addEventListener('click', () => log.push(`click ${b.textContent}${[...root.querySelectorAll('button')].filter((x) => x.textContent === b.textContent).length > 1 ? `#${[...root.querySelectorAll('button')].filter((x) => x.textContent === b.textContent).indexOf(b)}` : ''}`));
  root.querySelector('select')!.addEventListener('change', (e) => log.push(`figure ${(e.target as HTMLSelectElement).value}`));
  const box = root.querySelector<HTMLInputElement>('input[type="search"]');
  box?.addEventListener('input', () => log.push(`typed ${box.value}`));
  box?.addEventListener('keydown', (e) => log.push(`key ${e.key} with ${box.value}`));
  for (const c of root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) c.addEventListener('change', () => log.push(`${c.parentElement!.textContent!.trim()} ${c.checked}`));
}

/** The actions after the first commit, each run at once (the app's render in between is not played here). */
const now = (f: () => void) => f();

beforeEach(() => {
  log = [];
  document.body.innerHTML = `<div id="root">${PAGE}</div>`;
  catchEarlyInput();
});
afterEach(async () => {
  await replayEarlyInput(now);
});

describe('input on the prerendered page is done once the app has taken over', () => {
  it('a click on a button is done once, however often the reader clicked it; nothing before the takeover', async () => {
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(screen.getByRole('button', { name: 'Legend' }));
    expect(log).toEqual([]);
    takeOver();
    await replayEarlyInput(now);
    expect(log).toEqual(['click Export', 'click Legend']);
  });

  it('of the pressed buttons of one group (the view tabs), the last one pressed', async () => {
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Atlas' }));
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    takeOver();
    await replayEarlyInput(now);
    expect(log).toEqual(['click Compare']);
  });

  it('finds a button again among buttons of the same name by its rank', async () => {
    const user = userEvent.setup();
    await user.click(screen.getAllByRole('button', { name: 'AMH' })[1]!);
    takeOver();
    await replayEarlyInput(now);
    expect(log).toEqual(['click AMH#1']);
  });

  it('Enter and Space on a focused button do what they do: a click', async () => {
    const user = userEvent.setup();
    screen.getByRole('button', { name: 'Export' }).focus();
    await user.keyboard('{Enter}');
    screen.getByRole('button', { name: 'Legend' }).focus();
    await user.keyboard(' ');
    takeOver();
    await replayEarlyInput(now);
    expect(log).toEqual(['click Export', 'click Legend']);
  });

  it('marks the control used as coming (aria-busy: a progress cursor, app.css) until the app is there', async () => {
    const user = userEvent.setup();
    const tab = screen.getByRole('button', { name: 'Atlas' });
    await user.click(tab);
    expect(tab).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Export' })).not.toHaveAttribute('aria-busy');
    takeOver();
    await replayEarlyInput(now);
    expect(screen.getByRole('button', { name: 'Atlas' })).not.toHaveAttribute('aria-busy');
  });

  it('typed text: in the app’s box, through its input event, at once; the focus and caret where they were', async () => {
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search entities' }), 'HGFx{ArrowLeft}');
    takeOver();
    const done = replayEarlyInput(() => undefined);
    // (In the commit itself: no later action needed.)
    const box = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search entities' });
    expect(box).toHaveValue('HGFx');
    expect(log).toEqual(['typed HGFx']);
    expect(box).toHaveFocus();
    expect([box.selectionStart, box.selectionEnd]).toEqual([3, 3]);
    void done;
  });

  it('Enter in the box is pressed again after the text', async () => {
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search entities' }), 'PTEN{Enter}');
    takeOver();
    await replayEarlyInput(now);
    expect(log).toEqual(['typed PTEN', 'key Enter with PTEN']);
  });

  it('a figure chosen in the select: chosen in the app’s select', async () => {
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Figure' }), 'fig2');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Figure' }), 'fig3');
    takeOver();
    await replayEarlyInput(now);
    expect(log).toEqual(['figure fig3']);
    expect(screen.getByRole('combobox', { name: 'Figure' })).toHaveValue('fig3');
  });

  it('a select put back as it was does nothing', async () => {
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Figure' }), 'fig2');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Figure' }), 'fig1');
    takeOver();
    await replayEarlyInput(now);
    expect(log).toEqual([]);
  });

  it('check boxes end as the reader left them: one ticked, one ticked and unticked again', async () => {
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'hBMMSC' }));
    await user.click(screen.getByRole('checkbox', { name: 'hPMSC' }));
    await user.click(screen.getByRole('checkbox', { name: 'hPMSC' }));
    takeOver();
    await replayEarlyInput(now);
    expect(log).toEqual(['hBMMSC true']);
    expect(screen.getByRole('checkbox', { name: 'hBMMSC' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'hPMSC' })).toBeChecked();
  });

  it('the focus goes back to the control that had it, when the page’s was replaced', async () => {
    const user = userEvent.setup();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Atlas' })).toHaveFocus();
    takeOver();
    expect(document.body).toHaveFocus();
    await replayEarlyInput(now);
    expect(screen.getByRole('button', { name: 'Atlas' })).toHaveFocus();
    expect(log).toEqual([]);
  });

  it('a focus the reader moved out of the page’s controls is not brought back', async () => {
    const user = userEvent.setup();
    await user.click(screen.getByRole('searchbox', { name: 'Search entities' }));
    await user.click(document.body);
    takeOver();
    await replayEarlyInput(now);
    expect(document.body).toHaveFocus();
  });

  it('a control the app does not render (another shell) is left out, and so is its focus', async () => {
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search entities' }), 'PTEN');
    await user.click(screen.getByRole('button', { name: 'Legend' }));
    screen.getByRole('searchbox', { name: 'Search entities' }).focus();
    takeOver(PAGE.replace(/<div role="search">.*?<\/div>/, '').replace('Legend', 'Key'));
    await replayEarlyInput(now);
    expect(log).toEqual([]);
    expect(document.body).toHaveFocus();
  });

  it('replays once: a second replay, and input after the takeover, do nothing more', async () => {
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    takeOver();
    await replayEarlyInput(now);
    await replayEarlyInput(now);
    await user.click(screen.getByRole('button', { name: 'Legend' }));
    expect(log).toEqual(['click Export', 'click Legend']);
    expect(screen.getByRole('button', { name: 'Legend' })).not.toHaveAttribute('aria-busy');
  });

  it('each action after the first commit waits for the app’s render of the one before', async () => {
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(screen.getByRole('button', { name: 'Legend' }));
    takeOver();
    const queue: (() => void)[] = [];
    const done = replayEarlyInput((f) => queue.push(f));
    expect(log).toEqual([]);
    queue.shift()!();
    expect(log).toEqual(['click Export']);
    queue.shift()!();
    expect(log).toEqual(['click Export', 'click Legend']);
    await done;
    expect(queue).toEqual([]);
  });

  it('leaves links and input outside the page’s root alone', async () => {
    const user = userEvent.setup();
    const outside = document.createElement('button');
    outside.textContent = 'Outside';
    document.body.append(outside);
    await user.click(outside);
    expect(outside).not.toHaveAttribute('aria-busy');
    const link = screen.getByRole('link', { name: 'A link' });
    await user.click(link);
    expect(link).not.toHaveAttribute('aria-busy');
    takeOver();
    await replayEarlyInput(now);
    expect(log).toEqual([]);
  });
});
