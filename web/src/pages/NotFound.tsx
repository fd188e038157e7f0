import { Link, useLocation } from 'react-router-dom';
import { HOME_PATH } from '../routes';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFound() {
  const { pathname } = useLocation();
  useDocumentTitle('Page not found');
  return (
    <article className="page">
      <div className="page__header">
        <h1 className="page__title">Page not found</h1>
        <p className="page__purpose">
          There is no console page at <code>{pathname}</code>.
        </p>
      </div>
      <p>
        <Link to={HOME_PATH}>Back to your start page</Link>
      </p>
    </article>
  );
}
