import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  createBootstrapToken,
  createSite,
  getBootstrapToken,
  listNodeProfiles,
  listSites,
  nodePath,
  onboardPath,
  revokeBootstrapToken,
  type BootstrapTokenStatus,
  type CreatedBootstrapToken,
  type OnboardingProgress,
  type ProfileId,
  type Site,
} from '../../api/fleet';
import { useCurrentUser } from '../../auth/AuthContext';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Time } from '../../components/Time';
import { useAction } from '../../hooks/useAction';
import { useLiveResource, useResource } from '../../hooks/useResource';
import { detailRoute } from '../../routes';
import { CopyField } from '../../ui/CopyField';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { KeyValue } from '../../ui/KeyValue';
import { LoadingState } from '../../ui/LoadingState';
import { ResourceHeader } from '../../ui/ResourceHeader';
import { StateBadge } from '../../ui/StateBadge';
import { useDocumentTitle } from '../useDocumentTitle';
import './OnboardNodePage.css';

const route = detailRoute('/platform/nodes/onboard');

/** How often the enrollment status is read while the host enrolls. */
export const ONBOARD_POLL_MS = 1500;

export const STEPS = [
  'Site and mode',
  'Profile',
  'Prerequisites',
  'Token',
  'Command',
  'Live status',
  'Ready',
] as const;

export const PREREQUISITES = [
  { id: 'os', text: 'Linux on x86-64' },
  { id: 'glibc', text: 'glibc 2.36 or newer (Debian 12, Ubuntu 23.04, RHEL 10 or later)' },
  { id: 'network', text: 'Outbound HTTP(S) from the host to this server' },
  { id: 'gpu', text: 'An NVIDIA driver, or simulated GPUs for a test node (--simulate-gpus)' },
] as const;

const MODES = [
  { id: 'manual', title: 'Manual command', text: 'Run one command on the host yourself.', available: true },
  {
    id: 'ssh',
    title: 'SSH push',
    text: 'Pending configuration: the server has no SSH credentials to reach hosts with.',
    available: false,
  },
  {
    id: 'maas',
    title: 'MAAS',
    text: 'Pending configuration: no MAAS endpoint is configured for this installation.',
    available: false,
  },
] as const;

const PROGRESS: ReadonlyArray<{ key: keyof OnboardingProgress; label: string }> = [
  { key: 'token_used', label: 'Token used by the agent' },
  { key: 'enrolled', label: 'Node enrolled' },
  { key: 'first_heartbeat', label: 'First heartbeat received' },
  { key: 'certificate_valid', label: 'Certificate valid' },
  { key: 'inventory_received', label: 'Inventory received' },
  { key: 'ready', label: 'Ready' },
];

function clampStep(raw: string | null): number {
  const n = Number.parseInt(raw ?? '1', 10);
  return Number.isNaN(n) ? 1 : Math.min(STEPS.length, Math.max(1, n));
}

/**
 * /platform/nodes/onboard: the guided enrollment of one host. Every choice
 * lives in the URL (?step, ?site, ?profile, ?prereq, ?token) so Back steps
 * through the wizard and a reload keeps the place; only the secret does not
 * (it is shown once and kept in memory only).
 */
