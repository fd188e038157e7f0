// The fleet, end to end (run from console.e2e.mjs, counted in its summary),
// with the real agent binary on this machine:
//   - Platform → Lifecycle → "Onboard a node" opens the wizard; as the admin,
//     a site is created inline, the standard profile chosen, the
//     prerequisites confirmed and a bootstrap token generated
//   - the `--token` value is read from the command the server returned
//   - `gpuaas-agent enroll --token <T> --data-dir <tmp> --simulate-gpus 8xH100`
//     runs to exit 0, then `gpuaas-agent run --data-dir <tmp>` stays up
//   - the wizard's live status reaches "Ready" (every progress step done)
//   - its link opens the node's page, which says "Simulated GPUs"
//   - node.cordon started from the node's operations card makes the node's
//     state "Cordoned"
// The agent is killed at the end whatever happened. Binary:
// GPUAAS_AGENT_BIN, default <repo>/build/apps/gpuaas-agent.
// Screenshots: fleet-*.png in web/e2e-artifacts/.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const AGENT_BIN =
  process.env.GPUAAS_AGENT_BIN || fileURLToPath(new URL('../../build/apps/gpuaas-agent', import.meta.url));
const ENROLL_TIMEOUT_MS = Number(process.env.E2E_ENROLL_TIMEOUT_MS || 30_000);
const READY_TIMEOUT_MS = Number(process.env.E2E_READY_TIMEOUT_MS || 60_000);
const OPERATION_TIMEOUT_MS = Number(process.env.E2E_OPERATION_TIMEOUT_MS || 20_000);

/** The `--token` argument of a shell command line (bare, or in single or double quotes). */
export function tokenFromCommand(command) {
  const match = /--token(?:=|\s+)(?:'([^']+)'|"([^"]+)"|(\S+))/.exec(command);
  return match ? (match[1] ?? match[2] ?? match[3]) : null;
}

