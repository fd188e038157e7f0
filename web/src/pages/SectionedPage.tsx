import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { LocalNav } from '../shell/LocalNav';
import { activeSection, type ConsoleRoute } from '../routes';
import { useDocumentTitle } from './useDocumentTitle';

/**
 * A group page with tabs: h1 and purpose from the route table, the tab bar,
 * then the active section (h2 + its purpose + `children`).
 */
export function SectionedPage({ route, children }: { route: ConsoleRoute; children: ReactNode }) {
  const { pathname } = useLocation();
  const section = activeSection(route, pathname);
  useDocumentTitle(section ? `${section.label} · ${route.label}` : route.label);
  return (
    <article className="page page--wide">
      <div className="page__header">
        <h1 className="page__title">{route.label}</h1>
        <p className="page__purpose">{route.purpose}</p>
      </div>
      <LocalNav label={route.label} sections={route.sections ?? []} />
      {section ? (
        <section className="section" aria-labelledby="section-title">
          <div className="section__header">
            <h2 id="section-title" className="section__title">
              {section.label}
            </h2>
            <p className="section__purpose">{section.purpose}</p>
          </div>
          {children}
        </section>
      ) : (
        <section className="section" aria-labelledby="section-title">
          <h2 id="section-title" className="section__title">
            Section not found
          </h2>
          <p>
            {route.label} has no section at <code>{pathname}</code>. Pick one of the tabs above.
          </p>
        </section>
      )}
    </article>
  );
}
