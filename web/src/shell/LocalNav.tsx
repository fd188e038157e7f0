import { NavLink, useSearchParams } from 'react-router-dom';
import type { SubRoute } from '../routes';

/** A family's local nav: its sibling pages, from the route table's `sections`. */
export function LocalNav({ label, sections }: { label: string; sections: readonly SubRoute[] }) {
  // The picked project follows the user from tab to tab.
  const [params] = useSearchParams();
  const project = params.get('project');
  const search = project ? `?project=${encodeURIComponent(project)}` : '';
  return (
    <nav className="tabs local-nav" aria-label={`${label} sections`} data-testid="local-nav">
      <ul className="tabs__list">
        {sections.map((s, i) => (
          <li key={s.path}>
            {/* The first tab is the group's own path: match it exactly. */}
            <NavLink to={`${s.path}${search}`} end={i === 0} className="tabs__link">
              {s.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
