import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { DataTable, type DataTableColumn, type DataTableProps } from './DataTable';

interface Instance {
  id: string;
  name: string;
  gpus: number;
}

const rows: Instance[] = [
  { id: 'i-1', name: 'train-b', gpus: 8 },
  { id: 'i-2', name: 'eval-a', gpus: 1 },
  { id: 'i-3', name: 'notebook', gpus: 2 },
];

const columns: DataTableColumn<Instance>[] = [
  { id: 'name', header: 'Name', cell: (r) => r.name, sortValue: (r) => r.name },
  { id: 'gpus', header: 'GPUs', cell: (r) => r.gpus, sortValue: (r) => r.gpus, align: 'end' },
  { id: 'actions', header: 'Actions', cell: (r) => <button type="button">Stop {r.name}</button> },
];

function Detail() {
  return <p>detail {useParams().id}</p>;
}

function renderTable(props: Partial<DataTableProps<Instance>> = {}) {
  return render(
    <MemoryRouter initialEntries={['/list']}>
      <Routes>
        <Route
          path="/list"
          element={
            <DataTable
              caption="Instances"
              columns={columns}
              rows={rows}
              getRowId={(r) => r.id}
              empty={{ title: 'No instances yet' }}
              {...props}
            />
          }
        />
        <Route path="/instances/:id" element={<Detail />} />
      </Routes>
    </MemoryRouter>,
  );
}

const names = () =>
  within(screen.getByRole('table')).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]?.textContent);

describe('DataTable', () => {
  it('is named by its caption and sorts by a column both ways', async () => {
    const user = userEvent.setup();
    renderTable();
    expect(screen.getByRole('table', { name: 'Instances' })).toBeInTheDocument();
    const gpus = screen.getByRole('columnheader', { name: /GPUs/ });
    expect(gpus).toHaveAttribute('aria-sort', 'none');
    expect(screen.getByRole('columnheader', { name: 'Actions' })).not.toHaveAttribute('aria-sort');

    await user.click(within(gpus).getByRole('button'));
    expect(gpus).toHaveAttribute('aria-sort', 'ascending');
    expect(names()).toEqual(['eval-a', 'notebook', 'train-b']);

    await user.click(within(gpus).getByRole('button'));
    expect(gpus).toHaveAttribute('aria-sort', 'descending');
    expect(names()).toEqual(['train-b', 'notebook', 'eval-a']);
  });

  it('filters, says when nothing matches, and clears the filter', async () => {
    const user = userEvent.setup();
    renderTable({ filter: { label: 'Filter instances', match: (r, t) => r.name.includes(t) } });
    const box = screen.getByRole('searchbox', { name: 'Filter instances' });
    await user.type(box, 'ev');
    expect(names()).toEqual(['eval-a']);
    await user.clear(box);
    await user.type(box, 'zzz');
    expect(screen.getByText('No rows match “zzz”.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(box).toHaveValue('');
    expect(box).toHaveFocus();
    expect(names()).toHaveLength(3);
  });

  it('opens the detail from a row click and from a real link in the first cell', async () => {
    const user = userEvent.setup();
    renderTable({ rowHref: (r) => `/instances/${r.id}` });
    expect(screen.getByRole('link', { name: 'eval-a' })).toHaveAttribute('href', '/instances/i-2');
    // A button inside the row keeps its own meaning.
    await user.click(screen.getByRole('button', { name: 'Stop eval-a' }));
    expect(screen.getByRole('table')).toBeInTheDocument();
    await user.click(screen.getByRole('cell', { name: '1' }));
    expect(await screen.findByText('detail i-2')).toBeInTheDocument();
  });

  it('loads more by cursor', async () => {
    const user = userEvent.setup();
    const onLoadMore = vi.fn();
    const { unmount } = renderTable({ hasMore: true, onLoadMore });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    unmount();
    renderTable({ hasMore: true, onLoadMore, loadingMore: true });
    expect(screen.getByRole('button', { name: 'Loading more…' })).toBeDisabled();
  });

  it('shows loading, error and empty states', async () => {
    const user = userEvent.setup();
    const { unmount } = renderTable({ rows: [], loading: true });
    expect(document.querySelector('[aria-busy="true"]')).toHaveTextContent('Loading Instances');
    unmount();

    const onRetry = vi.fn();
    const error = new ApiError({ code: 'unavailable', message: 'Try later.', status: 503, correlationId: 'c-1' });
    const second = renderTable({ rows: [], error, onRetry });
    expect(screen.getByRole('alert')).toHaveTextContent('unavailable');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
    second.unmount();

    renderTable({ rows: [], empty: { title: 'No instances yet', action: <a href="/new">Launch an instance</a> } });
    expect(screen.getByText('No instances yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Launch an instance' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
  });
});
