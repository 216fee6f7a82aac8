import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ViewBoundary } from '../../src/app/view-boundary.tsx';

let broken = true;
function Fragile() {
  if (broken) throw new TypeError("Cannot read properties of null (reading 'notify')");
  return <p>The atlas drawing</p>;
}

function Harness({ onHome }: { onHome: () => void }) {
  const [view, setView] = useState('atlas');
  return (
    <>
      <button type="button" onClick={() => setView('fig1')}>
        Another view
      </button>
      <p>Header still here</p>
      <ViewBoundary name="The atlas" resetKey={view} onHome={onHome}>
        <Fragile />
      </ViewBoundary>
    </>
  );
}

describe('a view that fails', () => {
  beforeEach(() => {
    broken = true;
    // React reports caught errors on the console; the boundary's own note goes to warn.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('says so in place of that view only, and offers a way back', async () => {
    const onHome = vi.fn();
    render(<Harness onHome={onHome} />);
    const alert = screen.getByRole('alert', { name: 'The atlas failed' });
    expect(alert).toHaveTextContent("The atlas could not be shown");
    expect(alert).toHaveTextContent("reading 'notify'");
    expect(screen.getByText('Header still here')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Open the first figure' }));
    expect(onHome).toHaveBeenCalledOnce();
    // Still broken: trying again fails again, and says so again.
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('The atlas drawing')).toBeInTheDocument();
  });

  it('clears when the user goes to another view', async () => {
    render(<Harness onHome={() => {}} />);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Another view' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
