import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Workbench } from './Workbench';

describe('Workbench', () => {
  it('places band, filters, table and aside in their slots', () => {
    const { container } = render(
      <Workbench
        actionBand={<p>Band</p>}
        filters={<label>State <select><option>All</option></select></label>}
        aside={<p>Row details</p>}
        asideLabel="Selected instance"
      >
        <table aria-label="Instances" />
      </Workbench>,
    );
    const root = container.firstElementChild!;
    expect(root).toHaveClass('ui-workbench', 'ui-workbench--with-aside');
    expect(screen.getByText('Band').parentElement).toHaveClass('ui-workbench__band');
    expect(screen.getByRole('group', { name: 'Filters' })).toContainElement(screen.getByLabelText('State'));
    expect(screen.getByRole('table', { name: 'Instances' }).parentElement).toHaveClass('ui-workbench__main');
    expect(screen.getByRole('complementary', { name: 'Selected instance' })).toHaveTextContent('Row details');
  });

  it('renders only the table when no other slot is given', () => {
    const { container } = render(
      <Workbench>
        <table aria-label="Instances" />
      </Workbench>,
    );
    expect(container.firstElementChild).not.toHaveClass('ui-workbench--with-aside');
    expect(screen.queryByRole('group', { name: 'Filters' })).not.toBeInTheDocument();
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    expect(container.querySelector('.ui-workbench__band')).toBeNull();
  });
});
