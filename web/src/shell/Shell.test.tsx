import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, testSession } from '../test/mockApi';
import { currentPath, currentSearch, renderApp, settle, waitForPath } from '../test/renderApp';

const PROJECTS = [
  { id: 'prj_a', tenant_id: 'ten_1', tenant_name: 'Acme', name: 'vision', role: 'admin', created_at: '2026-11-01T09:00:00Z' },
  { id: 'prj_b', tenant_id: 'ten_1', tenant_name: 'Acme', name: 'speech', role: 'member', created_at: '2026-11-02T09:00:00Z' },
];
const TENANTS = [{ id: 'ten_1', name: 'Acme', personal: false, role: 'owner', created_at: '2026-11-01T08:00:00Z' }];

function withProjects() {
  mockApi({
    'GET /api/v1/tenants': { items: TENANTS },
    'GET /api/v1/projects': { items: PROJECTS },
    'GET /api/v1/projects/prj_a/quota': { project_id: 'prj_a', resources: [] },
    'GET /api/v1/projects/prj_b/quota': { project_id: 'prj_b', resources: [] },
    'GET /api/v1/projects/prj_a/operations': { target: { type: 'project', id: 'prj_a', name: 'vision', link: '/access?project=prj_a' }, operations: [] },
    'GET /api/v1/projects/prj_b/operations': { target: { type: 'project', id: 'prj_b', name: 'speech', link: '/access?project=prj_b' }, operations: [] },
    'GET /api/v1/activity': { items: [], next_cursor: null },
    'GET /api/v1/tenants/ten_1/operations': { target: { type: 'tenant', id: 'ten_1', name: 'Acme', link: '/access?tenant=ten_1' }, operations: [] },
  });
}

function banner() {
  return screen.getByRole('banner');
}

describe('project switcher', () => {
  it('names the current project and switches to another, keeping the page', async () => {
    window.localStorage.clear();
    withProjects();
    const user = userEvent.setup();
    await renderApp('/storage');
    const button = within(banner()).getByTestId('project-switcher');
    await waitFor(() => expect(button).toHaveTextContent('Acme / vision'));
    await user.click(button);
    const list = screen.getByRole('list', { name: 'Your projects' });
    expect(within(list).getByRole('button', { name: /Acme \/ vision/ })).toHaveAttribute('aria-current', 'true');
    await user.click(within(list).getByRole('button', { name: /Acme \/ speech/ }));
    expect(currentPath()).toBe('/storage');
    expect(currentSearch()).toBe('?project=prj_b');
    expect(button).toHaveTextContent('Acme / speech');
    expect(screen.queryByRole('list', { name: 'Your projects' })).not.toBeInTheDocument();
    expect(window.localStorage.getItem('gpuaas.project')).toBe('prj_b');
  });

  it('says so honestly when the user has no project', async () => {
    mockApi({ 'GET /api/v1/tenants': { items: [] }, 'GET /api/v1/projects': { items: [] } });
    const user = userEvent.setup();
    await renderApp('/workloads');
    const button = within(banner()).getByTestId('project-switcher');
    await waitFor(() => expect(button).toHaveTextContent('No project yet'));
    await user.click(button);
    expect(screen.getByText(/not in any project yet/)).toBeInTheDocument();
  });

  it('closes on Escape and returns focus to the switcher', async () => {
    withProjects();
    const user = userEvent.setup();
    await renderApp('/workloads');
    const button = within(banner()).getByTestId('project-switcher');
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
  });
});

describe('help menu', () => {
  it('leads to the API reference, downloads and guides outside the rail', async () => {
    mockApi({ 'GET /api/v1/tenants': { items: [] }, 'GET /api/v1/projects': { items: [] } });
    const user = userEvent.setup();
    await renderApp('/workloads');
    await user.click(within(banner()).getByRole('button', { name: 'Help' }));
    const menu = screen.getByRole('list', { name: 'Help' });
    expect(within(menu).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      '/developer',
      '/developer/downloads',
      '/developer/docs',
      '/api/openapi.json',
    ]);
    await user.click(within(menu).getByRole('link', { name: 'Downloads' }));
    await waitForPath('/developer/downloads');
    await settle();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Developer resources');
    expect(screen.getByRole('navigation', { name: 'Developer resources sections' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Build command' })).toHaveValue('make build');
  });

  it('renders the API reference from the served OpenAPI document', async () => {
    mockApi({
      'GET /api/v1/tenants': { items: [] },
      'GET /api/v1/projects': { items: [] },
      'GET /api/openapi.json': {
        info: { title: 'GPUaaS API', version: 'v1' },
        paths: {
          '/api/v1/operations': {
            get: { summary: 'List operations', tags: ['Operations'] },
            post: { summary: 'Start an operation', tags: ['Operations'] },
          },
          '/api/v1/users/me': { get: { summary: 'Who am I', tags: ['Users'] } },
        },
      },
    });
    const user = userEvent.setup();
    await renderApp('/developer');
    expect(screen.getByText(/3 endpoints/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Operations endpoints' })).toHaveTextContent('Start an operation');
    await user.type(screen.getByRole('searchbox', { name: 'Filter endpoints' }), 'who');
    expect(screen.queryByRole('region', { name: 'Operations endpoints' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Users endpoints' })).toBeInTheDocument();
  });
});

describe('overview pages', () => {
  it('project overview shows the switched project with a stable back target', async () => {
    withProjects();
    const user = userEvent.setup();
    await renderApp('/project/overview?project=prj_b');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('speech');
    expect(screen.getByText('Nothing in this project needs your action.', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('Spend is not metered yet.')).toBeInTheDocument();
    // Route changes run in a transition: the path commits once the Access chunk has loaded.
    await user.click(screen.getByTestId('back-link'));
    await waitForPath('/access');
  });

  it('tenant overview lists its projects, each linking to its project overview', async () => {
    withProjects();
    await renderApp('/tenant/overview');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Acme');
    const table = screen.getByRole('table', { name: 'Projects of Acme' });
    expect(within(table).getByRole('link', { name: 'speech' })).toHaveAttribute(
      'href',
      '/project/overview?project=prj_b',
    );
  });
});

describe('platform for non-admins', () => {
  it('keeps Platform out of the rail for a regular user', async () => {
    mockApi({ 'GET /api/v1/auth/session': testSession({ platform_admin: false }) });
    await renderApp('/workloads');
    expect(within(screen.getByRole('navigation', { name: 'Product groups' })).queryByRole('link', { name: 'Platform' })).toBeNull();
  });
});
