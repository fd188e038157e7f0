import './Skeleton.css';

interface SkeletonProps {
  /** Text lines the loaded content will take (reserves that height). */
  lines?: number;
  /** What is loading, read as "Loading {label}". */
  label: string;
}

/**
 * Grey bars where text will appear. The container is aria-busy (tests and
 * assistive tech wait for it to go away); the bars are hidden from AT and a
 * visually hidden line says what is loading.
 */
export function Skeleton({ lines = 3, label }: SkeletonProps) {
  return (
    <div className="ui-skeleton" aria-busy="true" role="status">
      <span className="visually-hidden">Loading {label}</span>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="ui-skeleton__line" aria-hidden="true" />
      ))}
    </div>
  );
}

interface SkeletonTableProps {
  rows?: number;
  columns: number;
  label: string;
}

/** A table-shaped placeholder with the same row height as DataTable rows. */
export function SkeletonTable({ rows = 5, columns, label }: SkeletonTableProps) {
  return (
    <div className="ui-skeleton ui-skeleton--table" aria-busy="true" role="status">
      <span className="visually-hidden">Loading {label}</span>
      <table className="ui-skeleton__table" aria-hidden="true">
        <thead>
          <tr>
            {Array.from({ length: columns }, (_, c) => (
              <th key={c}>
                <span className="ui-skeleton__bar ui-skeleton__bar--head" />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              {Array.from({ length: columns }, (_, c) => (
                <td key={c}>
                  <span className="ui-skeleton__bar" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
