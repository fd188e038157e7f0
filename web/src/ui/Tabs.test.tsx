import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { Tabs } from './Tabs';

function Search() {
  return <output data-testid="search">{useLocation().search}</output>;
}

const tabs = [
  { id: 'overview', label: 'Overview', content: <p>Overview body</p> },
  { id: 'metrics', label: 'Metrics', content: () => <p>Metrics body</p> },
  { id: 'logs', label: 'Logs', content: <p>Logs body</p> },
];

function renderTabs(url = '/instances/i-1') {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <Tabs label="Instance sections" param="section" tabs={tabs} />
      <Search />
    </MemoryRouter>,
  );
}

const search = () => screen.getByTestId('search').textContent;

describe('Tabs', () => {
  it('defaults to the first tab and wires tabs to panels', () => {
    renderTabs();
    expect(screen.getByRole('tablist', { name: 'Instance sections' })).toBeInTheDocument();
    const first = screen.getByRole('tab', { name: 'Overview' });
    expect(first).toHaveAttribute('aria-selected', 'true');
    expect(first).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('tab', { name: 'Metrics' })).toHaveAttribute('tabindex', '-1');
    const panel = screen.getByRole('tabpanel', { name: 'Overview' });
    expect(first).toHaveAttribute('aria-controls', panel.id);
    expect(panel).toHaveTextContent('Overview body');
    expect(screen.queryByText('Metrics body')).toBeNull();
  });

  it('reads the tab from the URL and falls back to the first on an unknown value', () => {
    const { unmount } = renderTabs('/x?section=logs');
    expect(screen.getByRole('tab', { name: 'Logs' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Logs body');
    unmount();
    renderTabs('/x?section=nope');
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  });

  it('writes the clicked tab to the URL and keeps other parameters', async () => {
    const user = userEvent.setup();
    renderTabs('/x?project=p1');
    await user.click(screen.getByRole('tab', { name: 'Metrics' }));
    expect(search()).toBe('?project=p1&section=metrics');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Metrics body');
  });

  it('moves and activates with arrow keys, Home and End (wrapping)', async () => {
    const user = userEvent.setup();
    renderTabs();
    await user.tab();
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Metrics' })).toHaveFocus();
    expect(search()).toBe('?section=metrics');
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Logs' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Logs' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(search()).toBe('?section=overview');
    // Tab leaves the tab list for the panel (roving tabindex: one stop).
    await user.tab();
    expect(screen.getByRole('tabpanel')).toHaveFocus();
  });
});
