// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findRoute,
  groupRoutes,
  landingPathFor,
  railRoutesFor,
  routeInventory,
  type InventoryEntry,
} from './routes';

const SRC = new URL('.', import.meta.url).pathname;
const OWNERS = new Set(['workloads', 'compute', 'apps', 'storage', 'access', 'account', 'platform', 'utility']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.gen.ts') ? [path] : [];
  });
}

/**
 * Console paths written in the source: to="/x", to={'/x'}, to={`/x/${id}`},
 * href="/x", navigate('/x'), path: '/x' in link objects. Interpolations become
 * a placeholder segment; query and hash are dropped. Paths that start with an
 * interpolation (from the route table itself) cannot be checked statically.
 */
export function linkTargets(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bto=(?:"([^"]*)"|\{'([^']*)'\}|\{`([^`]*)`\})/g,
    /\bhref=(?:"([^"]*)"|\{'([^']*)'\}|\{`([^`]*)`\})/g,
    /\bnavigate\((?:'([^']*)'|`([^`]*)`)/g,
    /\bto: (?:'([^']*)'|`([^`]*)`)/g,
  ];
  for (const re of patterns) {
    for (const m of source.matchAll(re)) {
      const raw = m.slice(1).find((g) => g !== undefined) ?? '';
      if (!raw.startsWith('/') || raw.startsWith('//')) continue;
      // `/a/${id}` is a path segment; `/a${query}` appends a query string.
      const suffix = raw.search(/[^/]\$\{/);
      const path = suffix >= 0 ? raw.slice(0, suffix + 1) : raw;
      found.push(path.replace(/\$\{[^}]*\}/g, 'x').split(/[?#]/)[0] ?? '');
    }
  }
  return found;
}

/** Paths served by the server itself rather than the console router. */
function isServerPath(path: string) {
  return path.startsWith('/api/') || path.startsWith('/ws/');
}

describe('route inventory', () => {
  const inventory = routeInventory();

  it('gives every route an owner group and a back rule', () => {
    for (const entry of inventory) {
      expect(OWNERS.has(entry.owner), `${entry.path} owner ${entry.owner}`).toBe(true);
      expect(['rail', 'topbar', 'local-nav', 'parent']).toContain(entry.back.kind);
    }
  });

  it('has rail back rules only on the seven groups and parent targets that exist', () => {
    const byPath = new Map(inventory.map((e) => [e.path, e] as const));
    for (const entry of inventory) {
      const back = entry.back;
      if (back.kind === 'rail') expect(groupRoutes.map((g) => g.path)).toContain(entry.path);
      if (back.kind === 'local-nav') {
        const parent = byPath.get(back.parent);
        expect(parent, `${entry.path}: local nav of ${back.parent}`).toBeDefined();
        expect(parent?.owner).toBe(entry.owner);
      }
      if (back.kind === 'parent') {
        expect(back.label.length).toBeGreaterThan(0);
        expect(findRoute(back.to), `${entry.path}: back target ${back.to}`).not.toBeNull();
        expect(back.to).not.toBe(entry.path);
      }
    }
  });

  it('lists each path once', () => {
    const paths = inventory.map((e) => e.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('keeps the seven groups in rail order, Platform for platform admins only', () => {
    expect(groupRoutes.map((g) => g.label)).toEqual([
      'Workloads',
      'Compute',
      'Apps',
      'Storage',
      'Access',
      'Account',
      'Platform',
    ]);
    expect(railRoutesFor({ platform_admin: false }).map((g) => g.label)).not.toContain('Platform');
    expect(railRoutesFor({ platform_admin: true }).map((g) => g.label)).toContain('Platform');
  });

  it('lands platform admins on Platform and everyone else on Workloads', () => {
    expect(landingPathFor({ platform_admin: true })).toBe('/platform');
    expect(landingPathFor({ platform_admin: false })).toBe('/workloads');
  });

  it('resolves detail routes by pattern and refuses unknown paths', () => {
    expect(findRoute('/operations/op_123')?.path).toBe('/operations/:operationId');
    expect(findRoute('/access/quotas?project=p1')?.path).toBe('/access/quotas');
    expect(findRoute('/nowhere')).toBeNull();
    expect(findRoute('/access/nowhere')).toBeNull();
  });
});

describe('links in the console', () => {
  it('finds the link forms it is meant to check', () => {
    const sample = [
      '<Link to="/access/quotas?project=1">',
      '<Link to={`/operations/${op.id}`}>',
      '<Link to={`/access${q}`}>',
      "navigate('/evidence')",
      "action: { label: 'x', to: '/nowhere' }",
      '<a href="/api/openapi.json">',
    ].join('\n');
    expect(linkTargets(sample)).toEqual([
      '/access/quotas',
      '/operations/x',
      '/access',
      '/api/openapi.json',
      '/evidence',
      '/nowhere',
    ]);
  });

  it('point only at routes that exist', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(SRC)) {
      for (const target of linkTargets(readFileSync(file, 'utf8'))) {
        if (isServerPath(target)) continue;
        checked += 1;
        const entry: InventoryEntry | null = findRoute(target);
        if (!entry) broken.push(`${relative(SRC, file)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});
