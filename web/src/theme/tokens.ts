/**
 * Theme token helpers: read the colour tokens out of styles.css and measure
 * WCAG 2.x contrast between them. Used by contrast.test.ts so that every
 * theme change is checked against AA, and small enough to need no CSS parser.
 */

export type TokenMap = Record<string, string>;

export interface ThemeTokens {
  /** Custom properties of the top-level `:root` blocks (the light theme). */
  light: TokenMap;
  /** Custom properties of `:root` inside `@media (prefers-color-scheme: dark)`. */
  dark: TokenMap;
}

interface CssBlock {
  prelude: string;
  body: string;
  /** Nested blocks (only parsed for at-rules such as @media). */
  children: CssBlock[];
  /** Offsets of the whole block, prelude included, in the source it came from. */
  start: number;
  end: number;
}

/** Replaces comments with spaces, keeping every offset where it was. */
function blankComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
}

/** Splits `css` (comments already blanked) into its top-level blocks. */
function parseBlocks(css: string, base = 0): CssBlock[] {
  const blocks: CssBlock[] = [];
  let preludeStart = 0;
  let i = 0;
  let quote: string | null = null;
  while (i < css.length) {
    const ch = css[i];
    if (quote) {
      if (ch === '\\') i += 1;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ';') {
      // A statement such as @import or @charset: not a block.
      preludeStart = i + 1;
    } else if (ch === '{') {
      const bodyStart = i + 1;
      let depth = 1;
      let j = bodyStart;
      let q: string | null = null;
      while (j < css.length && depth > 0) {
        const c = css[j];
        if (q) {
          if (c === '\\') j += 1;
          else if (c === q) q = null;
        } else if (c === '"' || c === "'") q = c;
        else if (c === '{') depth += 1;
        else if (c === '}') depth -= 1;
        j += 1;
      }
      const prelude = css.slice(preludeStart, i).trim();
      const body = css.slice(bodyStart, j - 1);
      const start = base + preludeStart + (css.slice(preludeStart, i).length - css.slice(preludeStart, i).trimStart().length);
      blocks.push({
        prelude,
        body,
        children: prelude.startsWith('@') ? parseBlocks(body, base + bodyStart) : [],
        start,
        end: base + j,
      });
      i = j;
      preludeStart = j;
      continue;
    } else if (ch === '}') {
      preludeStart = i + 1;
    }
    i += 1;
  }
  return blocks;
}

/** The custom properties (`--name: value`) declared directly in a block body. */
function customProperties(body: string): TokenMap {
  const out: TokenMap = {};
  for (const decl of body.split(';')) {
    const m = /^\s*(--[A-Za-z0-9_-]+)\s*:\s*([\s\S]*?)\s*$/.exec(decl);
    if (m && m[1] && m[2] !== undefined) out[m[1]] = m[2].replace(/\s+/g, ' ');
  }
  return out;
}

const isRoot = (b: CssBlock) => b.prelude === ':root';
const isDarkMedia = (b: CssBlock) =>
  /^@media\b/i.test(b.prelude) && /prefers-color-scheme\s*:\s*dark/i.test(b.prelude);

/**
 * Light tokens: every top-level `:root` block merged in source order.
 * Dark tokens: every `:root` inside an `@media (prefers-color-scheme: dark)` block.
 * Other media `:root` blocks (e.g. a narrower --rail-width) belong to neither.
 */
export function parseThemeTokens(css: string): ThemeTokens {
  const blocks = parseBlocks(blankComments(css));
  const light: TokenMap = {};
  const dark: TokenMap = {};
  for (const block of blocks) {
    if (isRoot(block)) Object.assign(light, customProperties(block.body));
    else if (isDarkMedia(block)) {
      for (const child of block.children) {
        if (isRoot(child)) Object.assign(dark, customProperties(child.body));
      }
    }
  }
  return { light, dark };
}

/**
 * Follows `var(--x)` references (with an optional fallback) until a plain
 * value is reached. Throws on an unknown token or a reference cycle.
 */
export function resolveToken(tokens: TokenMap, name: string): string {
  const seen = new Set<string>();
  let value = tokens[name];
  let current = name;
  for (;;) {
    if (value === undefined) throw new Error(`token ${current} is not defined`);
    const m = /^var\(\s*(--[A-Za-z0-9_-]+)\s*(?:,\s*([\s\S]+))?\)$/.exec(value.trim());
    if (!m || !m[1]) return value.trim();
    if (seen.has(m[1])) throw new Error(`token ${name} has a var() cycle`);
    seen.add(m[1]);
    current = m[1];
    value = tokens[m[1]] ?? m[2];
  }
}

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Parses #rgb or #rrggbb (case-insensitive). Anything else is an error. */
export function parseHex(colour: string): Rgb {
  const hex = colour.trim().toLowerCase();
  let m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(hex);
  if (m && m[1] && m[2] && m[3]) {
    return {
      r: parseInt(m[1] + m[1], 16),
      g: parseInt(m[2] + m[2], 16),
      b: parseInt(m[3] + m[3], 16),
    };
  }
  m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(hex);
  if (m && m[1] && m[2] && m[3]) {
    return { r: parseInt(m[1], 16), g: parseInt(m[2], 16), b: parseInt(m[3], 16) };
  }
  throw new Error(`not an opaque #rgb/#rrggbb colour: ${colour}`);
}

