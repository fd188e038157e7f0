import type { ConsoleRoute } from '../routes';
import { PendingState } from './PendingState';
import { useDocumentTitle } from './useDocumentTitle';

/** Page for a group (or utility) route: header, purpose, pending state. */
export function RoutePage({ route }: { route: ConsoleRoute }) {
  useDocumentTitle(route.label);
  return (
    <article className="page">
      <div className="page__header">
        <h1 className="page__title">{route.label}</h1>
        <p className="page__purpose">{route.purpose}</p>
      </div>
      <PendingState label={route.label} capabilities={route.capabilities} />
    </article>
  );
}
