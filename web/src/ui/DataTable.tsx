import { useId, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ApiError } from '../api/client';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { SkeletonTable } from './Skeleton';
import './DataTable.css';

export interface DataTableColumn<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable (client-side, over the loaded rows). */
  sortValue?: (row: T) => string | number;
  align?: 'start' | 'end' | 'center';
}

export interface DataTableProps<T> {
  columns: DataTableColumn<T>[];
  rows: T[];
  getRowId: (row: T) => string;
  /** Accessible name of the table; `captionHidden` keeps it for AT only. */
  caption: string;
  captionHidden?: boolean;
  /** A text box filtering the loaded rows. */
  filter?: { label: string; match: (row: T, text: string) => boolean; placeholder?: string };
  /** Cursor pagination: a "Load more" button while the server has more. */
  hasMore?: boolean;
  onLoadMore?: () => void;
  loadingMore?: boolean;
  loading?: boolean;
  error?: ApiError | null;
  onRetry?: () => void;
  /** No rows at all (not filtered): honest copy and the next step. */
  empty: { title: string; body?: ReactNode; action?: ReactNode };
  /** Row → detail page. The first cell becomes a real link (keyboard, middle-click). */
  rowHref?: (row: T) => string;
  initialSort?: { columnId: string; direction: SortDirection };
}

type SortDirection = 'ascending' | 'descending';

function compare(a: string | number, b: string | number) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

/** Clicks on these inside a row keep their own meaning (no row navigation). */
const INTERACTIVE = 'a, button, input, select, textarea, label, summary, [role="button"]';

export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, rows, getRowId, rowHref, filter } = props;
  const navigate = useNavigate();
  const filterId = useId();
  const filterInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [sort, setSort] = useState(props.initialSort ?? null);

  const visible = useMemo(() => {
    const needle = text.trim();
    const kept = filter && needle ? rows.filter((r) => filter.match(r, needle)) : rows;
    const col = sort && columns.find((c) => c.id === sort.columnId);
    if (!sort || !col?.sortValue) return kept;
    const value = col.sortValue;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    // Array.prototype.sort is stable, so equal keys keep the server's order.
    return [...kept].sort((a, b) => sign * compare(value(a), value(b)));
  }, [rows, text, filter, sort, columns]);

  if (props.loading && rows.length === 0) {
    return <SkeletonTable columns={columns.length} label={props.caption} />;
  }
  if (props.error && rows.length === 0) {
    return <ErrorState error={props.error} onRetry={props.onRetry} />;
  }
  if (rows.length === 0) {
    return (
      <EmptyState title={props.empty.title} action={props.empty.action}>
        {props.empty.body}
      </EmptyState>
    );
  }

  function toggleSort(id: string) {
    setSort((s) =>
      s?.columnId === id && s.direction === 'ascending'
        ? { columnId: id, direction: 'descending' }
        : { columnId: id, direction: 'ascending' },
    );
  }

  function onRowClick(e: MouseEvent<HTMLTableRowElement>, href: string) {
    if ((e.target as Element).closest(INTERACTIVE)) return;
    // Selecting text in a row is not a click to open it.
    if (window.getSelection()?.toString()) return;
    navigate(href);
  }

  function clearFilter() {
    setText('');
    filterInput.current?.focus();
  }

  const needle = text.trim();
  return (
    <div className="ui-table">
      {filter && (
        <div className="ui-table__filter">
          <label htmlFor={filterId} className="ui-table__filter-label">
            {filter.label}
          </label>
          <input
            ref={filterInput}
            id={filterId}
            type="search"
            className="ui-table__filter-input"
            value={text}
            placeholder={filter.placeholder}
            onChange={(e) => setText(e.target.value)}
          />
          {/* Polite count so a screen reader hears the effect of typing. */}
          <span className="ui-table__count" aria-live="polite">
            {needle ? `${visible.length} of ${rows.length} loaded rows shown` : ''}
          </span>
        </div>
      )}
      <div className="ui-table__scroll">
        <table className="ui-table__table" aria-busy={props.loadingMore || undefined}>
          <caption className={props.captionHidden ? 'visually-hidden' : 'ui-table__caption'}>{props.caption}</caption>
          <thead>
            <tr>
              {columns.map((col) => {
                const dir = sort?.columnId === col.id ? sort.direction : 'none';
                return (
                  <th
                    key={col.id}
                    scope="col"
                    className={`ui-table__th ui-table--${col.align ?? 'start'}`}
                    aria-sort={col.sortValue ? dir : undefined}
                  >
                    {col.sortValue ? (
                      <button type="button" className="ui-table__sort" onClick={() => toggleSort(col.id)}>
                        {col.header}
                        <span className="ui-table__sort-icon" aria-hidden="true">
                          {dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      col.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => {
              const href = rowHref?.(row);
              return (
                <tr
                  key={getRowId(row)}
                  className={href ? 'ui-table__row ui-table__row--link' : 'ui-table__row'}
                  onClick={href ? (e) => onRowClick(e, href) : undefined}
                >
                  {columns.map((col, i) => (
                    <td key={col.id} className={`ui-table--${col.align ?? 'start'}`}>
                      {href && i === 0 ? <Link to={href}>{col.cell(row)}</Link> : col.cell(row)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {visible.length === 0 && (
        <div className="ui-table__no-match">
          <p className="ui-table__no-match-text">No rows match “{needle}”.</p>
          <button type="button" className="button button--small" onClick={clearFilter}>
            Clear filter
          </button>
        </div>
      )}
      {props.error && <ErrorState error={props.error} onRetry={props.onRetry} title="Could not load more rows" />}
      {props.hasMore && props.onLoadMore && (
        <div className="ui-table__more">
          <button type="button" className="button" onClick={props.onLoadMore} disabled={props.loadingMore}>
            {props.loadingMore ? 'Loading more…' : 'Load more'}
          </button>
          {filter && needle && <span className="ui-table__more-hint">The filter applies to loaded rows only.</span>}
        </div>
      )}
    </div>
  );
}
