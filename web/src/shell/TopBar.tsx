import { Link, NavLink } from 'react-router-dom';
import { VersionBadge } from '../components/VersionBadge';
import { useOptionalInbox } from '../notifications/InboxContext';
import { HOME_PATH } from '../routes';
import { HelpMenu } from './HelpMenu';
import { ProjectSwitcher } from './ProjectSwitcher';
import { UserMenu } from './UserMenu';

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/** The bell: a link to /notifications with the unread count, kept live by the inbox. */
function InboxBell() {
  const inbox = useOptionalInbox();
  const count = inbox?.unreadCount ?? 0;
  const shown = count > 99 ? '99+' : String(count);
  return (
    <NavLink
      to="/notifications"
      className="topbar__icon-link topbar__bell"
      aria-label={count > 0 ? `Notifications, ${count} unread` : 'Notifications'}
      data-live={inbox?.live}
    >
      <BellIcon />
      {count > 0 && (
        <span className="topbar__count" data-testid="unread-count" aria-hidden="true">
          {shown}
        </span>
      )}
    </NavLink>
  );
}

/** Brand, project switcher, then the utility entries: evidence, help, inbox and the user. */
export function TopBar() {
  return (
    <header className="topbar">
      <Link to={HOME_PATH} className="topbar__brand" aria-label="GPUaaS home">
        GPUaaS
      </Link>
      <ProjectSwitcher />
      <div className="topbar__end">
        <VersionBadge />
        <NavLink to="/evidence" className="topbar__text-link">
          Evidence
        </NavLink>
        <HelpMenu />
        <InboxBell />
        <UserMenu />
      </div>
    </header>
  );
}
