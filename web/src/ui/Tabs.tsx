import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import './Tabs.css';

export interface TabItem {
  id: string;
  label: string;
  /** A function renders only while its tab is active (lazy panels). */
  content: ReactNode | (() => ReactNode);
}

interface TabsProps {
  tabs: TabItem[];
  /** Accessible name of the tab list, e.g. "Instance sections". */
  label: string;
  /** Search parameter holding the active tab id (so links and reloads keep it). */
  param?: string;
}

/**
 * WAI-ARIA tabs (automatic activation) whose active tab lives in the URL.
 * An absent or unknown value shows the first tab. Changing tabs replaces the
 * history entry: Back leaves the page instead of stepping through tabs.
 */
export function Tabs({ tabs, label, param = 'tab' }: TabsProps) {
  const [params, setParams] = useSearchParams();
  const base = useId();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const requested = params.get(param);
  const active = tabs.find((t) => t.id === requested) ?? tabs[0];

  function activate(id: string, focus = false) {
    if (focus) refs.current.get(id)?.focus();
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(param, id);
        return next;
      },
      { replace: true },
    );
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const i = tabs.findIndex((t) => t.id === active?.id);
    const last = tabs.length - 1;
    const target = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[
      e.key
    ];
    if (target === undefined) return;
    e.preventDefault();
    const tab = tabs[target];
    if (tab) activate(tab.id, true);
  }

  if (!active) return null;
  return (
    <div className="ui-tabs">
      <div role="tablist" aria-label={label} className="ui-tabs__list" onKeyDown={onKeyDown}>
        {tabs.map((t) => {
          const selected = t.id === active.id;
          return (
            <button
              key={t.id}
              ref={(el) => {
                if (el) refs.current.set(t.id, el);
                else refs.current.delete(t.id);
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${t.id}`}
              aria-selected={selected}
              aria-controls={`${base}-panel-${t.id}`}
              tabIndex={selected ? 0 : -1}
              className="ui-tabs__tab"
              onClick={() => activate(t.id)}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      {/* Every panel exists (so aria-controls always resolves); only the active one has content. */}
      {tabs.map((t) => {
        const selected = t.id === active.id;
        return (
          <div
            key={t.id}
            role="tabpanel"
            id={`${base}-panel-${t.id}`}
            aria-labelledby={`${base}-tab-${t.id}`}
            hidden={!selected}
            tabIndex={0}
            className="ui-tabs__panel"
          >
            {selected && (typeof t.content === 'function' ? (t.content as () => ReactNode)() : t.content)}
          </div>
        );
      })}
    </div>
  );
}
