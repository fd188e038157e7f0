import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StateBadge, stateLabel, stateTone, type StateTone } from './StateBadge';

// Written out independently of the implementation so a mapping change fails here.
const TABLE: Record<StateTone, string[]> = {
  success: ['running', 'active', 'ready', 'succeeded', 'healthy', 'online', 'available', 'enabled', 'configured', 'valid'],
  info: ['pending', 'queued', 'provisioning', 'starting', 'creating', 'in_progress', 'enrolling', 'cancelling', 'stopping', 'updating', 'sent'],
  warning: ['degraded', 'draining', 'maintenance', 'cordoned', 'expiring', 'locked', 'paused', 'suspended', 'renewal_due', 'stale'],
  danger: ['failed', 'error', 'unhealthy', 'offline', 'revoked', 'expired', 'out_of_capacity', 'missing', 'unsafe'],
  neutral: ['released', 'cancelled', 'disabled', 'stopped', 'deleted', 'archived', 'unknown', 'something_new', ''],
};

describe('stateTone', () => {
  for (const [tone, states] of Object.entries(TABLE)) {
    it(`maps ${tone} states`, () => {
      expect(states.map((s) => [s, stateTone(s)])).toEqual(states.map((s) => [s, tone]));
    });
  }

  it('ignores case, spaces and dashes', () => {
    expect(stateTone('RUNNING')).toBe('success');
    expect(stateTone('In Progress')).toBe('info');
    expect(stateTone('out-of-capacity')).toBe('danger');
  });
});

describe('stateLabel', () => {
  it('turns snake_case into a sentence-case label', () => {
    expect(stateLabel('provisioning')).toBe('Provisioning');
    expect(stateLabel('out_of_capacity')).toBe('Out of capacity');
    expect(stateLabel('in-progress')).toBe('In progress');
    expect(stateLabel('')).toBe('Unknown');
  });
});

describe('StateBadge', () => {
  it('renders the human label with the tone class and a decorative dot', () => {
    const { container } = render(<StateBadge state="in_progress" />);
    const badge = screen.getByText('In progress');
    expect(badge).toHaveClass('ui-state-badge', 'ui-state-badge--info');
    expect(badge).toHaveAttribute('data-state', 'in_progress');
    expect(container.querySelector('.ui-state-badge__dot')).toHaveAttribute('aria-hidden', 'true');
  });

  it('keeps the tone of the state when the label is overridden', () => {
    render(<StateBadge state="failed" label="Failed twice" />);
    expect(screen.getByText('Failed twice')).toHaveClass('ui-state-badge--danger');
    expect(screen.queryByText('Failed')).not.toBeInTheDocument();
  });

  it('falls back to neutral for an unknown state', () => {
    render(<StateBadge state="hibernating" />);
    expect(screen.getByText('Hibernating')).toHaveClass('ui-state-badge--neutral');
  });
});
