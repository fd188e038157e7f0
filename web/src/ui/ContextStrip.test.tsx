import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ContextStrip } from './ContextStrip';

describe('ContextStrip', () => {
  it('renders each fact as a term/definition pair in a labelled list', () => {
    render(
      <ContextStrip
        label="Instance facts"
        items={[
          { label: 'GPU', value: '8 × H100' },
          { label: 'Region', value: 'eu-west-2' },
          { label: 'Lease', value: '12 days', hint: 'renews automatically' },
        ]}
      />,
    );
    const list = screen.getByLabelText('Instance facts');
    expect(list.tagName).toBe('DL');
    const terms = within(list).getAllByRole('term');
    const defs = within(list).getAllByRole('definition');
    expect(terms.map((t) => t.textContent)).toEqual(['GPU', 'Region', 'Lease']);
    expect(defs.map((d) => d.textContent)).toEqual(['8 × H100', 'eu-west-2', '12 daysrenews automatically']);
    expect(within(defs[2]!).getByText('renews automatically')).toHaveClass('ui-context-strip__hint');
  });

  it('has a default accessible name', () => {
    render(<ContextStrip items={[{ label: 'Owner', value: 'alice' }]} />);
    expect(screen.getByLabelText('Key facts')).toHaveClass('ui-context-strip');
  });
});
