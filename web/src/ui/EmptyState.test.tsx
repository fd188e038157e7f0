import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EmptyState } from './EmptyState';

describe('EmptyState', () => {
  it('says what is missing, why, and offers the next step', () => {
    render(
      <EmptyState title="No API tokens yet" action={<button type="button">Create token</button>}>
        Tokens let scripts call the API as you.
      </EmptyState>,
    );
    expect(screen.getByText('No API tokens yet')).toBeInTheDocument();
    expect(screen.getByText('Tokens let scripts call the API as you.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create token' })).toBeInTheDocument();
  });

  it('renders no action area when there is no next step', () => {
    const { container } = render(<EmptyState title="No sessions" />);
    expect(container.querySelector('.ui-state__action')).toBeNull();
    expect(container.querySelector('[aria-busy]')).toBeNull();
  });
});
