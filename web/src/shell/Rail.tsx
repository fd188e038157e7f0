import { NavLink } from 'react-router-dom';
import { useCurrentUser } from '../auth/AuthContext';
import { railRoutesFor } from '../routes';

/** Left rail: the product groups from the route table (Platform only for platform admins). */
export function Rail() {
  const user = useCurrentUser();
  return (
    <nav className="rail" aria-label="Product groups">
      <ul className="rail__list">
        {railRoutesFor(user).map((route) => (
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
