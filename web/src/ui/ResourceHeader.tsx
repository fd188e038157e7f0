import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { StateBadge } from './StateBadge';
import './ResourceHeader.css';

export interface ResourceHeaderProps {
  /** The resource's name: the page's h1. */
  name: ReactNode;
  /** What it is, e.g. 'Operation', 'Instance'. */
  kind: string;
  /** An identity mark (e.g. <AppMark />) shown before the name. */
  mark?: ReactNode;
  /** Raw state word; rendered through StateBadge so it matches every list. */
  state?: string;
  subtitle?: ReactNode;
  /** The one thing to do next: a button or link. */
  primaryAction?: ReactNode;
  secondaryActions?: ReactNode;
  /**
   * Where "back" goes. Required and explicit: a deep link or a reload has no
   * useful browser history, so the header never calls history.back().
   */
  back: { to: string; label: string };
  /** 1 on a detail route (the default); lower only when embedded, e.g. in the gallery. */
  headingLevel?: 1 | 2 | 3;
}

/** The top of every detail route: back link, identity, state, actions. */
export function ResourceHeader({
  name,
  kind,
  mark,
  state,
  subtitle,
  primaryAction,
  secondaryActions,
  back,
  headingLevel = 1,
}: ResourceHeaderProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <header className="ui-resource-header">
      <Link
        to={back.to}
        className="ui-resource-header__back"
        data-testid="back-link"
        aria-label={`Back to ${back.label}`}
      >
        ← {back.label}
      </Link>
      <div className="ui-resource-header__main">
        {mark && <div className="ui-resource-header__mark">{mark}</div>}
        <div className="ui-resource-header__identity">
          <p className="ui-resource-header__kind">{kind}</p>
          <div className="ui-resource-header__title-row">
            <Heading className="ui-resource-header__title">{name}</Heading>
            {state && <StateBadge state={state} />}
          </div>
          {subtitle && <p className="ui-resource-header__subtitle">{subtitle}</p>}
        </div>
        {(primaryAction || secondaryActions) && (
          <div className="ui-resource-header__actions">
            {secondaryActions && <div className="ui-resource-header__secondary">{secondaryActions}</div>}
            {primaryAction && (
              <div className="ui-resource-header__primary" data-testid="primary-action">
                {primaryAction}
              </div>
            )}
          </div>
        )}
      </div>
    </header>
  );
}
