/**
 * The console's single route table. The left rail, the local navs, the router
 * and the route-inventory guard (routes.test.ts) are all generated from these
 * lists, so adding a page happens here and nowhere else.
 *
 * Every route has an owner (one of the seven rail groups, or "utility" for
 * top-bar pages) and a back rule saying how a user leaves it without the
 * browser's history: the rail, the top bar, its group's local nav, or a
 * parent route named in the table.
 */

import { matchPath } from 'react-router-dom';

export type GroupId =
  | 'workloads'
  | 'compute'
  | 'apps'
  | 'storage'
  | 'access'
  | 'account'
  | 'platform';

/** Who owns a route: a rail group, or the top bar for utility pages. */
export type RouteOwner = GroupId | 'utility';

/** A tab of a group's (or utility page's) local nav, e.g. /account/security. */
export interface SubRoute {
  /** Absolute client path; the first sub-route of a page is the page's own path. */
  path: string;
  label: string;
  /** What the tab is for (shown under the tab heading). */
  purpose: string;
}

export interface GroupRoute {
  kind: 'group';
  /** Absolute client path, e.g. "/storage". */
  path: string;
  /** Text shown in the rail and as the page h1. */
  label: string;
  group: GroupId;
  /** One sentence saying what the group is for. */
  purpose: string;
  /** What this group holds (or will hold once its backend exists). */
  capabilities: string[];
  /** Tabs, when the group has live sub-pages; absent = a single page. */
  sections?: SubRoute[];
  /** Shown in the rail only to platform admins. */
  adminOnly?: boolean;
}

export interface UtilityRoute {
  kind: 'utility';
  path: string;
  label: string;
  /** Utility routes live outside the rail (top bar and help menu entries). */
  group: null;
  purpose: string;
  capabilities: string[];
  sections?: SubRoute[];
}

export type ConsoleRoute = GroupRoute | UtilityRoute;

/** A stable way back from a page, never only the browser history. */
export type BackRule =
  /** A group's landing page: the rail is always there. */
  | { kind: 'rail' }
  /** A utility landing page: reached from the top bar or help menu. */
  | { kind: 'topbar' }
  /** A tab: the local nav of `parent` leads to its siblings. */
  | { kind: 'local-nav'; parent: string }
  /** A detail or overview page: its ResourceHeader links back to `to`. */
  | { kind: 'parent'; to: string; label: string };

/** Detail and overview routes (they have a ResourceHeader with a back link). */
export interface DetailRoute {
  kind: 'detail';
  /** Route pattern with :params, e.g. "/operations/:operationId". */
  path: string;
  label: string;
  owner: RouteOwner;
  purpose: string;
  back: { to: string; label: string };
  /** Only reachable in development builds (the primitive gallery). */
  devOnly?: boolean;
}

/** One row of the route inventory: every path the console answers. */
export interface InventoryEntry {
  path: string;
  label: string;
  owner: RouteOwner;
  back: BackRule;
  adminOnly: boolean;
  devOnly: boolean;
}

/** Where "/" sends people: their persona landing (see landingPathFor). */
export const HOME_PATH = '/';

/** Public pages outside the shell (no session needed). */
export const LOGIN_PATH = '/login';
export const SIGNUP_PATH = '/signup';

/** Persona landings: platform admins start on the Platform overview, everyone else on Workloads. */
export function landingPathFor(user: { platform_admin: boolean }): string {
  return user.platform_admin ? '/platform' : '/workloads';
}

