import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { currentPath, renderApp } from './test/renderApp';

// Spelled out here on purpose (not imported from routes.ts) so that a change
// to the route table's order, labels or paths makes these tests fail.
const EXPECTED_GROUPS = [
  ['Workloads', '/workloads'],
  ['Compute', '/compute'],
  ['Apps', '/apps'],
  ['Storage', '/storage'],
  ['Access', '/access'],
  ['Account', '/account'],
  ['Platform', '/platform'],
] as const;

function rail() {
  return screen.getByRole('navigation', { name: 'Product groups' });
}

describe('left rail', () => {
  it('renders the seven product groups in order with correct hrefs', async () => {
    await renderApp('/workloads');
    const links = within(rail()).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(EXPECTED_GROUPS.map(([label]) => label));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(
      EXPECTED_GROUPS.map(([, path]) => path),
    );
  });

  it('redirects / to /workloads', async () => {
    await renderApp('/');
    expect(currentPath()).toBe('/workloads');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Workloads');
    expect(within(rail()).getByRole('link', { name: 'Workloads' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('highlights Storage and shows its heading at /storage', async () => {
    await renderApp('/storage');
    const storage = within(rail()).getByRole('link', { name: 'Storage' });
    expect(storage).toHaveAttribute('aria-current', 'page');
    for (const [label] of EXPECTED_GROUPS.filter(([l]) => l !== 'Storage')) {
      expect(within(rail()).getByRole('link', { name: label })).not.toHaveAttribute(
        'aria-current',
      );
    }
    expect(screen.getByRole('heading', { level: 1, name: 'Storage' })).toBeInTheDocument();
    expect(screen.getByText(/shared buckets that workloads and apps/i)).toBeInTheDocument();
  });

  it('moves the highlight and the page when a rail entry is clicked', async () => {
    const user = userEvent.setup();
    await renderApp('/workloads');
    await user.click(within(rail()).getByRole('link', { name: 'Compute' }));
    expect(currentPath()).toBe('/compute');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Compute');
    expect(within(rail()).getByRole('link', { name: 'Compute' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(rail()).getByRole('link', { name: 'Workloads' })).not.toHaveAttribute(
      'aria-current',
    );
  });
});

describe('group pages', () => {
  it.each(EXPECTED_GROUPS)(
    '%s shows its heading and an honest pending state',
    async (label, path) => {
      await renderApp(path);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(label);
      expect(screen.getByText('Pending')).toBeInTheDocument();
      expect(
        screen.getByRole('heading', { name: `${label} is not available in this build yet` }),
      ).toBeInTheDocument();
      // No fake data: pages must not render tables of sample rows.
      expect(screen.queryByRole('table')).not.toBeInTheDocument();
    },
  );

  it('Apps names the catalog apps', async () => {
    await renderApp('/apps');
    for (const app of ['JupyterLab', 'vLLM', 'Slurm', 'RKE2', 'Axolotl']) {
      expect(screen.getByText(app)).toBeInTheDocument();
    }
  });
});

describe('unknown routes', () => {
  it('shows "Page not found" inside the shell with a link back to Workloads', async () => {
    const user = userEvent.setup();
    await renderApp('/definitely/not/a/page');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
    // Still inside the shell.
    expect(rail()).toBeInTheDocument();
    expect(within(rail()).queryByRole('link', { current: 'page' })).not.toBeInTheDocument();
    const back = screen.getByRole('link', { name: 'Back to Workloads' });
    expect(back).toHaveAttribute('href', '/workloads');
    await user.click(back);
    expect(currentPath()).toBe('/workloads');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Workloads');
  });
});

describe('top bar', () => {
  it('shows the product name', async () => {
    await renderApp('/workloads');
    expect(screen.getByRole('banner')).toHaveTextContent('GPUaaS');
  });

  it('has a notifications entry outside the rail that opens /notifications', async () => {
    const user = userEvent.setup();
    await renderApp('/workloads');
    const bell = within(screen.getByRole('banner')).getByRole('link', { name: 'Notifications' });
    expect(bell).toHaveAttribute('href', '/notifications');
    expect(within(rail()).queryByRole('link', { name: 'Notifications' })).not.toBeInTheDocument();
    await user.click(bell);
    expect(currentPath()).toBe('/notifications');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Notifications');
    expect(within(rail()).queryByRole('link', { current: 'page' })).not.toBeInTheDocument();
  });
});
