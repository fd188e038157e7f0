import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LoadingState } from './LoadingState';
import { Skeleton, SkeletonTable } from './Skeleton';

describe('Skeleton', () => {
  it('reserves one bar per line and says what is loading', () => {
    const { container } = render(<Skeleton lines={4} label="instance details" />);
    const busy = container.querySelector('[aria-busy="true"]');
    expect(busy).not.toBeNull();
    expect(busy?.querySelectorAll('.ui-skeleton__line')).toHaveLength(4);
    expect(screen.getByText('Loading instance details')).toHaveClass('visually-hidden');
  });

  it('draws a table of the requested shape, hidden from assistive tech', () => {
    const { container } = render(<SkeletonTable rows={3} columns={5} label="instances" />);
    expect(container.querySelector('[aria-busy="true"]')).toHaveTextContent('Loading instances');
    const table = container.querySelector('table');
    expect(table).toHaveAttribute('aria-hidden', 'true');
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(table?.querySelectorAll('tbody tr:first-child td')).toHaveLength(5);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('LoadingState is a busy status line', () => {
    render(<LoadingState label="Loading SSH keys…" />);
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-busy', 'true');
    expect(status).toHaveTextContent('Loading SSH keys…');
  });
});