/** The seven product groups, in rail order. */
export const groupRoutes: readonly GroupRoute[] = [
  {
    kind: 'group',
    path: '/workloads',
    label: 'Workloads',
    group: 'workloads',
    purpose:
      'Everything running or provisioning right now, compute workloads and apps alike, plus recent failures that need action.',
    capabilities: [
      'Running and provisioning compute workloads',
      'Running and provisioning apps',
      'Recent actionable failures',
    ],
  },
  {
    kind: 'group',
    path: '/compute',
    label: 'Compute',
    group: 'compute',
    purpose: 'The GPU SKUs on offer and the capacity available to launch on.',
    capabilities: ['GPU SKUs and their specifications', 'Available capacity per SKU', 'Launching compute'],
  },
  {
    kind: 'group',
    path: '/apps',
    label: 'Apps',
    group: 'apps',
    purpose: 'Catalog apps you can launch on GPU capacity without assembling them yourself.',
    capabilities: ['JupyterLab', 'vLLM', 'Slurm', 'RKE2', 'Axolotl', 'Custom OCI images'],
  },
  {
    kind: 'group',
    path: '/storage',
    label: 'Storage',
    group: 'storage',
    purpose: 'Shared buckets that workloads and apps read from and write to.',
    capabilities: ['Shared buckets', 'Bucket access from workloads and apps'],
  },
  {
    kind: 'group',
    path: '/access',
    label: 'Access',
    group: 'access',
    purpose: 'Who can do what: the organisation structure, identities, credentials and limits.',
    capabilities: [
      'Tenant and project memberships and roles',
      'Service accounts and their tokens',
      'Credentials overview: SSH keys, personal and service-account tokens',
      'Quotas: GPUs and workloads per project',
      'Entitlements: SKUs and apps per project',
    ],
    sections: [
      {
        path: '/access',
        label: 'Memberships',
        purpose: 'Who belongs to a tenant or project and with which role.',
      },
      {
        path: '/access/service-accounts',
        label: 'Service accounts',
        purpose: 'Non-human identities of a project and the tokens they authenticate with.',
      },
      {
        path: '/access/credentials',
        label: 'Credentials',
        purpose: 'Every credential you hold, with its expiry and last use. Secrets are never shown.',
      },
      {
        path: '/access/quotas',
        label: 'Quotas',
        purpose: 'How many GPUs and workloads a project may use, and which rule sets the limit.',
      },
      {
        path: '/access/entitlements',
        label: 'Entitlements',
        purpose: 'Which GPU SKUs and catalog apps a project may launch.',
      },
    ],
  },
  {
    kind: 'group',
    path: '/account',
    label: 'Account',
    group: 'account',
    purpose: 'Your own profile and security settings, your balance and billing.',
    capabilities: ['Profile and password', 'SSH keys and API tokens', 'Sessions', 'Balance', 'Billing'],
    sections: [
      {
        path: '/account',
        label: 'Profile',
        purpose: 'Your name, sign-in email, memberships and password.',
      },
      {
        path: '/account/security',
        label: 'Security',
        purpose: 'SSH keys for your workloads and API tokens for the CLI and automation.',
      },
      {
        path: '/account/sessions',
        label: 'Sessions',
        purpose: 'Where you are signed in to the console. Revoke any session you do not recognise.',
      },
      {
        path: '/account/billing',
        label: 'Balance & billing',
        purpose: 'Your prepaid balance and invoices.',
      },
    ],
  },
  {
    kind: 'group',
    path: '/platform',
    label: 'Platform',
    group: 'platform',
    adminOnly: true,
    purpose: 'Operator tools for running this GPU cloud: setup, nodes, operations and the evidence behind them.',
    capabilities: ['Operator setup', 'Nodes', 'Operations', 'Evidence'],
    sections: [
      {
        path: '/platform',
        label: 'Overview',
        purpose: 'Operator setup, nodes and operations.',
      },
      {
        path: '/platform/lifecycle',
        label: 'Lifecycle',
        purpose:
          'The fleet: every node with its state, what needs action (offline nodes, certificates, failed operations) and onboarding new ones.',
      },
      {
        path: '/platform/setup',
        label: 'Setup',
        purpose: 'What this installation still needs set up, who owns each item and the next step.',
      },
      {
        path: '/platform/users',
        label: 'Users',
        purpose: 'Every user of this installation: disable, enable or unlock one through an operation.',
      },
      {
        path: '/platform/evidence',
        label: 'Evidence',
        purpose: 'The platform-wide audit log: every mutation, who made it and its outcome.',
      },
    ],
  },
];

/** Routes reached from the top bar rather than the rail. */
export const utilityRoutes: readonly UtilityRoute[] = [
  {
    kind: 'utility',
    path: '/notifications',
    label: 'Notifications',
    group: null,
    purpose: 'Events and alerts about your workloads, apps and account, such as an operation that finished.',
    capabilities: ['Operation outcomes', 'Workload and app events', 'Account and billing alerts'],
  },
  {
    kind: 'utility',
    path: '/operations',
    label: 'Operations',
    group: null,
    purpose:
      'Lifecycle changes run as operations: their steps, timeline, outcome and evidence. You see the ones you started and those on resources you can see.',
    capabilities: ['Operation progress and timeline', 'Cancel and retry', 'Evidence links'],
  },
  {
    kind: 'utility',
    path: '/evidence',
    label: 'Evidence',
    group: null,
    purpose:
      'The audit log you are allowed to see: who did what to which target, from where, and whether it was allowed.',
    capabilities: ['Audit events with filters', 'Event details and pivots', 'CSV export'],
  },
  {
    kind: 'utility',
    path: '/developer',
    label: 'Developer resources',
    group: null,
    purpose: 'The HTTP API reference, the command-line tools and how to script against this cloud.',
    capabilities: ['API reference', 'CLI and agent downloads', 'Guides'],
    sections: [
      {
        path: '/developer',
        label: 'API reference',
        purpose: 'Every endpoint of /api/v1, read live from the OpenAPI document this server serves.',
      },
      {
        path: '/developer/downloads',
        label: 'Downloads',
        purpose: 'The gpuaas CLI and the node agent, and how to get them for this installation.',
      },
      {
        path: '/developer/docs',
        label: 'Guides',
        purpose: 'Sign in from the CLI, use API tokens and find your way around the console.',
      },
    ],
  },
];

export const allRoutes: readonly ConsoleRoute[] = [...groupRoutes, ...utilityRoutes];

