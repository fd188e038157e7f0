import { useId, useRef, type ReactNode } from 'react';
import { trapTab, useModalFocus } from './ConfirmDialog';
import './Drawer.css';

interface DrawerProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * Side panel dialog: focus moves in on open and stays inside (Tab cycles),
 * Escape, the close button or the backdrop shut it, and focus goes back to
 * whatever opened it.
 */
export function Drawer({ title, onClose, children }: DrawerProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useModalFocus(panel);

  return (
    <div className="ui-drawer-backdrop" onClick={onClose}>
      <div
        ref={panel}
        className="ui-drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          else trapTab(e, panel.current);
        }}
      >
        <div className="ui-drawer__header">
          <h2 id={titleId} className="ui-drawer__title">
            {title}
          </h2>
          <button type="button" className="button button--ghost button--small" onClick={onClose}>
            Close
          </button>
        </div>
        <div className="ui-drawer__body">{children}</div>
      </div>
    </div>
  );
}
