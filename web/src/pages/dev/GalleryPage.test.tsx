import { render, screen, waitFor } from '@testing-library/react';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { ApiQueryProvider } from '../../api/queryClient';
import { mockApi } from '../../test/mockApi';
import { ToastProvider } from '../../ui/Toasts';
import { GalleryPage } from './GalleryPage';

// Vitest runs from web/ (jsdom gives import.meta.url no file path).
const UI_DIR = join(process.cwd(), 'src', 'ui');

/** Every primitive module in src/ui (a .tsx that is not a test). */
function primitives(): string[] {
  return readdirSync(UI_DIR)
    .filter((f) => f.endsWith('.tsx') && !f.endsWith('.test.tsx'))
    .map((f) => f.replace(/\.tsx$/, ''));
}

describe('design system gallery', () => {
  it('shows a section for every primitive in src/ui and the operations slot', async () => {
    mockApi({
      'GET /api/v1/platform/operations': {
        target: { type: 'platform', id: 'platform', name: 'platform', link: '/platform' },
        operations: [],
      },
    });
    render(
      <MemoryRouter initialEntries={['/dev/gallery']}>
        <ApiQueryProvider>
          <ToastProvider>
            <GalleryPage />
          </ToastProvider>
        </ApiQueryProvider>
      </MemoryRouter>,
    );
    const names = primitives();
    expect(names.length).toBeGreaterThanOrEqual(17);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    for (const name of [...names, 'LifecycleOperationCard']) {
      expect(headings, `gallery section for ${name}`).toContain(name);
    }
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Design system gallery');
    // The page's own header comes first; the ResourceHeader example has another.
    await waitFor(() => expect(screen.getAllByTestId('back-link')[0]).toHaveAttribute('href', '/'));
  });
});
