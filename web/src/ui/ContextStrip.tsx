import type { ReactNode } from 'react';
import './ContextStrip.css';

export interface ContextStripItem {
  label: string;
  value: ReactNode;
  /** A short explanation shown under the value (e.g. 'renews in 3 days'). */
  hint?: string;
}

export interface ContextStripProps {
  items: ContextStripItem[];
  /** Accessible name of the list, e.g. 'Instance facts'. */
  label?: string;
}

/** Key facts of a resource in one horizontal strip; wraps on narrow screens. */
export function ContextStrip({ items, label = 'Key facts' }: ContextStripProps) {
  return (
    <dl className="ui-context-strip" aria-label={label}>
      {items.map((item) => (
        // A <div> per pair is valid inside <dl> and lets each fact be a grid/flex cell.
        <div key={item.label} className="ui-context-strip__item">
          <dt className="ui-context-strip__label">{item.label}</dt>
          <dd className="ui-context-strip__value">
            {item.value ?? '—'}
            {item.hint && <span className="ui-context-strip__hint">{item.hint}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
