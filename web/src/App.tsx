import { Navigate, Route, Routes } from 'react-router-dom';
import { Shell } from './components/Shell';
import { NotFound } from './pages/NotFound';
import { RoutePage } from './pages/RoutePage';
import { allRoutes, HOME_PATH } from './routes';

/**
 * All client routes, rendered inside the shell. The router itself
 * (BrowserRouter in main.tsx, MemoryRouter in tests) wraps this.
 */
export function App() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<Navigate to={HOME_PATH} replace />} />
        {allRoutes.map((route) => (
          // "/*" so future sub-pages (e.g. /storage/buckets) keep the group active.
          <Route key={route.path} path={`${route.path}/*`} element={<RoutePage route={route} />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
