/**
 * Retracted references (57 and 59, withdrawn by their journal in 2022): their statements stay, and every place
 * that shows the citation says it is retracted.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '../helpers/render-app.tsx';

describe('retracted references', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('Details flags a retracted reference, links its retraction and says the statement rests on it alone', () => {
    renderApp('?figure=fig2&select=edge:hpmsc~downregulates~fsh');
    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).getByRole('heading', { level: 3 })).toHaveTextContent('hPMSC down-regulates FSH');
    const item = within(details).getByRole('listitem');
    expect(item).toHaveTextContent(/^\[57\] Retracted Zhang H, Luo Q, Lu X, et al\. Effects of hPMSCs/);
    expect(within(item).getByText('Retracted')).toHaveClass('retracted-flag');
    expect(within(item).getByRole('link', { name: /Retracted by the journal on 13 October 2022, after the review\./ })).toHaveAttribute(
      'href',
      'https://doi.org/10.1186/s13287-017-0745-5',
    );
    expect(within(details).getByRole('note')).toHaveTextContent(/Every reference of this statement \(\[57\]\) has been retracted since the review/);
  });

  it('a statement resting also on a standing reference says which one, and the retraction notice is linked', () => {
    renderApp('?figure=fig2&select=edge:hpmsc~promotes~ovarian-function');
    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).getByRole('note')).toHaveTextContent('Reference [59] has been retracted since the review; the statement also rests on [56].');
    const items = within(details).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).not.toHaveTextContent(/Retracted/);
    expect(within(items[1]!).getByRole('link', { name: /14 September 2022.*retraction notice doi:10\.1186\/s13287-022-03173-8/ })).toHaveAttribute(
      'href',
      'https://doi.org/10.1186/s13287-022-03173-8',
    );
  });

  it('a statement with no retracted reference carries no warning', () => {
    renderApp('?figure=fig1&select=edge:mir-144-5p~inhibits~pten');
    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).getByRole('heading', { level: 3 })).toHaveTextContent('miR-144-5p inhibits PTEN');
    expect(within(details).queryByRole('note')).not.toBeInTheDocument();
    expect(details).not.toHaveTextContent(/retracted/i);
  });

  it('the text version marks the retracted numbers, and keeps the statements that cite them', async () => {
    const user = userEvent.setup();
    renderApp('?figure=fig2');
    await user.click(screen.getByText(/^Text version of this diagram/));
    const relations = await screen.findByRole('table', { name: /^Relations in/ });
    const row = (name: string) => within(relations).getByRole('button', { name }).closest('tr')!;
    expect(row('hPMSC down-regulates FSH')).toHaveTextContent(/57 \(retracted\)$/);
    expect(row('hPMSC promotes Ovarian function')).toHaveTextContent(/56, 59 \(retracted\)$/);
    expect(within(relations).getAllByText(/\(retracted\)/).length).toBe(11);
  });
});
