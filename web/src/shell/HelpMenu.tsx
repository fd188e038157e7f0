import { Link } from 'react-router-dom';
import { usePopover } from './usePopover';

/** The OpenAPI document the server serves (a file, not a console route). */
export const OPENAPI_DOCUMENT_URL = '/api/openapi.json';

/** Top-bar help: API reference, downloads and guides live outside the rail. */
export function HelpMenu() {
  const { open, close, toggle, root, button } = usePopover();

  return (
    <div className="menu help-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="menu__button topbar__text-link"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls="help-menu-panel"
        data-testid="help-menu-button"
        onClick={toggle}
      >
        Help
      </button>
      {open && (
        <div id="help-menu-panel" className="menu__panel menu__panel--end">
          <ul className="menu__list" aria-label="Help">
            <li>
              <Link className="menu__item" to="/developer" onClick={close}>
                API reference
              </Link>
            </li>
            <li>
              <Link className="menu__item" to="/developer/downloads" onClick={close}>
                Downloads
              </Link>
            </li>
            <li>
              <Link className="menu__item" to="/developer/docs" onClick={close}>
                Guides
              </Link>
            </li>
            <li>
              <a className="menu__item" href={OPENAPI_DOCUMENT_URL} target="_blank" rel="noreferrer">
                OpenAPI document (JSON)
              </a>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
