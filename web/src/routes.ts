/**
 * The console's single route table. The left rail and the router are both
 * generated from this list, so adding or reordering a product group happens
 * here and nowhere else.
 */

export type GroupId =
  | 'workloads'
  | 'compute'
  | 'apps'
  | 'storage'
  | 'access'
  | 'account'
  | 'platform';

/** A tab inside a group or utility page, e.g. /account/security. */
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
  /** Tabs, when the group has live sub-pages; absent = a single pending page. */
  sections?: SubRoute[];
}

export interface UtilityRoute {
  kind: 'utility';
  path: string;
  label: string;
  /** Utility routes live outside the rail (top bar entries). */
  group: null;
  purpose: string;
  capabilities: string[];
  sections?: SubRoute[];
}

export type ConsoleRoute = GroupRoute | UtilityRoute;

/** Where "/" and the not-found view send people. */
export const HOME_PATH = '/workloads';

/** Public pages outside the shell (no session needed). */
export const LOGIN_PATH = '/login';
export const SIGNUP_PATH = '/signup';

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
    purpose: 'Operator tools for running this GPU cloud: setup, nodes, operations and the evidence behind them.',
    capabilities: ['Operator setup', 'Nodes', 'Operations', 'Evidence'],
    sections: [
      {
        path: '/platform',
        label: 'Overview',
        purpose: 'Operator setup, nodes and operations.',
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
];

export const allRoutes: readonly ConsoleRoute[] = [...groupRoutes, ...utilityRoutes];

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

/** The section of `route` that `pathname` is on (first section = the page's own path). */
export function activeSection(route: ConsoleRoute, pathname: string): SubRoute | undefined {
  const sections = route.sections ?? [];
  const clean = pathname.replace(/\/+$/, '') || '/';
  return sections.find((s, i) =>
    i === 0 ? clean === s.path : clean === s.path || clean.startsWith(`${s.path}/`),
  );
}
