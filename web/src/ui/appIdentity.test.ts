import { describe, expect, it } from 'vitest';
import { appIdentity, KNOWN_APP_SLUGS } from './appIdentity';

describe('appIdentity', () => {
  it.each([
    ['jupyterlab', 'JupyterLab', 'Ju', 'notebooks', 'Open JupyterLab'],
    ['vllm', 'vLLM', 'vL', 'inference', 'Open endpoint'],
    ['slurm', 'Slurm', 'Sl', 'cluster scheduler', 'Connect'],
    ['rke2', 'RKE2', 'K8', 'kubernetes', 'Download kubeconfig'],
    ['axolotl', 'Axolotl', 'Ax', 'fine-tuning', 'View run'],
    ['compute', 'Compute', 'GPU', 'compute', 'Connect'],
  ])('%s has its own identity', (slug, label, mark, category, primaryActionLabel) => {
    expect(appIdentity(slug)).toEqual({ slug, label, mark, tone: slug, category, primaryActionLabel });
  });

  it('is case- and whitespace-insensitive', () => {
    expect(appIdentity(' vLLM ')).toMatchObject({ slug: 'vllm', label: 'vLLM' });
  });

  it('gives anything else a neutral "Custom image" identity marked from the slug', () => {
    expect(appIdentity('my-model')).toEqual({
      slug: 'my-model',
      label: 'Custom image',
      mark: 'MM',
      tone: 'neutral',
      category: 'custom image',
      primaryActionLabel: 'Open',
    });
    expect(appIdentity('pytorch').mark).toBe('Py');
    expect(appIdentity('constructor').label).toBe('Custom image');
    expect(appIdentity('').mark).toBe('?');
  });

  it('keeps every mark short and every tone CSS-safe', () => {
    for (const slug of [...KNOWN_APP_SLUGS, 'some_custom.image']) {
      const id = appIdentity(slug);
      expect(id.mark.length).toBeGreaterThanOrEqual(1);
      expect(id.mark.length).toBeLessThanOrEqual(3);
      expect(id.tone).toMatch(/^[a-z][a-z0-9-]*$/);
    }
  });
});
