import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { embedSearch, iframeSnippet, withEmbed } from '../../src/state/embed.ts';
import { renderApp } from '../helpers/render-app.tsx';

beforeEach(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});

describe('embedded view (?embed=1)', () => {
  it('shows the diagram, its legend and a link back, and nothing else', async () => {
    renderApp('?figure=fig2&embed=1');
    expect(await screen.findByRole('heading', { level: 2, name: /^Fig\. 2/ })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /Legend/i })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Figure' })).not.toBeInTheDocument();
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    const back = screen.getByRole('link', { name: 'Open in MSC–POF Atlas' });
    expect(back).toHaveAttribute('href', `${window.location.origin}/?figure=fig2`);
    // The address keeps embed=1, so reloading the frame stays embedded.
    expect(window.location.search).toBe('?figure=fig2&embed=1');
  });

  it('the export dialog offers the iframe code for the current view', async () => {
    const user = userEvent.setup();
    renderApp('?figure=fig2');
    await user.click(await screen.findByRole('button', { name: 'Export' }));
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    await user.click(within(dialog).getByText('Embed this view in a web page'));
    const code = within(dialog).getByRole('textbox', { name: /HTML to paste/ }) as HTMLTextAreaElement;
    expect(code.value).toMatch(new RegExp(`^<iframe src="${window.location.origin}/\\?figure=fig2&amp;embed=1" title="Fig\\. 2[^"]*\\(MSC–POF Atlas\\)"`));
  });

  it('names the first figure in the code, though the app’s own address leaves it out as the default view', async () => {
    const user = userEvent.setup();
    renderApp('?figure=fig1&select=node:pten');
    await user.click(await screen.findByRole('button', { name: 'Export' }));
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    await user.click(within(dialog).getByText('Embed this view in a web page'));
    const code = within(dialog).getByRole('textbox', { name: /HTML to paste/ }) as HTMLTextAreaElement;
    expect(window.location.search).not.toContain('figure=');
    expect(code.value).toMatch(new RegExp(`^<iframe src="${window.location.origin}/\\?figure=fig1&amp;select=node:pten&amp;embed=1" title="Fig\\. 1`));
  });

  it('pins the default figure only where the address names no view or figure', () => {
    expect(embedSearch('', 'fig1')).toBe('?figure=fig1');
    expect(embedSearch('?select=node:pten', 'fig1')).toBe('?figure=fig1&select=node%3Apten');
    expect(embedSearch('?figure=fig2', 'fig1')).toBe('?figure=fig2');
    expect(embedSearch('?view=atlas', 'fig1')).toBe('?view=atlas');
    expect(embedSearch('?select=node:pten', undefined)).toBe('?select=node:pten');
  });

  it('writes the snippet with everything escaped', () => {
    expect(withEmbed('?view=atlas&sources=a,b', true)).toBe('?view=atlas&sources=a,b&embed=1');
    expect(withEmbed('?embed=1&view=atlas', false)).toBe('?view=atlas');
    expect(withEmbed('', true)).toBe('?embed=1');
    expect(iframeSnippet('https://x.org/atlas/', '?select=node:a"b', 'A <b> "title"')).toBe(
      '<iframe src="https://x.org/atlas/?select=node:a%22b&amp;embed=1" title="A &lt;b&gt; &quot;title&quot; (MSC–POF Atlas)" width="960" height="640" style="border:1px solid #ccc" loading="lazy" allow="fullscreen"></iframe>',
    );
  });
});
