import { useState, type ReactNode } from 'react';
import { ActionBand, type ActionBandItem } from '../ActionBand';
import { AppMark } from '../AppMark';
import { appIdentity, KNOWN_APP_SLUGS } from '../appIdentity';
import { ContextStrip } from '../ContextStrip';
import { CopyField } from '../CopyField';
import { KeyValue } from '../KeyValue';
import { ResourceHeader } from '../ResourceHeader';
import { StateBadge } from '../StateBadge';
import { Timeline } from '../Timeline';
import { Workbench } from '../Workbench';

/** One primitive per section; the h2 is the component's name so the gallery reads as an index. */
function Demo({ name, children }: { name: string; children: ReactNode }) {
  const id = `ui-gallery-a-${name.toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="gallery__section" data-testid={`gallery-${name}`}>
      <h2 id={id}>{name}</h2>
      <div className="stack">{children}</div>
    </section>
  );
}

const STATES = [
  'running',
  'provisioning',
  'in_progress',
  'draining',
  'degraded',
  'failed',
  'out_of_capacity',
  'released',
  'something_new',
];

/** Part A of the design-system gallery: layout, facts and identity primitives. */
export function GallerySectionA() {
  const [retried, setRetried] = useState(0);

  const actionItems: ActionBandItem[] = [
    {
      id: 'tok',
      title: 'Token ci-bot expires in 2 days',
      reason: 'CI pipelines that use it will stop authenticating.',
      severity: 'warning',
      action: { label: 'Renew', to: '/account/security' },
    },
    {
      id: 'inst',
      title: 'Instance gpu-7 failed to provision',
      reason: 'The region ran out of H100 capacity.',
      severity: 'danger',
      action: { label: 'Retry', onClick: () => setRetried((n) => n + 1) },
    },
  ];

  return (
    <div className="stack">
      <Demo name="StateBadge">
        <p className="muted small">One colour language for states across every resource family.</p>
        <div className="toolbar" style={{ flexWrap: 'wrap' }}>
          {STATES.map((s) => (
            <StateBadge key={s} state={s} />
          ))}
          <StateBadge state="running" label="Running (3/3)" />
        </div>
      </Demo>

      <Demo name="ResourceHeader">
        <ResourceHeader
          kind="Instance"
          name="llama-serve-01"
          headingLevel={3}
          mark={<AppMark slug="vllm" size="lg" />}
          state="running"
          subtitle="vLLM · 8 × H100 · eu-west-2"
          back={{ to: '/workloads', label: 'Workloads' }}
          primaryAction={
            <a className="button button--primary" href="#ui-gallery-a-copyfield">
              {appIdentity('vllm').primaryActionLabel}
            </a>
          }
          secondaryActions={
            <button type="button" className="button">
              Stop
            </button>
          }
        />
      </Demo>

      <Demo name="ContextStrip">
        <ContextStrip
          label="Instance facts"
          items={[
            { label: 'GPUs', value: '8 × H100 80GB' },
            { label: 'Region', value: 'eu-west-2' },
            { label: 'Owner', value: 'alice@example.com' },
            { label: 'Lease', value: '12 days left', hint: 'renews automatically' },
            { label: 'Cost', value: '$196.00 / h' },
          ]}
        />
      </Demo>

      <Demo name="KeyValue">
        <KeyValue
          label="Token details"
          items={[
            { label: 'Name', value: 'ci-bot' },
            { label: 'Scopes', value: <code>instances:read</code> },
            { label: 'Created by', value: 'alice@example.com' },
            { label: 'Last used', value: null },
          ]}
        />
      </Demo>

      <Demo name="CopyField">
        <CopyField label="SSH command" value="ssh -p 2222 alice@gpu-7.eu-west-2.example.net" />
        <CopyField label="Endpoint URL" value="https://llama-serve-01.apps.example.net/v1" />
      </Demo>

      <Demo name="ActionBand">
        <ActionBand headingLevel={3} items={actionItems} />
        {retried > 0 && <p className="small muted">Retry requested {retried}×.</p>}
        <ActionBand headingLevel={3} title="Tokens needing action" items={[]} emptyText="No tokens need your action." />
      </Demo>

      <Demo name="Workbench">
        <Workbench
          actionBand={<ActionBand headingLevel={3} title="Instances needing action" items={actionItems.slice(1)} />}
          filters={
            <>
              <label className="field">
                <span className="field__label">State</span>
                <select className="field__input" defaultValue="all">
                  <option value="all">All states</option>
                  <option value="running">Running</option>
                  <option value="failed">Failed</option>
                </select>
              </label>
              <label className="field">
                <span className="field__label">Search</span>
                <input className="field__input" type="search" placeholder="Name or ID" />
              </label>
            </>
          }
          aside={
            <KeyValue
              items={[
                { label: 'Name', value: 'llama-serve-01' },
                { label: 'State', value: <StateBadge state="running" /> },
                { label: 'Node', value: 'gpu-7' },
              ]}
            />
          }
          asideLabel="Selected instance"
        >
          <div className="table-wrap">
            <table className="table" aria-label="Instances">
              <thead>
                <tr>
                  <th scope="col">App</th>
                  <th scope="col">Name</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {[
                  ['vllm', 'llama-serve-01', 'running'],
                  ['jupyterlab', 'research-nb', 'provisioning'],
                  ['my-model', 'batch-eval', 'failed'],
                ].map(([slug = '', name = '', state = '']) => (
                  <tr key={name}>
                    <td>
                      <AppMark slug={slug} size="sm" />
                    </td>
                    <td>{name}</td>
                    <td>
                      <StateBadge state={state} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Workbench>
      </Demo>

      <Demo name="Timeline">
        <Timeline
          label="Lifecycle, oldest first"
          items={[
            { id: '1', at: '2026-11-23T10:00:00Z', title: 'Requested by alice@example.com', tone: 'info' },
            { id: '2', at: '2026-11-23T10:04:30Z', title: 'Provisioned', detail: 'On node gpu-7', tone: 'success' },
            { id: '3', at: '2026-11-23T13:12:00Z', title: 'GPU 3 reported ECC errors', tone: 'warning' },
            {
              id: '4',
              at: '2026-11-23T13:20:00Z',
              title: 'Health check failed',
              detail: 'Drained and queued for repair',
              tone: 'danger',
            },
          ]}
        />
        <Timeline items={[]} emptyText="No lifecycle events yet." />
      </Demo>

      <Demo name="AppMark">
        <ul className="plain-list">
          {[...KNOWN_APP_SLUGS, 'my-model'].map((slug) => {
            const app = appIdentity(slug);
            return (
              <li key={slug} className="toolbar">
                <AppMark slug={slug} size="sm" />
                <AppMark slug={slug} />
                <AppMark slug={slug} size="lg" />
                <span>
                  <strong>{app.label}</strong>{' '}
                  <span className="muted small">
                    · {app.category} · “{app.primaryActionLabel}”
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      </Demo>
    </div>
  );
}
