import { Outlet } from 'react-router-dom';
import { InboxProvider } from '../notifications/InboxProvider';
import { ToastProvider } from '../ui/Toasts';
import { Rail } from './Rail';
import { TopBar } from './TopBar';
import './shell.css';

/** The signed-in frame: top bar, rail and the page; toasts and the live inbox live as long as it. */
export function Shell() {
  return (
    // The inbox lives as long as the signed-in shell: the bell and /notifications share it.
    <InboxProvider>
      <ToastProvider>
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
      </ToastProvider>
    </InboxProvider>
  );
}
