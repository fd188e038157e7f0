import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KeyValue } from './KeyValue';

describe('KeyValue', () => {
  it('renders rows in order and marks missing values as not set', () => {
    render(
      <KeyValue
        label="Token details"
        items={[
          { label: 'Name', value: 'ci-bot' },
          { label: 'Scopes', value: <code>read:instances</code> },
          { label: 'Expires', value: null },
          { label: 'Note', value: undefined },
          { label: 'Uses', value: 0 },
        ]}
      />,
    );
    const list = screen.getByLabelText('Token details');
    expect(list.tagName).toBe('DL');
    expect(within(list).getAllByRole('term').map((t) => t.textContent)).toEqual([
      'Name',
      'Scopes',
      'Expires',
      'Note',
      'Uses',
    ]);
    const defs = within(list).getAllByRole('definition');
    expect(defs[0]).toHaveTextContent('ci-bot');
    expect(within(defs[1]!).getByText('read:instances').tagName).toBe('CODE');
    for (const missing of [defs[2]!, defs[3]!]) {
      expect(within(missing).getByText('—')).toHaveAttribute('aria-hidden', 'true');
      expect(within(missing).getByText('not set')).toHaveClass('visually-hidden');
    }
    // 0 is a real value, not "missing".
    expect(defs[4]).toHaveTextContent(/^0$/);
  });
});
