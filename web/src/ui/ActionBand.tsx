import { Link } from 'react-router-dom';
import './ActionBand.css';

export type ActionSeverity = 'danger' | 'warning' | 'info';

export interface ActionBandItem {
  id: string;
  title: string;
  /** Why it needs action, in one sentence. */
  reason: string;
  severity: ActionSeverity;
  /** A route (`to`) renders a link; otherwise `onClick` renders a button. */
  action: { label: string; to?: string; onClick?: () => void };
}

export interface ActionBandProps {
  title?: string;
  items: ActionBandItem[];
  /** Shown when nothing needs action: the band stays visible so "all clear" is stated, not implied. */
  emptyText?: string;
  /** Heading level of the title; 3 when the band sits under another h2. */
  headingLevel?: 2 | 3;
}

const SEVERITY: Record<ActionSeverity, { rank: number; word: string; glyph: string }> = {
  danger: { rank: 0, word: 'Urgent', glyph: '!' },
  warning: { rank: 1, word: 'Warning', glyph: '▲' },
  info: { rank: 2, word: 'Info', glyph: 'i' },
};

/** "What needs action now": the most severe first, each with its one next step. */
export function ActionBand({
  title = 'Needs action',
  items,
  emptyText = 'Nothing needs your action right now.',
  headingLevel = 2,
}: ActionBandProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  // Stable sort: same-severity items keep the caller's order.
  const sorted = [...items].sort((a, b) => SEVERITY[a.severity].rank - SEVERITY[b.severity].rank);
  return (
    <section className="ui-action-band" aria-label={title}>
      <Heading className="ui-action-band__title">
        {title}
        {items.length > 0 && <span className="ui-action-band__count"> ({items.length})</span>}
      </Heading>
      {sorted.length === 0 ? (
        <p className="ui-action-band__empty">{emptyText}</p>
      ) : (
        <ul className="ui-action-band__list">
          {sorted.map((item) => (
            <li
              key={item.id}
              className={`ui-action-band__item ui-action-band__item--${item.severity}`}
              data-severity={item.severity}
            >
              <span className="ui-action-band__glyph" aria-hidden="true">
                {SEVERITY[item.severity].glyph}
              </span>
              <div className="ui-action-band__text">
                <span className="ui-action-band__item-title">
                  <span className="visually-hidden">{SEVERITY[item.severity].word}: </span>
                  {item.title}
                </span>
                <span className="ui-action-band__reason">{item.reason}</span>
              </div>
              <ItemAction item={item} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ItemAction({ item }: { item: ActionBandItem }) {
  const { label, to, onClick } = item.action;
  // The visible label leads the accessible name; the title says which item it acts on.
  const name = `${label}: ${item.title}`;
  const className = 'button button--small ui-action-band__action';
  if (to) {
    return (
      <Link to={to} className={className} aria-label={name}>
        {label}
      </Link>
    );
  }
  return (
    <button type="button" className={className} aria-label={name} onClick={onClick}>
      {label}
    </button>
  );
}
