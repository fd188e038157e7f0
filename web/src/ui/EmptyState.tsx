import type { ReactNode } from 'react';
import './EmptyState.css';

interface EmptyStateProps {
  /** What is missing, stated plainly: "No API tokens yet". */
  title: string;
  /** Why it is empty or what the list would hold (legacy `children` slot). */
  children?: ReactNode;
  /** The one next step, e.g. a "Create token" button or link. */
  action?: ReactNode;
}

/**
 * Nothing to list, said explicitly.
 *
 * Copy guidance: be honest and specific. Say what is absent ("No SSH keys on
 * your account"), not a cheerful placeholder; never show sample or fake rows;
 * if the emptiness comes from a filter or a permission, say that instead; and
 * offer at most one next step in `action` that really works for this person.
 */
export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="ui-state ui-state--empty">
      <p className="ui-state__title">{title}</p>
      {children && <div className="ui-state__text">{children}</div>}
      {action && <div className="ui-state__action">{action}</div>}
    </div>
  );
}
