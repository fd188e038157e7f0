import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { expect } from 'vitest';
import { App } from '../App';

function LocationProbe() {
  const { pathname, search } = useLocation();
  return (
    <output data-testid="location" data-search={search}>
      {pathname}
    </output>
  );
}

/** Wait until nothing on the page is loading (every loading state sets aria-busy). */
export async function settle() {
  await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull());
}

/**
 * Render the whole console at `path` (stub fetch first, e.g. with mockApi)
 * and wait until the session check and the first loads have settled.
 */
export async function renderApp(path = '/') {
  const utils = render(
    <MemoryRouter initialEntries={[path]}>
      <App />
      <LocationProbe />
    </MemoryRouter>,
  );
  await settle();
  return utils;
}

export function currentPath() {
  return screen.getByTestId('location').textContent;
}

export function currentSearch() {
  return screen.getByTestId('location').getAttribute('data-search');
}

/** Navigations run as transitions: wait for the location instead of reading it once. */
export async function waitForPath(pathname: string, search?: string) {
  await waitFor(() => {
    expect(currentPath()).toBe(pathname);
    if (search !== undefined) expect(currentSearch()).toBe(search);
  });
  await settle();
}
