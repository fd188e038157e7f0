import { useEffect, useState } from 'react';
import { fetchServerVersion, type ServerVersion } from '../api/version';

type VersionState =
  | { status: 'loading' }
  | { status: 'ok'; version: ServerVersion }
  | { status: 'error' };

/** Server version from GET /api/v1/version, shown small in the top bar. */
export function VersionBadge() {
  const [state, setState] = useState<VersionState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchServerVersion(controller.signal).then(
      (version) => {
        if (!controller.signal.aborted) setState({ status: 'ok', version });
      },
      () => {
        if (!controller.signal.aborted) setState({ status: 'error' });
      },
    );
    return () => controller.abort();
  }, []);

  if (state.status === 'loading') {
    return (
      <span className="version" data-testid="server-version" aria-busy="true">
        checking version…
      </span>
    );
  }
  if (state.status === 'error') {
    return (
      <span className="version version--unavailable" data-testid="server-version">
        version unavailable
      </span>
    );
  }
  const { name, version, commit, build_type } = state.version;
  const shortCommit = commit.slice(0, 12);
  return (
    <span
      className="version"
      data-testid="server-version"
      title={`${name} ${version} (${commit}, ${build_type})`}
    >
      v{version}
      {shortCommit && <span className="version__commit"> · {shortCommit}</span>}
    </span>
  );
}
