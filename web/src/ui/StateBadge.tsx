import './StateBadge.css';

/** The five tones every resource family maps its states onto. */
export type StateTone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';

// One table for every family (instances, clusters, tokens, operations…) so a
// given word always has the same colour. Anything not listed is neutral.
const TONE_STATES: Record<Exclude<StateTone, 'neutral'>, readonly string[]> = {
  success: ['running', 'active', 'ready', 'succeeded', 'healthy', 'online', 'available', 'enabled', 'configured', 'valid'],
  info: [
    'pending',
    'queued',
    'provisioning',
    'starting',
    'creating',
    'in_progress',
    'enrolling',
    'cancelling',
    'stopping',
    'updating',
    'sent',
  ],
  warning: ['degraded', 'draining', 'maintenance', 'cordoned', 'expiring', 'locked', 'paused', 'suspended', 'renewal_due', 'stale'],
  danger: ['failed', 'error', 'unhealthy', 'offline', 'revoked', 'expired', 'out_of_capacity', 'missing', 'unsafe'],
};

const TONE_BY_STATE = new Map<string, StateTone>(
  Object.entries(TONE_STATES).flatMap(([tone, states]) => states.map((s) => [s, tone as StateTone] as const)),
);

/** 'In-Progress', 'in progress' and 'in_progress' are the same state. */
function normalise(state: string): string {
  return state.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export function stateTone(state: string): StateTone {
  return TONE_BY_STATE.get(normalise(state)) ?? 'neutral';
}

/** Human label: 'out_of_capacity' → 'Out of capacity'. */
export function stateLabel(state: string): string {
  const words = normalise(state).split('_').filter(Boolean).join(' ');
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Unknown';
}

export interface StateBadgeProps {
  state: string;
  /** Overrides the label derived from `state` (the tone still follows `state`). */
  label?: string;
}

export function StateBadge({ state, label }: StateBadgeProps) {
  const tone = stateTone(state);
  return (
    <span className={`ui-state-badge ui-state-badge--${tone}`} data-state={normalise(state)} data-tone={tone}>
      {/* The dot is decoration; the text carries the meaning, so colour is never the only cue. */}
      <span className="ui-state-badge__dot" aria-hidden="true" />
      {label ?? stateLabel(state)}
    </span>
  );
}
