import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { ApiQueryProvider } from '../api/queryClient';

/** The query cache every data-loading component needs: a fresh one per render. */
export function QueryWrapper({ children }: { children: ReactNode }) {
  return <ApiQueryProvider>{children}</ApiQueryProvider>;
}

/**
 * render() for components that load data (useResource, useOperation) outside
 * <App/>: wraps them in their own ApiQueryProvider. renderApp needs none
 * (App has it).
 */
export function renderWithQuery(ui: ReactElement, options: Omit<RenderOptions, 'wrapper'> = {}) {
  return render(ui, { ...options, wrapper: QueryWrapper });
}
