import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

// No test may reach the network: by default every fetch rejects. Tests that
// need a server response stub fetch themselves (see VersionBadge.test.tsx).
beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.reject(new TypeError('network disabled in unit tests'))),
  );
});

afterEach(() => {
  cleanup();
});
