import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider, useOptionalToast, useToast, type ToastInput } from './Toasts';

let api: ReturnType<typeof useToast>;
function Grab() {
  api = useToast();
  return null;
}

function show(t: ToastInput) {
  act(() => {
    api.show(t);
  });
}

const region = () => screen.getByRole('region', { name: 'Notifications toasts' });

describe('Toasts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    render(
      <ToastProvider>
        <Grab />
      </ToastProvider>,
    );
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('announces politely, danger assertively', () => {
    expect(region()).toBeEmptyDOMElement();
    show({ tone: 'success', title: 'Instance train-b started', body: 'Ready in about a minute.' });
    show({ tone: 'danger', title: 'Could not stop eval-a' });
    expect(within(region()).getByRole('status')).toHaveTextContent('Instance train-b startedReady in about a minute.');
    expect(within(region()).getByRole('alert')).toHaveTextContent('Could not stop eval-a');
  });

  it('dismisses itself after 6 s by default, or after timeoutMs, or never with 0', () => {
    show({ title: 'Default' });
    show({ title: 'Quick', timeoutMs: 1000 });
    show({ title: 'Sticky', timeoutMs: 0 });
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.queryByText('Quick')).toBeNull();
    act(() => vi.advanceTimersByTime(4999));
    expect(screen.getByText('Default')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.queryByText('Default')).toBeNull();
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByText('Sticky')).toBeInTheDocument();
  });

  it('has a dismiss button per toast and keeps at most 4', () => {
    for (const n of [1, 2, 3, 4, 5]) show({ title: `Toast ${n}` });
    const items = within(region()).getAllByRole('status');
    expect(items).toHaveLength(4);
    expect(screen.queryByText('Toast 1')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Toast 3' }));
    expect(screen.queryByText('Toast 3')).toBeNull();
    expect(within(region()).getAllByRole('status')).toHaveLength(3);
  });

  it('pauses while hovered', () => {
    show({ title: 'Read me' });
    fireEvent.mouseEnter(screen.getByRole('status'));
    act(() => vi.advanceTimersByTime(10_000));
    expect(screen.getByText('Read me')).toBeInTheDocument();
    fireEvent.mouseLeave(screen.getByRole('status'));
    act(() => vi.advanceTimersByTime(6000));
    expect(screen.queryByText('Read me')).toBeNull();
  });
});

describe('toast hooks outside a provider', () => {
  it('useOptionalToast gives null and useToast throws', () => {
    let optional: unknown = 'unset';
    function Probe() {
      optional = useOptionalToast();
      return null;
    }
    render(<Probe />);
    expect(optional).toBeNull();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Grab />)).toThrow(/ToastProvider/);
  });
});
