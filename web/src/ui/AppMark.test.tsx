import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KNOWN_APP_SLUGS } from './appIdentity';
import { AppMark } from './AppMark';

describe('AppMark', () => {
  it('renders the mark as an image named by the app label, with tone and size classes', () => {
    render(<AppMark slug="vllm" size="lg" />);
    const mark = screen.getByRole('img', { name: 'vLLM' });
    expect(mark).toHaveTextContent('vL');
    expect(mark).toHaveClass('ui-app-mark', 'ui-app-mark--vllm', 'ui-app-mark--lg');
  });

  it('defaults to md and gives unknown apps the neutral custom identity', () => {
    render(<AppMark slug="my-model" />);
    const mark = screen.getByRole('img', { name: 'Custom image' });
    expect(mark).toHaveTextContent('MM');
    expect(mark).toHaveClass('ui-app-mark--neutral', 'ui-app-mark--md');
  });
});

// WCAG relative luminance / contrast ratio of two #rrggbb colours.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
function tokens(block: string): Map<string, string> {
  return new Map([...block.matchAll(/--(app-[a-z0-9-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1]!, m[2]!]));
}

describe('AppMark.css tones', () => {
  // Read from disk: Vitest stubs CSS imports (even ?raw) to empty strings.
  const css = readFileSync(join(__dirname, 'AppMark.css'), 'utf8');
  const darkAt = css.indexOf('@media (prefers-color-scheme: dark)');
  const light = tokens(css.slice(0, darkAt));
  const dark = tokens(css.slice(darkAt));

  it('defines a light and a dark pair for every tone, each with contrast >= 4.5:1', () => {
    expect(darkAt).toBeGreaterThan(0);
    for (const tone of [...KNOWN_APP_SLUGS, 'neutral']) {
      for (const [scheme, set] of [['light', light], ['dark', dark]] as const) {
        const bg = set.get(`app-${tone}-bg`);
        const fg = set.get(`app-${tone}-fg`);
        expect({ tone, scheme, bg: !!bg, fg: !!fg }).toEqual({ tone, scheme, bg: true, fg: true });
        expect(contrast(bg!, fg!), `${tone} ${scheme}`).toBeGreaterThanOrEqual(4.5);
      }
      expect(css).toContain(`.ui-app-mark--${tone} {`);
    }
  });
});
