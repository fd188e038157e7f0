import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/renderApp';

function jsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function topBarVersion() {
  const banner = screen.getByRole('banner');
  const el = screen.getByTestId('server-version');
  expect(banner).toContainElement(el);
  return el;
}

describe('server version in the top bar', () => {
  it('shows the version fetched from /api/v1/version', async () => {
    const fetchMock = vi.fn().mockResolvedValue(
      jsonResponse({
        name: 'gpuaas-server',
        version: '0.1.0',
        commit: 'abc123',
        build_type: 'Release',
      }),
    );
    vi.stubGlobal('fetch', fetchMock);

    await renderApp('/workloads');

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/version');
    const version = topBarVersion();
    expect(version).toHaveTextContent('v0.1.0');
    expect(version).toHaveTextContent('abc123');
    expect(version).toHaveAttribute('title', 'gpuaas-server 0.1.0 (abc123, Release)');
    expect(screen.queryByText('version unavailable')).not.toBeInTheDocument();
  });

  it('shows "version unavailable" when fetch rejects', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await renderApp('/workloads');
    expect(topBarVersion()).toHaveTextContent('version unavailable');
  });

  it('shows "version unavailable" on an HTTP error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse({ error: 'boom' }, 500)));
    await renderApp('/workloads');
    expect(topBarVersion()).toHaveTextContent('version unavailable');
  });

  it('shows "version unavailable" when the payload is not a version (e.g. index.html fallback)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response('<!doctype html><title>GPUaaS console</title>', {
          status: 200,
          headers: { 'Content-Type': 'text/html' },
        }),
      ),
    );
    await renderApp('/workloads');
    expect(topBarVersion()).toHaveTextContent('version unavailable');
  });
});
