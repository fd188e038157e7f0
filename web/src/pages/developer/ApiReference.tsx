import { useMemo, useState } from 'react';
import { useResource } from '../../hooks/useResource';
import { OPENAPI_DOCUMENT_URL } from '../../shell/HelpMenu';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { endpointRows, fetchOpenApiDocument, schemaName, type EndpointRow } from './openApiDocument';

/** The API reference, grouped by family, filterable by path, method or summary. */
export function ApiReference() {
  const { state, reload } = useResource(['openapi'], (signal) => fetchOpenApiDocument(signal));
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => (state.status === 'ok' ? endpointRows(state.data) : []), [state]);
  const shown = useMemo(() => {
    const text = filter.trim().toLowerCase();
    return text ? rows.filter((r) => `${r.method} ${r.path} ${r.op.summary ?? ''}`.toLowerCase().includes(text)) : rows;
  }, [rows, filter]);

  if (state.status === 'loading') return <LoadingState label="Loading the API reference…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;

  const groups = new Map<string, EndpointRow[]>();
  for (const row of shown) groups.set(row.tag, [...(groups.get(row.tag) ?? []), row]);

  return (
    <div className="stack api-reference">
      <p>
        {state.data.info.title} {state.data.info.version}: {rows.length} endpoints. Authenticate with
        the session cookie in the browser, or <code>Authorization: Bearer &lt;token&gt;</code> from
        scripts. The machine-readable document is at{' '}
        <a href={OPENAPI_DOCUMENT_URL}>
          <code>{OPENAPI_DOCUMENT_URL}</code>
        </a>
        .
      </p>
      <label className="field">
        <span className="field__label">Filter endpoints</span>
        <input
          className="field__input"
          type="search"
          value={filter}
          placeholder="e.g. operations, POST, token"
          onChange={(e) => setFilter(e.target.value)}
        />
      </label>
      {shown.length === 0 && (
        <EmptyState title={`No endpoint matches “${filter}”.`}>Clear the filter to see all {rows.length}.</EmptyState>
      )}
      {[...groups.entries()].map(([tag, items]) => (
        <section key={tag} className="panel" aria-label={`${tag} endpoints`}>
          <h3 className="panel__title">{tag}</h3>
          <ul className="endpoint-list">
            {items.map((row) => (
              <li key={row.id}>
                <details className="endpoint">
                  <summary>
                    <span className={`endpoint__method endpoint__method--${row.method.toLowerCase()}`}>
                      {row.method}
                    </span>{' '}
                    <code className="endpoint__path">{row.path}</code>{' '}
                    <span className="endpoint__summary">{row.op.summary}</span>
                  </summary>
                  <EndpointDetail row={row} />
                </details>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function EndpointDetail({ row }: { row: EndpointRow }) {
  const body = schemaName(row.op.requestBody?.content?.['application/json']?.schema?.$ref);
  return (
    <div className="endpoint__detail">
      {row.op.description && <p>{row.op.description}</p>}
      {(row.op.parameters ?? []).length > 0 && (
        <p>
          Parameters:{' '}
          {(row.op.parameters ?? []).map((p, i) => (
            <span key={`${p.in}:${p.name}`}>
              {i > 0 && ', '}
              <code>{p.name}</code> ({p.in}
              {p.required ? ', required' : ''})
            </span>
          ))}
        </p>
      )}
      {body && (
        <p>
          Request body: <code>{body}</code>
        </p>
      )}
      <p>
        Responses:{' '}
        {Object.entries(row.op.responses ?? {}).map(([code, r], i) => (
          <span key={code}>
            {i > 0 && ', '}
            <code>{code}</code> {r.description}
          </span>
        ))}
      </p>
    </div>
  );
}
