import { Outlet } from 'react-router-dom';
import { InboxProvider } from '../notifications/InboxProvider';
import { Rail } from './Rail';
import { TopBar } from './TopBar';

export function Shell() {
  return (
    // The inbox lives as long as the signed-in shell: the bell and /notifications share it.
    <InboxProvider>
      <div className="shell">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <TopBar />
        <div className="shell__body">
          <Rail />
          <main id="main" className="main" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </div>
    </InboxProvider>
  );
}