/** Run the agent to completion; resolves with its exit code and output. */
function runAgent(args, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(AGENT_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: -1, output: `${output}${err.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? `signal ${signal}` : -1), output });
    });
  });
}

/** Stop a long-running agent: TERM, then KILL after 3 s. */
async function stopAgent(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('close', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

function lastLines(text, n = 6) {
  return text.trim().split('\n').slice(-n).join(' | ');
}

async function stepHeading(page, n, title) {
  await page
    .getByRole('heading', { level: 2, name: `Step ${n} of 7: ${title}`, exact: true })
    .waitFor({ state: 'visible' });
}

export async function fleetChecks({ page, stamp, check, assert, shot }) {
  const siteName = `e2e-${stamp}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'gpuaas-e2e-agent-'));
  let agent = null;
  let agentLog = '';
  let token = '';
  let nodeName = '';
  let nodeId = '';
  let blocked = null;

  /** A check that only runs when the previous steps worked. */
  async function step(name, fn) {
    if (blocked) return check(name, async () => assert(false, `not run: ${blocked}`));
    const ok = await check(name, fn);
    if (!ok) blocked = `"${name}" failed`;
    return ok;
  }

  try {
    await step('fleet: Lifecycle → Onboard a node opens the wizard', async () => {
      await page
        .getByRole('navigation', { name: 'Product groups' })
        .getByRole('link', { name: 'Platform', exact: true })
        .click();
      await page
        .getByRole('navigation', { name: 'Platform sections' })
        .getByRole('link', { name: 'Lifecycle', exact: true })
        .click();
      await page.waitForURL((url) => url.pathname === '/platform/lifecycle');
      await page.getByRole('table', { name: 'Nodes' }).or(page.getByText('No nodes in this fleet yet.')).first().waitFor();
      await shot(page, 'fleet-lifecycle-before');
      await page.getByTestId('onboard-node').click();
      await page.waitForURL((url) => url.pathname === '/platform/nodes/onboard');
      await stepHeading(page, 1, 'Site and mode');
      const ssh = page.getByTestId('mode-ssh').getByRole('radio');
      assert(await ssh.isDisabled(), 'SSH push should be disabled (pending configuration)');
    });

    await step('fleet: wizard creates a site inline, picks standard, confirms prerequisites', async () => {
      const form = page.getByRole('form', { name: 'New site' });
      const another = page.getByRole('button', { name: 'Create another site' });
      // The sites load first: no site shows the form at once, otherwise a button opens it.
      await form.or(another).first().waitFor({ state: 'visible' });
      if (!(await form.isVisible())) await another.click();
      await form.getByLabel('Site name', { exact: true }).fill(siteName);
      await form.getByLabel('Region', { exact: true }).fill('e2e');
      await form.getByLabel('Description (optional)', { exact: true }).fill('created by the console e2e test');
      await form.getByRole('button', { name: 'Create site' }).click();
      const radio = page.getByRole('radio', { name: new RegExp(`^${siteName}\\b`) });
      await radio.waitFor({ state: 'visible' });
      assert(await radio.isChecked(), `the new site ${siteName} is not selected`);
      await shot(page, 'fleet-wizard-1-site');
      await page.getByRole('button', { name: 'Next: choose a profile' }).click();
      await page.waitForURL((url) => url.searchParams.get('step') === '2' && url.searchParams.has('site'));

      await stepHeading(page, 2, 'Profile');
      await page.getByTestId('profile-standard').getByRole('radio').check();
      await page.getByRole('button', { name: 'Next: check prerequisites' }).click();

      await stepHeading(page, 3, 'Prerequisites');
      const boxes = page.getByTestId('wizard-step').getByRole('checkbox');
      const n = await boxes.count();
      assert(n === 4, `expected 4 prerequisites, found ${n}`);
      for (let i = 0; i < n; i += 1) await boxes.nth(i).check();
      await shot(page, 'fleet-wizard-3-prerequisites');
      await page.getByRole('button', { name: 'Next: generate a token' }).click();
      await stepHeading(page, 4, 'Token');
    });

    await step('fleet: a bootstrap token and the exact command, secret shown once', async () => {
      await page.getByRole('button', { name: 'Generate token' }).click();
      await stepHeading(page, 5, 'Command');
      const url = new URL(page.url());
      assert(url.searchParams.get('token'), 'the token id is not in the URL');
      const command = await page.getByLabel('Enrollment command', { exact: true }).inputValue();
      token = tokenFromCommand(command) ?? '';
      assert(token, `no --token in the command: ${command}`);
      const secret = await page.getByRole('textbox', { name: 'Bootstrap token', exact: true }).inputValue();
      assert(secret === token, 'the secret shown differs from the command\'s --token');
      await shot(page, 'fleet-wizard-5-command');
    });

    await step('fleet: the real agent enrolls with simulated GPUs and runs', async () => {
      assert(existsSync(AGENT_BIN), `no agent binary at ${AGENT_BIN} (set GPUAAS_AGENT_BIN)`);
      const enroll = await runAgent(
        ['enroll', '--token', token, '--data-dir', dataDir, '--simulate-gpus', '8xH100'],
        ENROLL_TIMEOUT_MS,
      );
      assert(enroll.code === 0, `gpuaas-agent enroll exited ${enroll.code}: ${lastLines(enroll.output)}`);
      agent = spawn(AGENT_BIN, ['run', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
      agent.stdout.on('data', (d) => (agentLog += d));
      agent.stderr.on('data', (d) => (agentLog += d));
      // Still up after a moment: it connected instead of failing at start.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      assert(agent.exitCode === null, `gpuaas-agent run exited ${agent.exitCode}: ${lastLines(agentLog)}`);
    });

    await step('fleet: the live status reaches Ready', async () => {
      await page.getByRole('button', { name: 'I ran it: watch the enrollment' }).click();
      await stepHeading(page, 6, 'Live status').catch(() => {});
      try {
        await page
          .getByRole('heading', { level: 2, name: 'Step 7 of 7: Ready', exact: true })
          .waitFor({ state: 'visible', timeout: READY_TIMEOUT_MS });
      } catch {
        const pending = await page.locator('[data-testid="progress-item"][data-done="false"]').allTextContents();
        throw new Error(`not ready after ${READY_TIMEOUT_MS} ms; waiting on: ${pending.join(', ')}; agent: ${lastLines(agentLog, 3)}`);
      }
      const done = await page.locator('[data-testid="progress-item"]').evaluateAll((els) =>
        els.map((el) => el.getAttribute('data-done')),
      );
      assert(done.length === 6 && done.every((d) => d === 'true'), `progress: ${done.join(',')}`);
      const ready = page.getByTestId('node-ready');
      const heading = (await ready.getByRole('heading').first().textContent()) ?? '';
      nodeName = heading.replace(/ is ready$/, '').trim();
      assert(nodeName, 'the ready panel names no node');
      await shot(page, 'fleet-wizard-7-ready');
    });

    await step('fleet: the node page says "Simulated GPUs"', async () => {
      await page.getByRole('link', { name: `Open node ${nodeName}`, exact: true }).click();
      await page.waitForURL((url) => /^\/platform\/nodes\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/onboard'));
      nodeId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
      await page.getByRole('heading', { level: 1, name: nodeName, exact: true }).waitFor();
      await page.getByText('Simulated GPUs', { exact: true }).first().waitFor({ state: 'visible' });
      await page.getByRole('tab', { name: 'GPUs and telemetry' }).click();
      const rows = page.getByRole('table', { name: 'GPUs' }).locator('tbody tr');
      await rows.first().waitFor();
      const count = await rows.count();
      assert(count === 8, `expected 8 simulated GPUs, found ${count}`);
      await shot(page, 'fleet-node-gpus');
      await page.getByRole('tab', { name: 'Overview' }).click();
      await shot(page, 'fleet-node-overview');
    });

    await step('fleet: node.cordon from the operations card makes the node cordoned', async () => {
      await page.getByRole('tab', { name: 'Operations' }).click();
      const card = page.getByTestId('operations-card');
      const cordon = card.locator('[data-testid="operation"][data-kind="node.cordon"]');
      await cordon.waitFor({ state: 'visible' });
      const retire = card.locator('[data-testid="operation"][data-kind="node.retire"]');
      assert((await retire.count()) === 1, 'node.retire is not in the catalogue');
      await cordon.getByRole('button').first().click();
      const dialog = page.getByRole('dialog');
      if (await dialog.isVisible().catch(() => false)) {
        const typed = dialog.getByRole('textbox');
        if ((await typed.count()) > 0) await typed.fill(nodeName);
        await dialog.locator('button[type="submit"]').click();
      }
      const header = page.locator('.ui-resource-header');
      await header
        .locator('[data-state="cordoned"]')
        .waitFor({ state: 'visible', timeout: OPERATION_TIMEOUT_MS })
        .catch(async () => {
          const state = await header.locator('[data-state]').first().getAttribute('data-state');
          throw new Error(`node ${nodeId} is "${state}", not cordoned, after ${OPERATION_TIMEOUT_MS} ms`);
        });
      await shot(page, 'fleet-node-cordoned');
    });
  } finally {
    await stopAgent(agent);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
