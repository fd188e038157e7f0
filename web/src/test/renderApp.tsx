import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { expect } from 'vitest';
import { App } from '../App';

function LocationProbe() {
  const { pathname } = useLocation();
  return <output data-testid="location">{pathname}</output>;
}

/**
 * Render the whole console at `path` and wait until the version request has
 * settled, so no state update lands outside the test.
 */
export async function renderApp(path = '/') {
  const utils = render(
    <MemoryRouter initialEntries={[path]}>
      <App />
      <LocationProbe />
    </MemoryRouter>,
  );
  await waitFor(() =>
    expect(screen.getByTestId('server-version')).not.toHaveAttribute('aria-busy'),
  );
  return utils;
}

export function currentPath() {
  return screen.getByTestId('location').textContent;
}