/** Detail and overview pages, each with its owner and stable back target. */
export const detailRoutes: readonly DetailRoute[] = [
  {
    kind: 'detail',
    path: '/operations/:operationId',
    label: 'Operation',
    owner: 'utility',
    purpose: 'One operation: its steps, timeline, outcome and evidence.',
    back: { to: '/operations', label: 'Operations' },
  },
  {
    kind: 'detail',
    path: '/tenant/overview',
    label: 'Tenant overview',
    owner: 'access',
    purpose: 'Governance, spend, access and recent changes of the tenant you are working in.',
    back: { to: '/access', label: 'Access' },
  },
  {
    kind: 'detail',
    path: '/project/overview',
    label: 'Project overview',
    owner: 'access',
    purpose: 'Workloads, limits, members and recent changes of the project you are working in.',
    back: { to: '/access', label: 'Access' },
  },
  {
    kind: 'detail',
    path: '/platform/nodes/onboard',
    label: 'Onboard a node',
    owner: 'platform',
    purpose: 'Enroll a GPU host step by step: site, profile, prerequisites, a one-time token, the command and its live status.',
    back: { to: '/platform/lifecycle', label: 'Lifecycle' },
  },
  {
    kind: 'detail',
    path: '/platform/nodes/:nodeId',
    label: 'Node',
    owner: 'platform',
    purpose: 'One node: its posture, GPUs and telemetry, operations, activity, tasks and workloads.',
    back: { to: '/platform/lifecycle', label: 'Lifecycle' },
  },
  {
    kind: 'detail',
    path: '/dev/gallery',
    label: 'Design system gallery',
    owner: 'utility',
    purpose: 'Every console primitive with realistic examples (development builds only).',
    back: { to: '/', label: 'Console' },
    devOnly: true,
  },
];

/** The route-table entry of a group (throws on a typo, at import time of the page). */
export function groupRoute(group: GroupId): GroupRoute {
  const route = groupRoutes.find((r) => r.group === group);
  if (!route) throw new Error(`no route for group ${group}`);
  return route;
}

export function utilityRoute(path: string): UtilityRoute {
  const route = utilityRoutes.find((r) => r.path === path);
  if (!route) throw new Error(`no utility route ${path}`);
  return route;
}

export function detailRoute(path: string): DetailRoute {
  const route = detailRoutes.find((r) => r.path === path);
  if (!route) throw new Error(`no detail route ${path}`);
  return route;
}

/** The groups a user sees in the rail (Platform only for platform admins). */
export function railRoutesFor(user: { platform_admin: boolean }): GroupRoute[] {
  return groupRoutes.filter((r) => !r.adminOnly || user.platform_admin);
}

/** The section of `route` that `pathname` is on (first section = the page's own path). */
export function activeSection(route: ConsoleRoute, pathname: string): SubRoute | undefined {
  const sections = route.sections ?? [];
  const clean = pathname.replace(/\/+$/, '') || '/';
  return sections.find((s, i) =>
    i === 0 ? clean === s.path : clean === s.path || clean.startsWith(`${s.path}/`),
  );
}

/** Every route the console answers, flattened, with owner and back rule. */
export function routeInventory(): InventoryEntry[] {
  const entries: InventoryEntry[] = [];
  for (const route of allRoutes) {
    const owner: RouteOwner = route.kind === 'group' ? route.group : 'utility';
    const adminOnly = route.kind === 'group' && Boolean(route.adminOnly);
    entries.push({
      path: route.path,
      label: route.label,
      owner,
      back: route.kind === 'group' ? { kind: 'rail' } : { kind: 'topbar' },
      adminOnly,
      devOnly: false,
    });
    for (const section of (route.sections ?? []).slice(1)) {
      entries.push({
        path: section.path,
        label: section.label,
        owner,
        back: { kind: 'local-nav', parent: route.path },
        adminOnly,
        devOnly: false,
      });
    }
  }
  for (const route of detailRoutes) {
    entries.push({
      path: route.path,
      label: route.label,
      owner: route.owner,
      back: { kind: 'parent', ...route.back },
      adminOnly: false,
      devOnly: Boolean(route.devOnly),
    });
  }
  return entries;
}

/** The inventory entry answering `pathname` (query and hash ignored), or null. */
export function findRoute(pathname: string): InventoryEntry | null {
  const clean = (pathname.split(/[?#]/)[0] ?? '').replace(/\/+$/, '') || '/';
  if (clean === HOME_PATH) {
    return { path: HOME_PATH, label: 'Start', owner: 'utility', back: { kind: 'topbar' }, adminOnly: false, devOnly: false };
  }
  if (clean === LOGIN_PATH || clean === SIGNUP_PATH) {
    return { path: clean, label: 'Sign in', owner: 'utility', back: { kind: 'topbar' }, adminOnly: false, devOnly: false };
  }
  return routeInventory().find((entry) => matchPath({ path: entry.path, end: true }, clean)) ?? null;
}
