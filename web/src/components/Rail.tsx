import { NavLink } from 'react-router-dom';
import { groupRoutes } from '../routes';

/** Left rail: the seven product groups, straight from the route table. */
export function Rail() {
  return (
    <nav className="rail" aria-label="Product groups">
      <ul className="rail__list">
        {groupRoutes.map((route) => (
          <li key={route.path}>
            {/* NavLink sets aria-current="page" on the active group. */}
            <NavLink to={route.path} className="rail__link">
              {route.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
