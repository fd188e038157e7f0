import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { ResourceHeader } from './ResourceHeader';

function renderAt(ui: ReactNode) {
  return render(
    <MemoryRouter initialEntries={['/operations/op_1']}>
      <Routes>
        <Route path="/operations/:id" element={ui} />
        <Route path="/operations" element={<p>Operations list</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('ResourceHeader', () => {
  it('renders name as h1, kind, state, subtitle and both action slots', () => {
    renderAt(
      <ResourceHeader
        name="Renew token ci-bot"
        kind="Operation"
        state="in_progress"
        subtitle="Started by alice@example.com"
        mark={<span data-testid="mark">M</span>}
        primaryAction={<button type="button">Cancel operation</button>}
        secondaryActions={<button type="button">Copy ID</button>}
        back={{ to: '/operations', label: 'Operations' }}
      />,
    );
    expect(screen.getByText('Operation').closest('header')).toHaveClass('ui-resource-header');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Renew token ci-bot');
    expect(screen.getByText('Operation')).toHaveClass('ui-resource-header__kind');
    expect(screen.getByText('In progress')).toHaveClass('ui-state-badge--info');
    expect(screen.getByText('Started by alice@example.com')).toBeInTheDocument();
    expect(screen.getByTestId('mark')).toBeInTheDocument();
    expect(within(screen.getByTestId('primary-action')).getByRole('button')).toHaveTextContent('Cancel operation');
    expect(screen.getByRole('button', { name: 'Copy ID' })).toBeInTheDocument();
  });

  it('has an explicit back link that navigates to its route, not browser history', async () => {
    const user = userEvent.setup();
    renderAt(<ResourceHeader name="op_1" kind="Operation" back={{ to: '/operations', label: 'Operations' }} />);
    const back = screen.getByTestId('back-link');
    expect(back).toHaveAccessibleName('Back to Operations');
    expect(back).toHaveTextContent('← Operations');
    expect(back).toHaveAttribute('href', '/operations');
    await user.click(back);
    expect(screen.getByText('Operations list')).toBeInTheDocument();
  });

  it('omits the state badge and action slots when not given', () => {
    renderAt(<ResourceHeader name="op_1" kind="Operation" back={{ to: '/operations', label: 'Operations' }} />);
    expect(screen.queryByTestId('primary-action')).not.toBeInTheDocument();
    expect(document.querySelector('.ui-state-badge')).toBeNull();
  });

  it('can use a lower heading level when embedded', () => {
    renderAt(
      <ResourceHeader name="op_1" kind="Operation" headingLevel={3} back={{ to: '/operations', label: 'Operations' }} />,
    );
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('op_1');
  });
});