export function OnboardNodePage() {
  useDocumentTitle('Onboard a node');
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const [created, setCreated] = useState<CreatedBootstrapToken | null>(null);

  const siteId = params.get('site') ?? '';
  const profile = (params.get('profile') ?? '') as ProfileId | '';
  const prereq = params.get('prereq') === '1';
  const tokenId = params.get('token') ?? '';
  const requested = clampStep(params.get('step'));
  // A deep link past an unfinished step lands on the first unfinished one.
  const firstOpen = tokenId ? 7 : !siteId ? 1 : !profile ? 2 : !prereq ? 3 : 4;
  const step = Math.min(requested, firstOpen);

  function go(next: number, changes: Record<string, string | null> = {}, replace = false) {
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === '') out.delete(k);
          else out.set(k, v);
        }
        out.set('step', String(next));
        return out;
      },
      { replace },
    );
  }

  if (!user.platform_admin) {
    return (
      <article className="page page--wide">
        <ResourceHeader name="Onboard a node" kind="Fleet" back={route.back} />
        <EmptyState title="Onboarding nodes is for platform admins." />
      </article>
    );
  }

  return (
    <article className="page page--wide" data-testid="onboard-page">
      <ResourceHeader
        name="Onboard a node"
        kind="Fleet"
        back={route.back}
        subtitle="Enroll one GPU host: the agent on the host uses a one-time token, gets its certificate and reports its GPUs."
      />
      <ol className="wizard-steps" aria-label="Onboarding steps">
        {STEPS.map((label, i) => {
          const n = i + 1;
          return (
            <li
              key={label}
              aria-current={n === step ? 'step' : undefined}
              className={n === step ? 'wizard-steps__item wizard-steps__item--current' : 'wizard-steps__item'}
              data-done={n < step || undefined}
            >
              <span className="wizard-steps__number">{n}</span> {label}
            </li>
          );
        })}
      </ol>
      <section className="card wizard" aria-labelledby="wizard-step-title" data-testid="wizard-step" data-step={step}>
        <h2 id="wizard-step-title" className="card__title">
          Step {step} of {STEPS.length}: {STEPS[step - 1]}
        </h2>
        {step === 1 && <SiteStep siteId={siteId} onNext={(site) => go(2, { site })} />}
        {step === 2 && <ProfileStep profile={profile} onBack={() => go(1)} onNext={(p) => go(3, { profile: p })} />}
        {step === 3 && <PrerequisitesStep confirmed={prereq} onBack={() => go(2)} onNext={() => go(4, { prereq: '1' })} />}
        {step === 4 && (
          <TokenStep
            siteId={siteId}
            profile={profile as ProfileId}
            onBack={() => go(3)}
            onCreated={(c) => {
              setCreated(c);
              go(5, { token: c.token.id });
            }}
          />
        )}
        {step === 5 && (
          <CommandStep
            created={created && created.token.id === tokenId ? created : null}
            onNewToken={() => {
              setCreated(null);
              go(4, { token: null });
            }}
            onNext={() => go(6)}
          />
        )}
        {(step === 6 || step === 7) && (
          <StatusStep
            tokenId={tokenId}
            ready={step === 7}
            onReady={() => go(7, {}, true)}
            onNewToken={() => {
              setCreated(null);
              go(4, { token: null });
            }}
            onAnother={() => {
              setCreated(null);
              go(1, { token: null, prereq: null });
            }}
          />
        )}
      </section>
    </article>
  );
}

function StepActions({ children }: { children: ReactNode }) {
  return <div className="form__actions wizard__actions">{children}</div>;
}

function BackButton({ onBack }: { onBack: () => void }) {
  return (
    <button type="button" className="button button--ghost" onClick={onBack}>
      Previous step
    </button>
  );
}

// ---------------------------------------------------------------- step 1

