import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { ErrorState } from './ErrorState';

const notFound = new ApiError({
  code: 'not_found',
  message: 'The instance does not exist.',
  status: 404,
  correlationId: 'req_7f3a',
});

describe('ErrorState', () => {
  it('shows the code, the message and the reference, and retries', async () => {
    const onRetry = vi.fn();
    render(<ErrorState error={notFound} onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load this');
    expect(screen.getByText('The instance does not exist.')).toBeInTheDocument();
    expect(screen.getByText('not_found').tagName).toBe('CODE');
    expect(alert).toHaveTextContent('Reference: req_7f3a');
    expect(screen.getByText('req_7f3a').tagName).toBe('CODE');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('offers no retry for permission_denied', () => {
    const denied = new ApiError({ code: 'permission_denied', message: 'Not allowed.', status: 403 });
    render(<ErrorState error={denied} onRetry={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Your role does not allow this view');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.queryByText(/Reference/)).toBeNull();
  });

  it('says how long to wait when rate limited', () => {
    const limited = new ApiError({ code: 'rate_limited', message: 'Slow down.', status: 429, retryAfter: 30 });
    render(<ErrorState error={limited} />);
    expect(screen.getByRole('alert')).toHaveTextContent('wait 30 seconds before trying again');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
