import type { ReactNode } from 'react';
import { Time } from '../components/Time';
import type { StateTone } from './StateBadge';
import './Timeline.css';

export interface TimelineItem {
  id: string;
  /** ISO 8601 time; shown in UTC like every other time in the console. */
  at: string;
  title: ReactNode;
  detail?: ReactNode;
  /** Colours the marker; the title should carry the meaning too. */
  tone?: StateTone;
}

export interface TimelineProps {
  items: TimelineItem[];
  /** Accessible name of the list, e.g. 'Lifecycle, newest first'. */
  label?: string;
  emptyText?: string;
}

/** A vertical timeline, in the order given (callers decide newest- or oldest-first). */
export function Timeline({ items, label = 'Timeline', emptyText = 'Nothing has happened yet.' }: TimelineProps) {
  if (items.length === 0) return <p className="ui-timeline__empty">{emptyText}</p>;
  return (
    <ol className="ui-timeline" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className={`ui-timeline__item ui-timeline__item--${item.tone ?? 'neutral'}`}>
          <span className="ui-timeline__marker" aria-hidden="true" />
          <div className="ui-timeline__title">{item.title}</div>
          <div className="ui-timeline__time">
            {/* Reuse the console's one time format (UTC) rather than a new one. */}
            <Time iso={item.at} />
          </div>
          {item.detail && <div className="ui-timeline__detail">{item.detail}</div>}
        </li>
      ))}
    </ol>
  );
}
