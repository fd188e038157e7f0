// @vitest-environment node
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  containsColourLiteral,
  contrastRatio,
  findHardCodedColours,
  parseHex,
  parseThemeTokens,
  resolveToken,
  type TokenMap,
} from './tokens';

const here = dirname(fileURLToPath(import.meta.url));
const css = readFileSync(resolve(here, '../styles.css'), 'utf8');
const themes = parseThemeTokens(css);

/** Layout tokens (lengths, numbers) are not colours and live only in the light block. */
const isLayoutValue = (v: string) => /^-?[\d.]+(px|rem|em|%|ch|vh|vw)?$/.test(v.trim());
const colourTokenNames = (tokens: TokenMap) =>
  Object.keys(tokens).filter((name) => !isLayoutValue(tokens[name] ?? ''));

/** [foreground token, background token] pairs of text the UI renders: 4.5:1 (AA, normal text). */
const TONES = ['success', 'danger', 'warning', 'info', 'neutral', 'pending'] as const;
const TEXT_PAIRS: Array<[string, string]> = [
  ['--text', '--page-bg'],
  ['--text', '--surface'],
  ['--text', '--surface-raised'],
  ['--text', '--surface-hover'],
  ['--text', '--surface-sunken'],
  ['--text', '--input-bg'],
  ['--text', '--code-bg'],
  ['--text', '--code-block-bg'],
  ['--text-muted', '--surface'],
  ['--text-muted', '--page-bg'],
  ['--text-muted', '--surface-raised'],
  ['--text-muted', '--surface-sunken'],
  ['--text-muted', '--input-readonly-bg'],
  ['--accent-strong', '--surface'],
  ['--accent-strong', '--page-bg'],
  ['--accent-strong', '--surface-raised'],
  ['--link', '--surface'],
  ['--link', '--page-bg'],
  ['--link', '--info-bg'],
  // Status tones: their own pill/panel, and as plain text (errors, "blocked", "live").
  ...TONES.flatMap((t): Array<[string, string]> => [
    [`--${t}-fg`, `--${t}-bg`],
    [`--${t}-fg`, '--surface'],
    [`--${t}-fg`, '--page-bg'],
    ['--text', `--${t}-bg`],
  ]),
  // Rail and top bar.
  ['--rail-fg', '--rail-bg'],
  ['--rail-fg-strong', '--rail-bg'],
  ['--rail-fg-strong', '--rail-hover'],
  ['--rail-fg-strong', '--rail-active'],
  ['--topbar-fg', '--topbar-bg'],
  ['--topbar-fg-muted', '--topbar-bg'],
  ['--rail-fg', '--topbar-bg'],
  ['--topbar-accent', '--rail-hover'],
  ['--count-fg', '--count-bg'],
  // Filled buttons, at rest and hovered.
  ['--button-primary-fg', '--button-primary-bg'],
  ['--button-primary-fg', '--button-primary-hover'],
  ['--button-danger-fg', '--button-danger-bg'],
  ['--button-danger-fg', '--button-danger-hover'],
];

/** Non-text contrast (WCAG 1.4.11): 3:1. */
const NON_TEXT_PAIRS: Array<[string, string]> = [
  ['--focus', '--surface'],
  ['--focus', '--page-bg'],
  ['--focus', '--surface-raised'],
  ['--focus-inverse', '--rail-bg'],
  ['--focus-inverse', '--topbar-bg'],
  ['--input-border', '--surface'],
  ['--input-border', '--input-bg'],
];

describe('contrastRatio', () => {
  it('matches known WCAG values', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777', '#fff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#fff', '#777')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#123456', '#123456')).toBe(1);
  });

  it('parses #rgb and #rrggbb and rejects the rest', () => {
    expect(parseHex('#fa0')).toEqual({ r: 255, g: 170, b: 0 });
    expect(parseHex('#2F6FE4')).toEqual({ r: 47, g: 111, b: 228 });
    expect(() => parseHex('rgb(0, 0, 0)')).toThrow();
    expect(() => parseHex('#12345')).toThrow();
  });
});

