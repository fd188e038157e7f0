import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { ActionBand, type ActionBandItem } from './ActionBand';

const items: ActionBandItem[] = [
  {
    id: 'a',
    title: 'Token ci-bot expires in 2 days',
    reason: 'CI pipelines will stop authenticating.',
    severity: 'warning',
    action: { label: 'Renew', to: '/tokens/tok_1' },
  },
  {
    id: 'b',
    title: 'Instance gpu-7 failed',
    reason: 'The node reported an ECC error.',
    severity: 'danger',
    action: { label: 'Retry', onClick: vi.fn() },
  },
  {
    id: 'c',
    title: 'New image available',
    reason: 'vLLM 0.9 is ready to roll out.',
    severity: 'info',
    action: { label: 'Review', to: '/apps/vllm' },
  },
];

describe('ActionBand', () => {
  it('lists items most severe first, each with its link or button', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const withHandler = items.map((i) => (i.id === 'b' ? { ...i, action: { label: 'Retry', onClick: onRetry } } : i));
    render(
      <MemoryRouter>
        <ActionBand items={withHandler} />
      </MemoryRouter>,
    );
    const band = screen.getByRole('region', { name: 'Needs action' });
    expect(within(band).getByRole('heading', { level: 2 })).toHaveTextContent('Needs action (3)');
    const rows = within(band).getAllByRole('listitem');
    expect(rows.map((r) => r.dataset.severity)).toEqual(['danger', 'warning', 'info']);
    expect(rows[0]).toHaveTextContent('Urgent: Instance gpu-7 failed');
    expect(rows[0]).toHaveTextContent('The node reported an ECC error.');

    const renew = within(band).getByRole('link', { name: 'Renew: Token ci-bot expires in 2 days' });
    expect(renew).toHaveAttribute('href', '/tokens/tok_1');
    await user.click(within(band).getByRole('button', { name: 'Retry: Instance gpu-7 failed' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('says plainly when nothing needs action', () => {
    render(
      <MemoryRouter>
        <ActionBand title="Tokens needing action" items={[]} emptyText="No tokens need your action." />
      </MemoryRouter>,
    );
    const band = screen.getByRole('region', { name: 'Tokens needing action' });
    expect(band).toHaveTextContent('No tokens need your action.');
    expect(within(band).queryByRole('list')).not.toBeInTheDocument();
  });

  it('can title itself with an h3', () => {
    render(
      <MemoryRouter>
        <ActionBand items={[]} headingLevel={3} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Needs action' })).toBeInTheDocument();
  });

  it('has a default empty message', () => {
    render(
      <MemoryRouter>
        <ActionBand items={[]} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('region', { name: 'Needs action' })).toHaveTextContent('Nothing needs your action');
  });
});
