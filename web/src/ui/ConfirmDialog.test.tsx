import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { ConfirmDialog } from './ConfirmDialog';

function Harness(props: { onConfirm?: () => void; error?: ApiError | null; busy?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Delete instance…
      </button>
      {open && (
        <ConfirmDialog
          title="Delete instance train-b?"
          body={<p>The disk is erased. This cannot be undone.</p>}
          confirmLabel="Delete instance"
          danger
          typedConfirmation="train-b"
          busy={props.busy}
          error={props.error}
          onConfirm={props.onConfirm ?? (() => setOpen(false))}
          onCancel={() => setOpen(false)}
        />
      )}
    </>
  );
}

describe('ConfirmDialog', () => {
  it('is a labelled modal that enables confirm only on the exact text', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(<Harness onConfirm={onConfirm} />);
    await user.click(screen.getByRole('button', { name: 'Delete instance…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete instance train-b?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription('The disk is erased. This cannot be undone.');
    const input = screen.getByRole('textbox', { name: 'Type train-b to confirm' });
    expect(input).toHaveFocus();
    const confirm = screen.getByRole('button', { name: 'Delete instance' });
    expect(confirm).toBeDisabled();
    await user.type(input, 'train-B');
    expect(confirm).toBeDisabled();
    await user.clear(input);
    await user.type(input, 'train-b{Enter}');
    expect(confirm).toBeEnabled();
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('traps Tab, cancels on Escape and returns focus to the opener', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Delete instance…' });
    await user.click(opener);
    const input = screen.getByRole('textbox');
    await user.type(input, 'train-b');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Delete instance' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    expect(input).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('shows the server refusal and blocks everything while busy', async () => {
    const user = userEvent.setup();
    const error = new ApiError({ code: 'conflict', message: 'The instance is busy.', status: 409, correlationId: 'r-9' });
    const { rerender } = render(<Harness error={error} />);
    await user.click(screen.getByRole('button', { name: 'Delete instance…' }));
    expect(screen.getByRole('alert')).toHaveTextContent('conflict The instance is busy.');
    expect(screen.getByRole('alert')).toHaveTextContent('Reference: r-9');
    rerender(<Harness error={error} busy />);
    expect(screen.getByRole('button', { name: 'Working…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
