import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { ApiQueryProvider } from './api/queryClient';
import { AuthProvider } from './auth/AuthProvider';
import { RequireAuth } from './auth/RequireAuth';
import { LoginPage } from './pages/auth/LoginPage';
import { SignupPage } from './pages/auth/SignupPage';
import { NotFound } from './pages/NotFound';
import { RoutePage } from './pages/RoutePage';
import { allRoutes, detailRoute, LOGIN_PATH, SIGNUP_PATH } from './routes';
import { PersonaLanding } from './shell/PersonaLanding';
import { RouteFallback } from './shell/RouteFallback';
import { Shell } from './shell/Shell';

type Page = LazyExoticComponent<ComponentType>;

/** A route-level chunk: each page family loads only when first visited. */
function page<M>(load: () => Promise<M>, name: keyof M): Page {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

/** Routes whose page exists in this build; every other group shows its pending page. */
const LIVE_PAGES: Record<string, Page> = {
  '/access': page(() => import('./pages/access/AccessPage'), 'AccessPage'),
  '/account': page(() => import('./pages/account/AccountPage'), 'AccountPage'),
  '/platform': page(() => import('./pages/platform/PlatformPage'), 'PlatformPage'),
  '/evidence': page(() => import('./pages/evidence/EvidencePage'), 'EvidencePage'),
  '/notifications': page(() => import('./pages/notifications/NotificationsPage'), 'NotificationsPage'),
  '/operations': page(() => import('./pages/operations/OperationsPage'), 'OperationsPage'),
  '/developer': page(() => import('./pages/developer/DeveloperPage'), 'DeveloperPage'),
};

const TenantOverviewPage = page(() => import('./pages/overview/TenantOverviewPage'), 'TenantOverviewPage');
const ProjectOverviewPage = page(
  () => import('./pages/overview/ProjectOverviewPage'),
  'ProjectOverviewPage',
);
const NodeDetailPage = page(() => import('./pages/platform/NodeDetailPage'), 'NodeDetailPage');
const OnboardNodePage = page(() => import('./pages/platform/OnboardNodePage'), 'OnboardNodePage');
// Development builds only: the import is dropped from production bundles.
const GalleryPage = import.meta.env.DEV
  ? page(() => import('./pages/dev/GalleryPage'), 'GalleryPage')
  : null;

/**
 * All client routes. /login and /signup are public; everything else needs a
 * session and renders inside the shell. The router itself (BrowserRouter in
 * main.tsx, MemoryRouter in tests) wraps this.
 */
export function App() {
  return (
    <ApiQueryProvider>
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
            <Route index element={<PersonaLanding />} />
            {allRoutes.map((route) => {
              const Live = LIVE_PAGES[route.path];
              return (
                // "/*" so sub-pages (e.g. /account/security) keep the group active.
                <Route
                  key={route.path}
                  path={`${route.path}/*`}
                  element={<Lazy page={Live} fallback={<RoutePage route={route} />} />}
                />
              );
            })}
            <Route
              path={detailRoute('/tenant/overview').path}
              element={<Lazy page={TenantOverviewPage} />}
            />
            <Route
              path={detailRoute('/project/overview').path}
              element={<Lazy page={ProjectOverviewPage} />}
            />
            <Route
              path={detailRoute('/platform/nodes/onboard').path}
              element={<Lazy page={OnboardNodePage} />}
            />
            <Route
              path={detailRoute('/platform/nodes/:nodeId').path}
              element={<Lazy page={NodeDetailPage} />}
            />
            {GalleryPage && (
              <Route path={detailRoute('/dev/gallery').path} element={<Lazy page={GalleryPage} />} />
            )}
            <Route path="/home" element={<Navigate to="/" replace />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </AuthProvider>
    </ApiQueryProvider>
  );
}

function Lazy({ page: Page, fallback = null }: { page: Page | undefined; fallback?: ReactNode }) {
  if (!Page) return <>{fallback}</>;
  return (
    <Suspense fallback={<RouteFallback />}>
      <Page />
    </Suspense>
  );
}
