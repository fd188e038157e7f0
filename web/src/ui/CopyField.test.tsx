import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COPIED_MS, CopyField } from './CopyField';

const COMMAND = 'ssh -p 2222 alice@gpu-7.example.net';

// jsdom has no navigator.clipboard; tests install one on the instance and remove it.
function setClipboard(clipboard: unknown) {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
  vi.useRealTimers();
});

// fireEvent rather than userEvent: userEvent.setup() installs its own clipboard stub.
async function clickCopy() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Copy SSH command' }));
  });
}

describe('CopyField', () => {
  it('shows the value read-only under its label', () => {
    render(<CopyField label="SSH command" value={COMMAND} />);
    const input = screen.getByLabelText('SSH command');
    expect(input).toHaveValue(COMMAND);
    expect(input).toHaveAttribute('readonly');
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('writes to the clipboard and says "Copied" for about two seconds', async () => {
    vi.useFakeTimers();
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard({ writeText });
    render(<CopyField label="SSH command" value={COMMAND} />);
    await clickCopy();
    expect(writeText).toHaveBeenCalledWith(COMMAND);
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent('Copied');
    act(() => vi.advanceTimersByTime(COPIED_MS - 100));
    expect(status).toHaveTextContent('Copied');
    act(() => vi.advanceTimersByTime(200));
    expect(status).toHaveTextContent('');
  });

  it('selects the text and asks for Ctrl+C when the clipboard API is missing', async () => {
    render(<CopyField label="SSH command" value={COMMAND} />);
    await clickCopy();
    const input = screen.getByLabelText<HTMLInputElement>('SSH command');
    expect(screen.getByRole('status')).toHaveTextContent('Press Ctrl+C to copy');
    expect(input).toHaveFocus();
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, COMMAND.length]);
  });

  it('falls back the same way when the clipboard refuses', async () => {
    const writeText = vi.fn(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    setClipboard({ writeText });
    render(<CopyField label="SSH command" value={COMMAND} hideLabel />);
    await clickCopy();
    expect(writeText).toHaveBeenCalledOnce();
    expect(screen.getByRole('status')).toHaveTextContent('Press Ctrl+C to copy');
    expect(screen.getByLabelText('SSH command')).toHaveFocus();
    expect(screen.getByText('SSH command')).toHaveClass('visually-hidden');
  });
});
