import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Project } from '../api/types';

const STORAGE_KEY = 'gpuaas.project';

function storedProjectId(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the URL alone carries the choice
  }
}

/**
 * The project the user is working in: `?project=` when the URL names one (so
 * links can be shared), else the last one picked in the switcher. Picking one
 * remembers it and puts it into the current URL, which keeps the user on the
 * same page.
 */
export function useCurrentProjectId(): [string | null, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const current = params.get('project') ?? storedProjectId();
  const choose = useCallback(
    (id: string) => {
      try {
        window.localStorage.setItem(STORAGE_KEY, id);
      } catch {
        // remembered for this page only
      }
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('project', id);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [current, choose];
}

/** The current project among `projects`: the chosen one if still visible, else the first. */
export function pickProject(projects: readonly Project[], wanted: string | null): Project | undefined {
  return projects.find((p) => p.id === wanted) ?? projects[0];
}
