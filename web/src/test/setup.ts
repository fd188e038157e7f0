import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { notifyManager } from '@tanstack/react-query';
import { afterEach, beforeEach, vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import { FakeWebSocket } from './fakeWebSocket';

// TanStack Query hands results to components on a setTimeout(0) by default;
// a microtask keeps a mocked answer as prompt as a plain awaited fetch was
// before the query layer (tests settle on aria-busy, not on timers).
notifyManager.setScheduler(queueMicrotask);

// No test may reach the network: by default every fetch rejects. Tests that
// need a server response stub fetch themselves (mockApi in ./mockApi.ts).
beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.reject(new TypeError('network disabled in unit tests'))),
  );
  // Nor open a socket: the live inbox gets a fake that tests drive by hand.
  FakeWebSocket.reset();
  vi.stubGlobal('WebSocket', FakeWebSocket);
});

afterEach(() => {
  cleanup();
  // The API client keeps the session's CSRF token in module state.
  setCsrfToken(null);
});
