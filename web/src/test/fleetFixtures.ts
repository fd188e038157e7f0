import type { BootstrapTokenStatus, GpuInfo, HostInventory, NodeDetail, NodePage, NodeSummary } from '../api/fleet';
import type { CatalogOperation, OperationCatalog } from '../api/operations';

export function nodeSummary(overrides: Partial<NodeSummary> = {}): NodeSummary {
  return {
    id: 'nod_1',
    name: 'gpu-fra-01',
    hostname: 'gpu-fra-01.lab',
    site_id: 'site_fra',
    site_name: 'fra-1',
    profile: 'standard',
    state: 'online',
    connected: true,
    schedulable: true,
    simulated: false,
    gpu_model: 'NVIDIA H100 80GB HBM3',
    gpu_count: 8,
    agent_version: '0.1.0',
    last_heartbeat_at: '2026-11-23T10:00:00Z',
    certificate: { state: 'valid', not_after: '2026-11-30T10:00:00Z' },
    enrolled_at: '2026-11-23T09:00:00Z',
    updated_at: '2026-11-23T10:00:00Z',
    ...overrides,
  };
}

export function nodePage(items: NodeSummary[], overrides: Partial<NodePage> = {}): NodePage {
  const count = (s: NodeSummary['state']) => items.filter((n) => n.state === s).length;
  return {
    items,
    next_cursor: null,
    counts: {
      total: items.length,
      enrolling: count('enrolling'),
      online: count('online'),
      offline: count('offline'),
      cordoned: count('cordoned'),
      draining: count('draining'),
      retired: count('retired'),
    },
    ...overrides,
  };
}

export function gpu(index: number, overrides: Partial<GpuInfo> = {}): GpuInfo {
  return {
    index,
    uuid: `GPU-sim-${index}`,
    model: 'NVIDIA H100 80GB HBM3',
    memory_total_mib: 81559,
    memory_used_mib: 0,
    utilization_pct: 0,
    temperature_c: 31,
    power_draw_w: 70,
    power_limit_w: 700,
    ecc_uncorrected: 0,
    pci_bus_id: `00000000:0${index}:00.0`,
    sm_clock_mhz: 1980,
    max_sm_clock_mhz: 1980,
    ...overrides,
  };
}

export function inventory(overrides: Partial<HostInventory> = {}): HostInventory {
  return {
    hostname: 'gpu-fra-01.lab',
    cpu_model: 'AMD EPYC 9654',
    cpu_cores: 192,
    memory_total_mib: 1048576,
    disk_total_gib: 3500,
    disk_free_gib: 3000,
    os_name: 'Ubuntu',
    os_version: '24.04',
    kernel: '6.8.0-45-generic',
    agent_version: '0.1.0',
    runtimes: ['process'],
    gpu_source: 'nvml',
    simulated: false,
    driver_version: '580.65.06',
    cuda_version: '13.0',
    gpus: [gpu(0), gpu(1)],
    ...overrides,
  };
}

export function nodeDetail(overrides: Partial<NodeDetail> = {}): NodeDetail {
  return {
    ...nodeSummary({ gpu_count: 2 }),
    posture: {
      desired_agent_version: '0.1.0',
      version_drift: false,
      heartbeat_interval_seconds: 10,
      offline_after_seconds: 30,
      connected_since: '2026-11-23T09:00:05Z',
      certificate: {
        state: 'valid',
        serial: '0a1b2c',
        not_before: '2026-11-23T08:55:00Z',
        not_after: '2026-11-30T09:00:00Z',
        age_seconds: 3600,
        renewal_due_at: '2026-11-28T01:00:00Z',
        last_renewal_at: null,
        last_renewal_error: null,
      },
    },
    inventory: inventory(),
    telemetry: {
      at: '2026-11-23T10:00:00Z',
      gpus: [
        { index: 0, memory_used_mib: 2048, utilization_pct: 87, temperature_c: 64, power_draw_w: 512.4, ecc_uncorrected: 0 },
        { index: 1, memory_used_mib: 0, utilization_pct: null, temperature_c: 33, power_draw_w: null, ecc_uncorrected: null },
      ],
    },
    slots: [
      { id: 'slot-0', size: 1, gpu_indexes: [0], state: 'free' },
      { id: 'slot-1', size: 1, gpu_indexes: [1], state: 'free' },
    ],
    capabilities: ['runtime.process', 'gpu.nvml'],
    workloads: [],
    ...overrides,
  };
}

function nodeOp(kind: string, intent: CatalogOperation['intent'], overrides: Partial<CatalogOperation> = {}): CatalogOperation {
  return {
    kind,
    title: kind,
    description: `${kind} on the node`,
    intent,
    danger: 'safe',
    confirmation: 'none',
    confirmation_text: null,
    expected_result: 'It happens.',
    failure_path: 'Retry it.',
    evidence: ['audit', 'activity'],
    cancellable: false,
    steps: [{ name: 'act', title: 'Act' }],
    preconditions: [],
    permitted: true,
    not_permitted_reason: null,
    available: true,
    ...overrides,
  } as CatalogOperation;
}

export function nodeCatalog(name = 'gpu-fra-01', id = 'nod_1'): OperationCatalog {
  return {
    target: { type: 'node', id, name, link: `/platform/nodes/${id}` },
    operations: [
      nodeOp('node.probe', 'inspect', { title: 'Probe' }),
      nodeOp('node.cordon', 'maintenance', { title: 'Cordon' }),
      nodeOp('node.retire', 'destructive', {
        title: 'Retire node',
        danger: 'destructive',
        confirmation: 'typed',
        confirmation_text: name,
      }),
    ],
  };
}

export function tokenStatus(progress: Partial<BootstrapTokenStatus['progress']> = {}, ready = false): BootstrapTokenStatus {
  const all = {
    token_used: false,
    enrolled: false,
    first_heartbeat: false,
    certificate_valid: false,
    inventory_received: false,
    ready: false,
    ...progress,
  };
  return {
    token: {
      id: 'bt_1',
      site_id: 'site_fra',
      site_name: 'fra-1',
      profile: 'standard',
      purpose: 'enroll',
      node_id: all.enrolled ? 'nod_1' : null,
      state: all.token_used ? 'used' : 'active',
      created_by: 'alice@example.com',
      created_at: '2026-11-23T10:00:00Z',
      expires_at: '2026-11-23T11:00:00Z',
      used_at: all.token_used ? '2026-11-23T10:01:00Z' : null,
      revoked_at: null,
    },
    progress: all,
    node: all.enrolled ? nodeSummary({ simulated: ready }) : null,
  };
}
