import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Timeline } from './Timeline';

describe('Timeline', () => {
  it('renders an ordered list with machine-readable times, in the order given', () => {
    render(
      <Timeline
        label="Lifecycle"
        items={[
          { id: '1', at: '2026-11-23T10:00:00Z', title: 'Requested', tone: 'info' },
          { id: '2', at: '2026-11-23T10:04:30Z', title: 'Provisioned', detail: 'On node gpu-7', tone: 'success' },
          { id: '3', at: '2026-11-23T11:00:00Z', title: 'Health check failed', tone: 'danger' },
        ]}
      />,
    );
    const list = screen.getByRole('list', { name: 'Lifecycle' });
    expect(list.tagName).toBe('OL');
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.ui-timeline__title')?.textContent)).toEqual([
      'Requested',
      'Provisioned',
      'Health check failed',
    ]);
    const time = rows[1]!.querySelector('time');
    expect(time).toHaveAttribute('dateTime', '2026-11-23T10:04:30Z');
    expect(time).toHaveTextContent('2026-11-23 10:04 UTC');
    expect(rows[1]).toHaveTextContent('On node gpu-7');
    expect(rows[2]).toHaveClass('ui-timeline__item--danger');
  });

  it('defaults the tone to neutral and shows the empty text when there are no items', () => {
    const { rerender } = render(<Timeline items={[{ id: 'x', at: '2026-01-01T00:00:00Z', title: 'Created' }]} />);
    expect(screen.getByRole('listitem')).toHaveClass('ui-timeline__item--neutral');
    rerender(<Timeline items={[]} emptyText="No lifecycle events yet." />);
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.getByText('No lifecycle events yet.')).toBeInTheDocument();
  });
});
