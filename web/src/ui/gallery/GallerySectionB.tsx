import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { ConfirmDialog } from '../ConfirmDialog';
import { DataTable, type DataTableColumn } from '../DataTable';
import { Drawer } from '../Drawer';
import { EmptyState } from '../EmptyState';
import { ErrorState } from '../ErrorState';
import { LoadingState } from '../LoadingState';
import { Skeleton, SkeletonTable } from '../Skeleton';
import { Tabs } from '../Tabs';
import { useOptionalToast, type ToastTone } from '../Toasts';

/** One primitive per section; the h2 is the component's name so the gallery reads as an index. */
function Demo({ name, children }: { name: string; children: ReactNode }) {
  const id = `ui-gallery-b-${name.toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="card" data-testid={`gallery-${name}`}>
      <h2 id={id} className="card__title">
        {name}
      </h2>
      <div className="stack">{children}</div>
    </section>
  );
}

interface Instance {
  id: string;
  name: string;
  gpu: string;
  gpus: number;
  region: string;
  hourly: number;
}

const INSTANCES: Instance[] = [
  { id: 'inst_01', name: 'llama-serve-01', gpu: 'H100', gpus: 8, region: 'eu-west-2', hourly: 31.2 },
  { id: 'inst_02', name: 'eval-harness', gpu: 'A100', gpus: 1, region: 'us-east-1', hourly: 2.4 },
  { id: 'inst_03', name: 'notebook-maria', gpu: 'L40S', gpus: 1, region: 'eu-west-2', hourly: 1.1 },
  { id: 'inst_04', name: 'sdxl-batch', gpu: 'H100', gpus: 2, region: 'us-west-2', hourly: 7.8 },
  { id: 'inst_05', name: 'finetune-7b', gpu: 'A100', gpus: 4, region: 'us-east-1', hourly: 9.6 },
  { id: 'inst_06', name: 'whisper-asr', gpu: 'L4', gpus: 1, region: 'eu-central-1', hourly: 0.8 },
  { id: 'inst_07', name: 'rl-sandbox', gpu: 'H100', gpus: 1, region: 'eu-west-2', hourly: 3.9 },
  { id: 'inst_08', name: 'embed-index', gpu: 'L40S', gpus: 2, region: 'us-west-2', hourly: 2.2 },
];
const PAGE = 5;

const COLUMNS: DataTableColumn<Instance>[] = [
  { id: 'name', header: 'Name', cell: (r) => r.name, sortValue: (r) => r.name },
  { id: 'gpu', header: 'GPU', cell: (r) => `${r.gpus} × ${r.gpu}`, sortValue: (r) => r.gpu },
  { id: 'region', header: 'Region', cell: (r) => r.region, sortValue: (r) => r.region },
  { id: 'hourly', header: 'Per hour', cell: (r) => `$${r.hourly.toFixed(2)}`, sortValue: (r) => r.hourly, align: 'end' },
];

const ERRORS = {
  notFound: new ApiError({
    code: 'not_found',
    message: 'Instance inst_09 does not exist or was deleted.',
    status: 404,
    correlationId: 'req_01J9Z4K7Q8W2M5',
  }),
  denied: new ApiError({
    code: 'permission_denied',
    message: 'Listing instances needs the project viewer role.',
    status: 403,
    correlationId: 'req_01J9Z4M1B3C6D8',
  }),
  limited: new ApiError({
    code: 'rate_limited',
    message: 'Too many requests for this project.',
    status: 429,
    retryAfter: 30,
    correlationId: 'req_01J9Z4P5E7F9G2',
  }),
  conflict: new ApiError({
    code: 'conflict',
    message: 'The instance is still draining; try again when it has stopped.',
    status: 409,
    correlationId: 'req_01J9Z4R2H4J6K8',
  }),
};

type TableMode = 'data' | 'loading' | 'error' | 'empty';
const MODES: [TableMode, string][] = [
  ['data', 'Rows'],
  ['loading', 'Loading'],
  ['error', 'Error'],
  ['empty', 'Empty'],
];

function DataTableDemo() {
  const [mode, setMode] = useState<TableMode>('data');
  const [loaded, setLoaded] = useState(PAGE);
  const [loadingMore, setLoadingMore] = useState(false);
  const [params] = useSearchParams();
  const rows = mode === 'data' ? INSTANCES.slice(0, loaded) : [];
  return (
    <>
      <fieldset className="fieldset toolbar">
        <legend>Show the table</legend>
        {MODES.map(([m, label]) => (
          <label key={m}>
            <input type="radio" name="ui-gallery-table-mode" checked={mode === m} onChange={() => setMode(m)} /> {label}
          </label>
        ))}
      </fieldset>
      {params.get('instance') && (
        <p className="muted small">
          Row opened: <code>{params.get('instance')}</code> (a real page would be the instance detail).
        </p>
      )}
      <DataTable
        caption="Instances in project ml-research"
        columns={COLUMNS}
        rows={rows}
        getRowId={(r) => r.id}
        loading={mode === 'loading'}
        error={mode === 'error' ? ERRORS.notFound : null}
        onRetry={() => setMode('data')}
        empty={{
          title: 'No instances in this project',
          body: 'Instances you launch here appear in this list.',
          action: (
            <button type="button" className="button button--primary" onClick={() => setMode('data')}>
              Launch an instance
            </button>
          ),
        }}
        filter={{ label: 'Filter by name or region', match: (r, t) => `${r.name} ${r.region}`.includes(t.toLowerCase()) }}
        rowHref={(r) => `/dev/gallery?instance=${r.id}`}
        hasMore={loaded < INSTANCES.length}
        loadingMore={loadingMore}
        onLoadMore={() => {
          // Stands in for fetching the next cursor page.
          setLoadingMore(true);
          setTimeout(() => {
            setLoaded((n) => n + PAGE);
            setLoadingMore(false);
          }, 600);
        }}
      />
    </>
  );
}

function SkeletonDemo() {
  // Off by default: a permanently busy region would keep tests and screen readers waiting.
  const [loading, setLoading] = useState(false);
  return (
    <>
      <label>
        <input type="checkbox" checked={loading} onChange={(e) => setLoading(e.target.checked)} /> Show the loading
        placeholders (same height as the content, so nothing shifts)
      </label>
      {loading ? (
        <Skeleton lines={3} label="instance summary" />
      ) : (
        <p style={{ margin: 0 }}>
          llama-serve-01 runs vLLM on 8 × H100 in eu-west-2.
          <br />
          Started 3 hours ago by maria@example.com.
          <br />
          Costs $31.20 per hour.
        </p>
      )}
      {loading ? (
        <SkeletonTable rows={3} columns={4} label="instances" />
      ) : (
        <p className="muted small">Turn the placeholders on to see SkeletonTable.</p>
      )}
      {loading && <LoadingState label="Loading SSH keys…" />}
    </>
  );
}

function ConfirmDialogDemo() {
  const toast = useOptionalToast();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refuse, setRefuse] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <>
      <label>
        <input type="checkbox" checked={refuse} onChange={(e) => setRefuse(e.target.checked)} /> Server refuses the
        first attempt (409 conflict)
      </label>
      <div>
        <button type="button" className="button button--danger-outline" onClick={() => setOpen(true)}>
          Delete instance llama-serve-01…
        </button>
      </div>
      {open && (
        <ConfirmDialog
          title="Delete instance llama-serve-01?"
          body={<p>The instance stops and its local disk is erased. Volumes stay. This cannot be undone.</p>}
          confirmLabel="Delete instance"
          danger
          typedConfirmation="llama-serve-01"
          busy={busy}
          error={error}
          onCancel={() => {
            setOpen(false);
            setError(null);
          }}
          onConfirm={() => {
            setBusy(true);
            setTimeout(() => {
              setBusy(false);
              if (refuse) {
                setError(ERRORS.conflict);
                setRefuse(false);
                return;
              }
              setError(null);
              setOpen(false);
              toast?.show({ tone: 'success', title: 'Deleting llama-serve-01', body: 'Follow it in Operations.' });
            }, 800);
          }}
        />
      )}
    </>
  );
}

const TOASTS: { tone: ToastTone; title: string; body: string }[] = [
  { tone: 'success', title: 'Instance eval-harness started', body: 'SSH is ready on port 22.' },
  { tone: 'info', title: 'Quota request sent', body: 'A platform admin reviews it within a working day.' },
  { tone: 'warning', title: 'Token ci-bot expires in 2 days', body: 'Renew it before pipelines fail.' },
  { tone: 'danger', title: 'Could not stop sdxl-batch', body: 'internal · Reference req_01J9Z4T3L5M7N9' },
];

function ToastsDemo() {
  const toast = useOptionalToast();
  if (!toast) return <p className="muted">No ToastProvider above this page, so there is nothing to show toasts in.</p>;
  return (
    <div className="toolbar" style={{ flexWrap: 'wrap' }}>
      {TOASTS.map((t) => (
        <button key={t.tone} type="button" className="button" onClick={() => toast.show(t)}>
          Show {t.tone} toast
        </button>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => toast.show({ tone: 'info', title: 'Stays until dismissed', timeoutMs: 0 })}
      >
        Show sticky toast
      </button>
    </div>
  );
}

function DrawerDemo() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <div>
        <button type="button" className="button" onClick={() => setOpen(true)}>
          Open token ci-deploy
        </button>
      </div>
      {open && (
        <Drawer title="Token ci-deploy" onClose={() => setOpen(false)}>
          <div className="stack">
            <p>Scope: project ml-research, read and write. Last used 12 minutes ago from 10.4.2.17.</p>
            <p className="muted small">Tab stays inside the drawer; Escape closes it and focus returns to the button.</p>
            <div>
              <button type="button" className="button button--small button--danger-outline">
                Revoke token…
              </button>
            </div>
          </div>
        </Drawer>
      )}
    </>
  );
}

/** Part B of the design-system gallery: data, states and interaction primitives. */
export function GallerySectionB() {
  const [retries, setRetries] = useState(0);
  return (
    <div className="stack">
      <Demo name="DataTable">
        <p className="muted small">
          Sort by a column header, filter the loaded rows, open a row (the name is also a real link), load the next
          page.
        </p>
        <DataTableDemo />
      </Demo>

      <Demo name="Tabs">
        <Tabs
          label="Instance llama-serve-01"
          param="gallery-tab"
          tabs={[
            { id: 'overview', label: 'Overview', content: <p>8 × H100 in eu-west-2, running vLLM 0.6.</p> },
            { id: 'metrics', label: 'Metrics', content: () => <p>GPU utilisation 87% over the last hour.</p> },
            { id: 'logs', label: 'Logs', content: () => <pre className="code-block">INFO  Uvicorn running on :8000</pre> },
          ]}
        />
      </Demo>

      <Demo name="EmptyState">
        <EmptyState
          title="No API tokens yet"
          action={
            <button type="button" className="button button--primary">
              Create token
            </button>
          }
        >
          Tokens let scripts and CI call the API as you. Nothing here has been created yet.
        </EmptyState>
      </Demo>

      <Demo name="ErrorState">
        <ErrorState error={ERRORS.notFound} onRetry={() => setRetries((n) => n + 1)} />
        {retries > 0 && <p className="muted small">Retried {retries} times.</p>}
        <ErrorState error={ERRORS.denied} onRetry={() => {}} />
        <ErrorState error={ERRORS.limited} onRetry={() => setRetries((n) => n + 1)} />
      </Demo>

      <Demo name="Skeleton">
        <SkeletonDemo />
      </Demo>

      <Demo name="LoadingState">
        <p className="muted small">
          A one-line busy status (<code>aria-busy</code>, <code>role=&quot;status&quot;</code>); turn on the
          placeholders under Skeleton to see it. Prefer Skeleton where the final layout is known.
        </p>
      </Demo>

      <Demo name="ConfirmDialog">
        <ConfirmDialogDemo />
      </Demo>

      <Demo name="Toasts">
        <ToastsDemo />
      </Demo>

      <Demo name="Drawer">
        <DrawerDemo />
      </Demo>
    </div>
  );
}
