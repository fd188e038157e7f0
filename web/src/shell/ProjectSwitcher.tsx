import { Link } from 'react-router-dom';
import { useMemberships } from '../pages/access/useMemberships';
import { pickProject, useCurrentProjectId } from './currentProject';
import { usePopover } from './usePopover';

/** Top-bar project switcher: which tenant/project the console works in, and its overviews. */
export function ProjectSwitcher() {
  const { state } = useMemberships();
  const [wanted, choose] = useCurrentProjectId();
  const { open, close, toggle, root, button } = usePopover();

  const projects = state.status === 'ok' ? state.data.projects : [];
  const current = pickProject(projects, wanted);
  const label =
    state.status === 'loading'
      ? 'Loading projects…'
      : state.status === 'error'
        ? 'Projects unavailable'
        : current
          ? `${current.tenant_name} / ${current.name}`
          : 'No project yet';

  return (
    <div className="menu project-switcher" ref={root}>
      <button
        ref={button}
        type="button"
        className="menu__button project-switcher__button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls="project-switcher-panel"
        aria-label={`Project: ${label}. Switch project`}
        data-testid="project-switcher"
        onClick={toggle}
      >
        <span className="project-switcher__caption">Project</span>
        <span className="project-switcher__name">{label}</span>
      </button>
      {open && (
        <div id="project-switcher-panel" className="menu__panel project-switcher__panel">
          {projects.length === 0 ? (
            <p className="menu__note">
              {state.status === 'error'
                ? `Could not load your projects: ${state.error.message}`
                : 'You are not in any project yet. A tenant owner or admin can add you to one.'}
            </p>
          ) : (
            <ul className="menu__list" aria-label="Your projects">
              {projects.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="menu__item"
                    aria-current={p.id === current?.id ? 'true' : undefined}
                    onClick={() => {
                      choose(p.id);
                      close();
                    }}
                  >
                    <span>
                      {p.tenant_name} / {p.name}
                    </span>
                    {p.role && <span className="menu__meta">{p.role}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <ul className="menu__list menu__list--links" aria-label="Overviews">
            <li>
              <Link className="menu__item" to="/project/overview" onClick={close}>
                Project overview
              </Link>
            </li>
            <li>
              <Link className="menu__item" to="/tenant/overview" onClick={close}>
                Tenant overview
              </Link>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