describe('parseThemeTokens', () => {
  const sample = `
    /* :root { --commented: #123; } */
    :root { --a: #fff; --b: #000; --w: 10px; font-size: 15px; }
    .x { --not-root: #abc; color: var(--a); }
    @media (max-width: 1024px) { :root { --w: 8px; } }
    @media (prefers-color-scheme: dark) {
      :root { --a: #111; --b: var(--a); }
      .y { --nope: #fff; }
    }
    :root { --c: rgba(0, 0, 0, 0.5); }
  `;

  it('reads light from top-level :root blocks and dark from the dark media block', () => {
    const { light, dark } = parseThemeTokens(sample);
    expect(light).toEqual({ '--a': '#fff', '--b': '#000', '--w': '10px', '--c': 'rgba(0, 0, 0, 0.5)' });
    expect(dark).toEqual({ '--a': '#111', '--b': 'var(--a)' });
  });

  it('resolves var() references', () => {
    const { dark } = parseThemeTokens(sample);
    expect(resolveToken(dark, '--b')).toBe('#111');
    expect(() => resolveToken(dark, '--missing')).toThrow();
  });

  it('finds hard-coded colours outside the theme blocks only', () => {
    expect(findHardCodedColours(sample).map((f) => f.declaration)).toEqual([
      '--not-root: #abc',
      '--nope: #fff',
    ]);
    expect(containsColourLiteral('1px solid var(--border)')).toBe(false);
    expect(containsColourLiteral('transparent')).toBe(false);
    expect(containsColourLiteral('currentColor')).toBe(false);
    expect(containsColourLiteral('inherit')).toBe(false);
    expect(containsColourLiteral('0 0 4px rgba(0,0,0,.2)')).toBe(true);
    expect(containsColourLiteral('1px solid white')).toBe(true);
    expect(containsColourLiteral('#eaeef4')).toBe(true);
  });
});

describe('styles.css themes', () => {
  it('defines both a light and a dark theme and opts into both colour schemes', () => {
    expect(Object.keys(themes.light).length).toBeGreaterThan(20);
    expect(Object.keys(themes.dark).length).toBeGreaterThan(20);
    expect(css).toMatch(/:root\s*\{[^}]*color-scheme:\s*light dark\s*;/);
  });

  it('defines every colour token in both themes', () => {
    const lightColours = colourTokenNames(themes.light).sort();
    const darkNames = Object.keys(themes.dark).sort();
    expect(lightColours.filter((n) => !(n in themes.dark))).toEqual([]);
    expect(darkNames.filter((n) => !(n in themes.light))).toEqual([]);
    // Dark redefines colours only, never layout.
    expect(darkNames.filter((n) => isLayoutValue(themes.dark[n] ?? ''))).toEqual([]);
  });

  it('keeps the token names other stylesheets rely on', () => {
    const required = [
      '--rail-bg', '--rail-fg', '--rail-fg-strong', '--rail-hover', '--rail-active',
      '--accent', '--accent-strong', '--topbar-bg', '--topbar-border', '--page-bg',
      '--surface', '--border', '--text', '--text-muted', '--focus',
      ...TONES.flatMap((t) => [`--${t}-bg`, `--${t}-fg`]),
      '--rail-width', '--topbar-height', '--radius',
    ];
    expect(required.filter((n) => !(n in themes.light))).toEqual([]);
  });

  it('has no hard-coded colour outside the token blocks', () => {
    expect(findHardCodedColours(css)).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    describe(`${theme} theme`, () => {
      const tokens: TokenMap = { ...themes.light, ...themes[theme] };
      const ratio = (fg: string, bg: string) =>
        contrastRatio(resolveToken(tokens, fg), resolveToken(tokens, bg));

      it.each(TEXT_PAIRS)('%s on %s reaches 4.5:1', (fg, bg) => {
        expect(ratio(fg, bg)).toBeGreaterThanOrEqual(4.5);
      });

      it.each(NON_TEXT_PAIRS)('%s against %s reaches 3:1', (fg, bg) => {
        expect(ratio(fg, bg)).toBeGreaterThanOrEqual(3);
      });
    });
  }
});
