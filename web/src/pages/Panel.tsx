import type { ReactNode } from 'react';

/** A titled block inside a section (e.g. "SSH keys" on the Security tab). */
export function Panel({
  title,
  id,
  actions,
  busy,
  children,
}: {
  title: string;
  id: string;
  actions?: ReactNode;
  /** True while the panel's data is being re-read after a change. */
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={id} aria-busy={busy || undefined}>
      <div className="panel__header">
        <h3 id={id} className="panel__title">
          {title}
        </h3>
        {actions}
      </div>
      {children}
    </section>
  );
}
