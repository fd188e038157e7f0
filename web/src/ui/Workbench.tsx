import type { ReactNode } from 'react';
import './Workbench.css';

export interface WorkbenchProps {
  /** Usually an <ActionBand />: what needs action, above everything else. */
  actionBand?: ReactNode;
  /** Filter controls for the table. */
  filters?: ReactNode;
  /** The pivot table. */
  children: ReactNode;
  /** Details of the selected row, or a summary; beside the table on wide screens. */
  aside?: ReactNode;
  /** Accessible name of the aside (it is a complementary landmark). */
  asideLabel?: string;
}

/** Workbench page layout: action band, filters, table and optional aside. Layout only. */
export function Workbench({ actionBand, filters, children, aside, asideLabel = 'Details' }: WorkbenchProps) {
  return (
    <div className={`ui-workbench${aside ? ' ui-workbench--with-aside' : ''}`}>
      {actionBand && <div className="ui-workbench__band">{actionBand}</div>}
      {/* role=group so the "Filters" name is exposed (a plain div may not carry aria-label). */}
      {filters && (
        <div className="ui-workbench__filters" role="group" aria-label="Filters">
          {filters}
        </div>
      )}
      <div className="ui-workbench__main">{children}</div>
      {aside && (
        <aside className="ui-workbench__aside" aria-label={asideLabel}>
          {aside}
        </aside>
      )}
    </div>
  );
}
