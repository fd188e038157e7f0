import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Drawer } from './Drawer';

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open token
      </button>
      {open && (
        <Drawer title="Token ci-deploy" onClose={() => setOpen(false)}>
          <a href="/tokens/t1">Open token page</a>
          <button type="button">Revoke token…</button>
        </Drawer>
      )}
    </>
  );
}

describe('Drawer', () => {
  it('takes focus, traps Tab inside, closes on Escape and gives focus back', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Open token' });
    await user.click(opener);
    const drawer = screen.getByRole('dialog', { name: 'Token ci-deploy' });
    expect(drawer).toHaveAttribute('aria-modal', 'true');
    expect(drawer).toHaveFocus();

    await user.tab();
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('link', { name: 'Open token page' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Revoke token…' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Revoke token…' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('closes from the close button and the backdrop, not from a click inside', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Open token' }));
    await user.click(screen.getByRole('dialog'));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Open token' }));
    await user.click(document.querySelector('.ui-drawer-backdrop')!);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