/** WCAG 2.x relative luminance of an sRGB colour. */
export function relativeLuminance(colour: string): number {
  const { r, g, b } = parseHex(colour);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2.x contrast ratio, 1 to 21; the order of the two colours does not matter. */
export function contrastRatio(fg: string, bg: string): number {
  const a = relativeLuminance(fg);
  const b = relativeLuminance(bg);
  const [hi, lo] = a >= b ? [a, b] : [b, a];
  return (hi + 0.05) / (lo + 0.05);
}

/** CSS named colours (CSS Color 4), matched as whole words in declaration values. */
const NAMED_COLOURS = (
  'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue ' +
  'blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk ' +
  'crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki ' +
  'darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen ' +
  'darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue ' +
  'dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite ' +
  'gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki ' +
  'lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan ' +
  'lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen ' +
  'lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen ' +
  'magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen ' +
  'mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream ' +
  'mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid ' +
  'palegoldenrod palegreen paleturquoise palevioletred papayawhip peru pink plum powderblue ' +
  'purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell ' +
  'sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal ' +
  'thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen ' +
  // System colours are still hard-coded colours as far as theming goes.
  'canvas canvastext linktext visitedtext activetext buttonface buttontext buttonborder field ' +
  'fieldtext highlight highlighttext selecteditem selecteditemtext mark marktext graytext accentcolor accentcolortext'
).split(/\s+/);

const COLOUR_FUNCTION = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|light-dark)\s*\(/i;
const HEX_COLOUR = /#[0-9a-f]{3,8}\b/i;
const NAMED_COLOUR = new RegExp(`(?<![\\w-])(?:${NAMED_COLOURS.join('|')})(?![\\w-])`, 'i');

/**
 * Whether a declaration value spells a colour itself. `var(...)` references,
 * quoted strings, `transparent`, `currentColor` and `inherit` are fine.
 */
export function containsColourLiteral(value: string): boolean {
  const v = value
    .replace(/var\(\s*--[A-Za-z0-9_-]+/g, 'var(')
    .replace(/'[^']*'|"[^"]*"/g, "''");
  return HEX_COLOUR.test(v) || COLOUR_FUNCTION.test(v) || NAMED_COLOUR.test(v);
}

export interface HardCodedColour {
  line: number;
  declaration: string;
}

/** Properties whose values are font names, never colours (e.g. a font called "Gold"). */
const NON_COLOUR_PROPERTIES = /^(?:font-family|font|content|grid-template-areas|grid-area|animation-name|counter-reset|counter-increment|quotes)$/i;

/**
 * Every declaration outside the theme token blocks (the top-level `:root`
 * blocks and the `:root` inside the `prefers-color-scheme: dark` media block) whose value is a
 * hard-coded colour. An empty list means the stylesheet is fully tokenised.
 */
export function findHardCodedColours(css: string): HardCodedColour[] {
  const blanked = blankComments(css);
  const blocks = parseBlocks(blanked);
  // Blank out the theme blocks, keeping offsets (and so line numbers).
  let rest = blanked;
  const blank = (start: number, end: number) => {
    rest = rest.slice(0, start) + rest.slice(start, end).replace(/[^\n]/g, ' ') + rest.slice(end);
  };
  for (const block of blocks) {
    if (isRoot(block)) blank(block.start, block.end);
    else if (isDarkMedia(block)) {
      for (const child of block.children) if (isRoot(child)) blank(child.start, child.end);
    }
  }
  const found: HardCodedColour[] = [];
  // A declaration: `property: value` ended by ; or }, not crossing a { (selectors).
  const decl = /([A-Za-z-]+)\s*:\s*([^;{}]+)/g;
  const bodies = /\{([^{}]*)\}/g;
  for (let b = bodies.exec(rest); b; b = bodies.exec(rest)) {
    const body = b[1] ?? '';
    const bodyOffset = b.index + 1;
    decl.lastIndex = 0;
    for (let d = decl.exec(body); d; d = decl.exec(body)) {
      const prop = d[1] ?? '';
      const value = d[2] ?? '';
      if (NON_COLOUR_PROPERTIES.test(prop)) continue;
      if (containsColourLiteral(value)) {
        const offset = bodyOffset + d.index;
        found.push({
          line: rest.slice(0, offset).split('\n').length,
          declaration: `${prop}: ${value.trim()}`,
        });
      }
    }
  }
  return found;
}
