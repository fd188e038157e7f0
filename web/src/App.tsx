import type { ReactElement } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/AuthProvider';
import { RequireAuth } from './auth/RequireAuth';
import { Shell } from './components/Shell';
import { AccessPage } from './pages/access/AccessPage';
import { AccountPage } from './pages/account/AccountPage';
import { LoginPage } from './pages/auth/LoginPage';
import { SignupPage } from './pages/auth/SignupPage';
import { EvidencePage } from './pages/evidence/EvidencePage';
import { NotFound } from './pages/NotFound';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { OperationsPage } from './pages/operations/OperationsPage';
import { PlatformPage } from './pages/platform/PlatformPage';
import { RoutePage } from './pages/RoutePage';
import { allRoutes, HOME_PATH, LOGIN_PATH, SIGNUP_PATH } from './routes';

/** Routes whose backend exists in this build; every other route shows its pending page. */
const LIVE_PAGES: Record<string, () => ReactElement> = {
  '/access': () => <AccessPage />,
  '/account': () => <AccountPage />,
  '/platform': () => <PlatformPage />,
  '/evidence': () => <EvidencePage />,
  '/notifications': () => <NotificationsPage />,
  '/operations': () => <OperationsPage />,
};

/**
 * All client routes. /login and /signup are public; everything else needs a
 * session and renders inside the shell. The router itself (BrowserRouter in
 * main.tsx, MemoryRouter in tests) wraps this.
 */
export function App() {
  return (
    <AuthProvider>
      <Routes>
        <Route path={LOGIN_PATH} element={<LoginPage />} />
        <Route path={SIGNUP_PATH} element={<SignupPage />} />
        <Route
          element={
            <RequireAuth>
              <Shell />
            </RequireAuth>
          }
        >
          <Route index element={<Navigate to={HOME_PATH} replace />} />
          {allRoutes.map((route) => (
            // "/*" so sub-pages (e.g. /account/security) keep the group active.
            <Route
              key={route.path}
              path={`${route.path}/*`}
              element={LIVE_PAGES[route.path]?.() ?? <RoutePage route={route} />}
            />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </AuthProvider>
  );
}
