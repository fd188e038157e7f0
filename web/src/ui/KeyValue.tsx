import type { ReactNode } from 'react';
import './KeyValue.css';

export interface KeyValueItem {
  label: string;
  /** null, undefined or '' render as "not set" rather than an empty cell. */
  value: ReactNode | null | undefined;
}

export interface KeyValueProps {
  items: KeyValueItem[];
  /** Optional accessible name for the list. */
  label?: string;
}

function isMissing(value: ReactNode | null | undefined): boolean {
  return value === null || value === undefined || value === '';
}

/** A vertical definition list: label on the left, value on the right. */
export function KeyValue({ items, label }: KeyValueProps) {
  return (
    <dl className="ui-key-value" aria-label={label}>
      {items.map((item) => (
        <div key={item.label} className="ui-key-value__row">
          <dt className="ui-key-value__label">{item.label}</dt>
          <dd className="ui-key-value__value">
            {isMissing(item.value) ? (
              <>
                {/* The dash is visual; screen readers hear "not set". */}
                <span className="ui-key-value__missing" aria-hidden="true">
                  —
                </span>
                <span className="visually-hidden">not set</span>
              </>
            ) : (
              item.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
