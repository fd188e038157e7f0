/** "" → null (the server default of 90 days); "30" → 30; anything else → undefined (invalid). */
export function parseExpiryDays(value: string): number | null | undefined {
  const v = value.trim();
  if (!v) return null;
  if (!/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 ? n : undefined;
}

/** Quota limit input: "" → null (unlimited); "8" → 8; anything else → undefined (invalid). */
export function parseLimit(value: string): number | null | undefined {
  const v = value.trim();
  if (!v) return null;
  if (!/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** A whole number from a form field, clamped to [low, high]; `fallback` when it is not a number. */
export function clampInt(value: string, low: number, high: number, fallback: number): number {
  const n = Number.parseInt(value, 10);
  if (Number.isNaN(n)) return fallback;
  return Math.min(high, Math.max(low, n));
}
