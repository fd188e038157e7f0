import { Link } from 'react-router-dom';
import { logout } from '../api/auth';
import { useAuth, useCurrentUser } from '../auth/AuthContext';
import { useAction } from '../hooks/useAction';
import { usePopover } from './usePopover';

/** Top-bar identity: who is signed in, with Account and Sign out. */
export function UserMenu() {
  const user = useCurrentUser();
  const { signedOut } = useAuth();
  const signOut = useAction();
  const { open, close, toggle, root, button } = usePopover();

  async function handleSignOut() {
    const result = await signOut.run(() => logout());
    // 401: the session was already gone; either way the user is signed out.
    if (result.ok || result.error.status === 401) signedOut('ended');
  }

  const name = user.display_name || user.email;
  return (
    <div className="menu user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls="user-menu-panel"
        data-testid="user-menu-button"
        onClick={toggle}
      >
        <span className="user-menu__name">{name}</span>
        {user.platform_admin && <span className="user-menu__role">platform admin</span>}
      </button>
      {open && (
        <div id="user-menu-panel" className="menu__panel menu__panel--end">
          <p className="user-menu__identity">
            <span className="user-menu__display">{user.display_name || 'No display name'}</span>
            <span className="user-menu__email" data-testid="user-email">
              {user.email}
            </span>
          </p>
          <ul className="menu__list menu__list--links">
            <li>
              <Link to="/account" className="menu__item" onClick={close}>
                Account
              </Link>
            </li>
            <li>
              <button
                type="button"
                className="menu__item"
                onClick={handleSignOut}
                disabled={signOut.pending}
              >
                {signOut.pending ? 'Signing out…' : 'Sign out'}
              </button>
            </li>
          </ul>
          {signOut.error && signOut.error.status !== 401 && (
            <p className="user-menu__error" role="alert">
              Sign out failed: {signOut.error.message}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
