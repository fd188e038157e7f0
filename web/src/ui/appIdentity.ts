/**
 * Seed rule "App Workloads Keep App Identity": one source for an app's mark,
 * tone, category and label, so an app looks the same on a card, a table row
 * and its detail page.
 */

/** CSS-safe tone names; AppMark.css defines `--app-<tone>-bg/-fg` for each. */
export type AppTone = 'jupyterlab' | 'vllm' | 'slurm' | 'rke2' | 'axolotl' | 'compute' | 'neutral';

export interface AppIdentity {
  slug: string;
  label: string;
  /** 1–2 letters ('GPU' for plain compute). */
  mark: string;
  tone: AppTone;
  category: string;
  /** Label of the one obvious next step on the app's detail page. */
  primaryActionLabel: string;
}

type KnownIdentity = Omit<AppIdentity, 'slug'>;

// A Map, not an object literal, so 'constructor' & co. are not "known apps".
const KNOWN = new Map<string, KnownIdentity>([
  ['jupyterlab', { label: 'JupyterLab', mark: 'Ju', tone: 'jupyterlab', category: 'notebooks', primaryActionLabel: 'Open JupyterLab' }],
  ['vllm', { label: 'vLLM', mark: 'vL', tone: 'vllm', category: 'inference', primaryActionLabel: 'Open endpoint' }],
  ['slurm', { label: 'Slurm', mark: 'Sl', tone: 'slurm', category: 'cluster scheduler', primaryActionLabel: 'Connect' }],
  ['rke2', { label: 'RKE2', mark: 'K8', tone: 'rke2', category: 'kubernetes', primaryActionLabel: 'Download kubeconfig' }],
  ['axolotl', { label: 'Axolotl', mark: 'Ax', tone: 'axolotl', category: 'fine-tuning', primaryActionLabel: 'View run' }],
  ['compute', { label: 'Compute', mark: 'GPU', tone: 'compute', category: 'compute', primaryActionLabel: 'Connect' }],
]);

export const KNOWN_APP_SLUGS: readonly string[] = [...KNOWN.keys()];

/** 'my-model' → 'MM', 'pytorch' → 'Py', '' → '?'. */
function customMark(slug: string): string {
  const words = slug.split(/[^a-z0-9]+/i).filter(Boolean);
  const [first, second] = words;
  if (!first) return '?';
  if (second) return (first.charAt(0) + second.charAt(0)).toUpperCase();
  return first.charAt(0).toUpperCase() + first.slice(1, 2).toLowerCase();
}

export function appIdentity(slug: string): AppIdentity {
  const key = slug.trim().toLowerCase();
  const known = KNOWN.get(key);
  if (known) return { slug: key, ...known };
  return {
    slug: key,
    label: 'Custom image',
    mark: customMark(key),
    tone: 'neutral',
    category: 'custom image',
    primaryActionLabel: 'Open',
  };
}
