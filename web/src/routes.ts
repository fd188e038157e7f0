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

export interface GroupRoute {
  kind: 'group';
  /** Absolute client path, e.g. "/storage". */
  path: string;
  /** Text shown in the rail and as the page h1. */
  label: string;
  group: GroupId;
  /** One sentence saying what the group is for. */
  purpose: string;
  /** What this group will hold once its backend exists. */
  capabilities: string[];
}

export interface UtilityRoute {
  kind: 'utility';
  path: string;
  label: string;
  /** Utility routes live outside the rail (top bar entries). */
  group: null;
  purpose: string;
  capabilities: string[];
}

export type ConsoleRoute = GroupRoute | UtilityRoute;

/** Where "/" and the not-found view send people. */
export const HOME_PATH = '/workloads';

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
      'Tenants',
      'Projects',
      'Members',
      'Service accounts',
      'SSH keys',
      'API tokens',
      'Quotas',
    ],
  },
  {
    kind: 'group',
    path: '/account',
    label: 'Account',
    group: 'account',
    purpose: 'Your own profile and security settings, your balance and billing.',
    capabilities: ['Profile', 'Security', 'Balance', 'Billing'],
  },
  {
    kind: 'group',
    path: '/platform',
    label: 'Platform',
    group: 'platform',
    purpose: 'Operator tools for running this GPU cloud: setup, nodes, operations and the evidence behind them.',
    capabilities: ['Operator setup', 'Nodes', 'Operations', 'Evidence'],
  },
];

/** Routes reached from the top bar rather than the rail. */
export const utilityRoutes: readonly UtilityRoute[] = [
  {
    kind: 'utility',
    path: '/notifications',
    label: 'Notifications',
    group: null,
    purpose: 'Events and alerts about your workloads, apps and account.',
    capabilities: ['Workload and app events', 'Account and billing alerts'],
  },
];

export const allRoutes: readonly ConsoleRoute[] = [...groupRoutes, ...utilityRoutes];