function SiteStep({ siteId, onNext }: { siteId: string; onNext: (siteId: string) => void }) {
  const { state, reload, setData } = useResource(['fleet', 'sites'], (signal) => listSites(signal));
  const [chosen, setChosen] = useState(siteId);
  const [creating, setCreating] = useState(false);
  const sites = state.status === 'ok' ? state.data.items : [];
  const showCreate = creating || (state.status === 'ok' && sites.length === 0);
  const chosenSite = sites.find((s) => s.id === chosen);

  function onCreated(site: Site) {
    setData((d) => ({ ...d, items: [...d.items.filter((s) => s.id !== site.id), site] }));
    setChosen(site.id);
    setCreating(false);
    reload();
  }

  return (
    <div className="stack">
      <fieldset className="fieldset">
        <legend className="field__label">Site</legend>
        <p className="muted small">Where the host is. Nodes are grouped and filtered by site.</p>
        {state.status === 'loading' && <LoadingState label="Loading sites…" />}
        {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
        {state.status === 'ok' && sites.length === 0 && (
          <p data-testid="no-sites">No site exists yet: create the first one below.</p>
        )}
        {sites.map((site) => (
          <label key={site.id} className="checkbox">
            <input
              type="radio"
              name="site"
              value={site.id}
              checked={chosen === site.id}
              onChange={() => setChosen(site.id)}
            />{' '}
            <strong>{site.name}</strong> <span className="muted">({site.region}, {site.node_count} nodes)</span>
            {site.description && <span className="muted small"> — {site.description}</span>}
          </label>
        ))}
        {state.status === 'ok' && sites.length > 0 && !creating && (
          <button type="button" className="button button--small button--ghost" onClick={() => setCreating(true)}>
            Create another site
          </button>
        )}
      </fieldset>
      {showCreate && <NewSiteForm onCreated={onCreated} onCancel={sites.length > 0 ? () => setCreating(false) : undefined} />}
      <fieldset className="fieldset">
        <legend className="field__label">Mode</legend>
        {MODES.map((mode) => (
          <label key={mode.id} className="checkbox" data-testid={`mode-${mode.id}`}>
            <input type="radio" name="mode" value={mode.id} checked={mode.id === 'manual'} disabled={!mode.available} readOnly />{' '}
            <strong>{mode.title}</strong> <span className={mode.available ? 'muted small' : 'small'}>— {mode.text}</span>
          </label>
        ))}
      </fieldset>
      <StepActions>
        <button
          type="button"
          className="button button--primary"
          disabled={!chosenSite}
          onClick={() => chosenSite && onNext(chosenSite.id)}
        >
          Next: choose a profile
        </button>
      </StepActions>
    </div>
  );
}

const NAME_RE = /^[a-z0-9-]{1,63}$/;

function NewSiteForm({ onCreated, onCancel }: { onCreated: (site: Site) => void; onCancel?: () => void }) {
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [description, setDescription] = useState('');
  const [touched, setTouched] = useState(false);
  const action = useAction();
  const nameMessage = touched && !NAME_RE.test(name) ? '1 to 63 lower-case letters, digits and hyphens.' : null;
  const regionMessage = touched && !NAME_RE.test(region) ? '1 to 63 lower-case letters, digits and hyphens.' : null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!NAME_RE.test(name) || !NAME_RE.test(region)) return;
    const result = await action.run(() =>
      createSite({ name, region, ...(description.trim() ? { description: description.trim() } : {}) }),
    );
    if (result.ok) onCreated(result.value);
  }

  return (
    <form className="form form--bordered" onSubmit={onSubmit} aria-label="New site">
      <h3 className="subheading">New site</h3>
      <TextField label="Site name" name="name" value={name} onChange={setName} error={action.error} message={nameMessage} placeholder="fra-1" required />
      <TextField label="Region" name="region" value={region} onChange={setRegion} error={action.error} message={regionMessage} placeholder="eu-central" required />
      <TextField label="Description (optional)" name="description" value={description} onChange={setDescription} error={action.error} />
      <FormError error={action.error} fields={['name', 'region', 'description']} />
      <div className="form__actions">
        <button type="submit" className="button" disabled={action.pending}>
          {action.pending ? 'Creating…' : 'Create site'}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

// ---------------------------------------------------------------- step 2

function sliceText(sizes: number[]) {
  return sizes.map((n) => (n === 0 ? 'the whole node' : `${n} GPU${n === 1 ? '' : 's'}`)).join(', ');
}

function ProfileStep({
  profile,
  onBack,
  onNext,
}: {
  profile: ProfileId | '';
  onBack: () => void;
  onNext: (profile: ProfileId) => void;
}) {
  const { state, reload } = useResource(['fleet', 'profiles'], (signal) => listNodeProfiles(signal));
  const [chosen, setChosen] = useState<ProfileId | ''>(profile);
  const profiles = state.status === 'ok' ? state.data.items : [];
  return (
    <div className="stack">
      <fieldset className="fieldset">
        <legend className="field__label">Profile</legend>
        <p className="muted small">How the node's GPUs are offered to workloads.</p>
        {state.status === 'loading' && <LoadingState label="Loading profiles…" />}
        {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
        {profiles.map((p) => (
          <label key={p.id} className="checkbox" data-testid={`profile-${p.id}`}>
            <input type="radio" name="profile" value={p.id} checked={chosen === p.id} onChange={() => setChosen(p.id)} />{' '}
            <strong>{p.title}</strong> <span className="muted small">— {p.description}</span>{' '}
            <span className="small">Slices: {sliceText(p.slice_sizes)}.</span>
          </label>
        ))}
      </fieldset>
      <StepActions>
        <BackButton onBack={onBack} />
        <button type="button" className="button button--primary" disabled={!chosen} onClick={() => chosen && onNext(chosen)}>
          Next: check prerequisites
        </button>
      </StepActions>
    </div>
  );
}

// ---------------------------------------------------------------- step 3

function PrerequisitesStep({ confirmed, onBack, onNext }: { confirmed: boolean; onBack: () => void; onNext: () => void }) {
  const [checked, setChecked] = useState<Set<string>>(() => new Set(confirmed ? PREREQUISITES.map((p) => p.id) : []));
  const all = PREREQUISITES.every((p) => checked.has(p.id));
  function toggle(id: string) {
    setChecked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }
  return (
    <div className="stack">
      <fieldset className="fieldset">
        <legend className="field__label">The host has</legend>
        {PREREQUISITES.map((p) => (
          <label key={p.id} className="checkbox">
            <input type="checkbox" checked={checked.has(p.id)} onChange={() => toggle(p.id)} /> {p.text}
          </label>
        ))}
      </fieldset>
      <p className="muted small">
        The agent checks these itself when it starts and refuses to enroll with a clear message when one is missing.
      </p>
      <StepActions>
        <BackButton onBack={onBack} />
        <button type="button" className="button button--primary" disabled={!all} onClick={onNext}>
          Next: generate a token
        </button>
      </StepActions>
    </div>
  );
}

// ---------------------------------------------------------------- step 4

function TokenStep({
  siteId,
  profile,
  onBack,
  onCreated,
}: {
  siteId: string;
  profile: ProfileId;
  onBack: () => void;
  onCreated: (created: CreatedBootstrapToken) => void;
}) {
  const [ttl, setTtl] = useState('60');
  const action = useAction();
  const sites = useResource(['fleet', 'sites'], (signal) => listSites(signal));
  const site = sites.state.status === 'ok' ? sites.state.data.items.find((s) => s.id === siteId) : undefined;
  const ttlNumber = Number.parseInt(ttl, 10);
  const ttlMessage = Number.isNaN(ttlNumber) || ttlNumber < 5 || ttlNumber > 10080 ? 'From 5 minutes to 7 days (10080).' : null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (ttlMessage) return;
    const result = await action.run(() => createBootstrapToken({ site_id: siteId, profile, ttl_minutes: ttlNumber }));
    if (result.ok) onCreated(result.value);
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Generate a bootstrap token">
      <KeyValue
        items={[
          { label: 'Site', value: site ? `${site.name} (${site.region})` : siteId },
          { label: 'Profile', value: profile },
        ]}
      />
      <TextField
        label="Valid for (minutes)"
        name="ttl_minutes"
        type="number"
        min={5}
        max={10080}
        value={ttl}
        onChange={setTtl}
        message={ttlMessage}
        error={action.error}
        hint="The token works once, until it expires. 60 minutes is plenty for a manual install."
      />
      <FormError error={action.error} fields={['ttl_minutes']} />
      <StepActions>
        <BackButton onBack={onBack} />
        <button type="submit" className="button button--primary" disabled={action.pending}>
          {action.pending ? 'Generating…' : 'Generate token'}
        </button>
      </StepActions>
    </form>
  );
}

// ---------------------------------------------------------------- step 5

function CommandStep({
  created,
  onNewToken,
  onNext,
}: {
  created: CreatedBootstrapToken | null;
  onNewToken: () => void;
  onNext: () => void;
}) {
  if (!created) {
    return (
      <div className="stack">
        <EmptyState title="The command was shown once and is not kept.">
          The token's secret exists only in the answer that created it. Watch the status if you already ran the command,
          or generate a new token.
        </EmptyState>
        <StepActions>
          <button type="button" className="button button--ghost" onClick={onNewToken}>
            Generate a new token
          </button>
          <button type="button" className="button button--primary" onClick={onNext}>
            Watch the enrollment
          </button>
        </StepActions>
      </div>
    );
  }
  return (
    <div className="stack">
      <p>
        Run this on the host as root. It installs nothing else: the agent enrolls with the token, stores its key and
        certificate in its data directory and connects back to this server.
      </p>
      <div data-testid="enroll-command">
        <CopyField label="Enrollment command" value={created.command} />
      </div>
      <section className="secret-panel" aria-labelledby="bootstrap-secret-title" data-testid="secret-panel">
        <h3 id="bootstrap-secret-title" className="secret-panel__title">
          Bootstrap token
        </h3>
        <p className="secret-panel__warning">
          Shown once: the server keeps only a hash. It works once, until{' '}
          <Time iso={created.token.expires_at} />.
        </p>
        <CopyField label="Bootstrap token" value={created.secret} hideLabel />
      </section>
      <StepActions>
        <button type="button" className="button button--primary" onClick={onNext}>
          I ran it: watch the enrollment
        </button>
      </StepActions>
    </div>
  );
}

// ---------------------------------------------------------------- steps 6 and 7

function StatusStep({
  tokenId,
  ready,
  onReady,
  onNewToken,
  onAnother,
}: {
  tokenId: string;
  ready: boolean;
  onReady: () => void;
  onNewToken: () => void;
  onAnother: () => void;
}) {
  const { state, reload, setData } = useLiveResource(
    ['fleet', 'bootstrap-token', tokenId],
    (signal) => getBootstrapToken(tokenId, signal),
    (s: BootstrapTokenStatus) => !s.progress.ready && (s.token.state === 'active' || s.token.state === 'used'),
    ONBOARD_POLL_MS,
  );
  const revoke = useAction();
  const navigate = useNavigate();
  const status = state.status === 'ok' ? state.data : null;
  const isReady = Boolean(status?.progress.ready);

  useEffect(() => {
    if (isReady && !ready) onReady();
  }, [isReady, ready, onReady]);

  if (state.status === 'loading') return <LoadingState label="Reading the enrollment status…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const { token, progress, node } = state.data;
  const dead = !progress.token_used && (token.state === 'expired' || token.state === 'revoked');

  async function onRevoke() {
    const result = await revoke.run(() => revokeBootstrapToken(token.id));
    if (result.ok) {
      setData((d) => ({ ...d, token: { ...d.token, state: 'revoked', revoked_at: new Date().toISOString() } }));
      reload();
    }
  }

  return (
    <div className="stack">
      <p className="small">
        Token <code>{token.id}</code> <StateBadge state={token.state} /> for site {token.site_name}, profile{' '}
        {token.profile}; expires <Time iso={token.expires_at} />.
        {!isReady && !dead && <span className="muted"> Checking every {ONBOARD_POLL_MS / 1000} s…</span>}
      </p>
      <ol className="plain-list wizard-progress" aria-label="Enrollment progress" aria-live="polite">
        {PROGRESS.map((p) => (
          <li key={p.key} data-testid="progress-item" data-key={p.key} data-done={progress[p.key]}>
            <span aria-hidden="true">{progress[p.key] ? '✓' : '○'}</span>{' '}
            <span className="visually-hidden">{progress[p.key] ? 'Done:' : 'Waiting:'}</span> {p.label}
          </li>
        ))}
      </ol>
      {dead && (
        <div className="notice" role="alert">
          This token is {token.state} and was never used. Generate a new one to enroll the host.
        </div>
      )}
      <FormError error={revoke.error} />
      {ready && node ? (
        <section className="stack" aria-labelledby="node-ready-title" data-testid="node-ready">
          <h3 id="node-ready-title" className="subheading">
            {node.name} is ready
          </h3>
          <KeyValue
            items={[
              { label: 'Hostname', value: node.hostname },
              { label: 'State', value: <StateBadge state={node.state} /> },
              { label: 'GPUs', value: node.gpu_count > 0 ? `${node.gpu_count} × ${node.gpu_model ?? 'unknown'}` : 'none' },
              { label: 'Simulated', value: node.simulated ? 'yes: simulated GPUs' : 'no' },
            ]}
          />
          <p className="small">
            Next: probe it or refresh its inventory from its operations, or cordon it until you are ready to schedule on it.
          </p>
          <StepActions>
            <Link className="button button--primary" to={nodePath(node.id)}>
              Open node {node.name}
            </Link>
            <button
              type="button"
              className="button"
              onClick={() => navigate(`${nodePath(node.id)}?tab=operations`)}
            >
              Its operations
            </button>
            <button type="button" className="button button--ghost" onClick={onAnother}>
              Onboard another node
            </button>
          </StepActions>
        </section>
      ) : (
        <StepActions>
          {token.state === 'active' && (
            <button type="button" className="button button--danger-outline" onClick={onRevoke} disabled={revoke.pending}>
              Revoke token
            </button>
          )}
          {(dead || token.state === 'active') && (
            <button type="button" className="button button--ghost" onClick={onNewToken}>
              Generate a new token
            </button>
          )}
          <Link className="button button--ghost" to={onboardPath()}>
            Start over
          </Link>
        </StepActions>
      )}
    </div>
  );
}
