import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { calls, jsonResponse, mockApi } from '../test/mockApi';
import { renderApp } from '../test/renderApp';

function topBarVersion() {
  const banner = screen.getByRole('banner');
  const el = screen.getByTestId('server-version');
  expect(banner).toContainElement(el);
  return el;
}

describe('server version in the top bar', () => {
  it('shows the version fetched from /api/v1/version', async () => {
    const fetchMock = mockApi({
      'GET /api/v1/version': {
        name: 'gpuaas-server',
        version: '0.1.0',
        commit: 'abc123',
        build_type: 'Release',
      },
    });

    await renderApp('/workloads');

    expect(calls(fetchMock).filter((c) => c === 'GET /api/v1/version')).toHaveLength(1);
    const version = topBarVersion();
    expect(version).toHaveTextContent('v0.1.0');
    expect(version).toHaveTextContent('abc123');
    expect(version).toHaveAttribute('title', 'gpuaas-server 0.1.0 (abc123, Release)');
    expect(screen.queryByText('version unavailable')).not.toBeInTheDocument();
  });

  it('shows "version unavailable" when fetch rejects', async () => {
    mockApi({
      'GET /api/v1/version': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await renderApp('/workloads');
    expect(topBarVersion()).toHaveTextContent('version unavailable');
  });

  it('shows "version unavailable" on an HTTP error', async () => {
    mockApi({ 'GET /api/v1/version': jsonResponse({ error: 'boom' }, 500) });
    await renderApp('/workloads');
    expect(topBarVersion()).toHaveTextContent('version unavailable');
  });

  it('shows "version unavailable" when the payload is not a version (e.g. index.html fallback)', async () => {
    mockApi({
      'GET /api/v1/version': new Response('<!doctype html><title>GPUaaS console</title>', {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
      }),
    });
    await renderApp('/workloads');
    expect(topBarVersion()).toHaveTextContent('version unavailable');
  });
});
