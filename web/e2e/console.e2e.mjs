#!/usr/bin/env node
// End-to-end test of the GPUaaS console in a real browser against the real server.
//
//   GPUAAS_URL=http://127.0.0.1:8080 \
//   GPUAAS_E2E_EMAIL=admin@example.com GPUAAS_E2E_PASSWORD=... npm run e2e
//
// Drives Debian's Chromium (/usr/bin/chromium, override with CHROMIUM_PATH)
// through playwright-core. Checks, each counted once in the summary:
//   - a signed-out visit to /storage lands on /login (?next=/storage)
//   - a wrong password shows the server's generic message
//   - signing in returns to /storage
//   - the shell and its navigation contract (e2e/shell.mjs):
//     - "/" lands a platform admin on /platform
//     - one check per rail group (click, URL path, one h1, aria-current,
//       screenshot group-<path>.png) and, for Access, Account and Platform,
//       one walking every local-nav tab (URL, aria-current, h2 section title,
//       screenshot section-<path>.png)
//     - the Help menu's three entries open Developer resources on the right
//       tab; the API reference lists > 50 endpoints and its filter narrows it
//     - the project switcher (tenant + project made through the API) puts
//       ?project= in the URL; the project overview (h1, back link to /access)
//       and the tenant overview (h1, project row linking to its overview)
//     - keyboard: first Tab is "Skip to content", Tab reaches the project
//       overview's primary action with a visible focus ring, Enter follows it
//     - a deep link to an operation page; its back link goes to /operations
//     - every in-app link seen in main and the top bar opens a real page
//     - at 768 px wide, /access/quotas and /platform do not scroll sideways
//     - prefers-color-scheme: dark renders /platform in the dark theme
//   - a deep link to /storage loads directly (server falls back to index.html)
//   - Account → Security: add an SSH key, listed with its SHA256 fingerprint
//   - create an API token: the secret is shown once, and not after dismiss/reload
//   - token.revoke as an operation (e2e/operations.mjs): a wrong typed name
//     is refused by the server and starts nothing; the right one runs to
//     "succeeded"; the operation page; the token's activity timeline; the
//     live unread count and "Revoke token succeeded" in the inbox
//   - the fleet (e2e/fleet.mjs): the onboarding wizard creates a site and a
//     bootstrap token, the real agent (GPUAAS_AGENT_BIN, default
//     build/apps/gpuaas-agent) enrolls with --simulate-gpus 8xH100 and runs,
//     the live status reaches Ready, the node page says "Simulated GPUs", and
//     node.cordon from its operations card makes it cordoned
//   - Evidence lists ssh_key.create and token.create events
//   - sign out lands on /login, and the console then needs a login again
//   - no uncaught page errors during the run
// Screenshots go to web/e2e-artifacts/. Exits non-zero on any failure and
// always ends with a line "N passed, M failed".
// The server version is deliberately not asserted (it may be unavailable).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { fleetChecks } from './fleet.mjs';
import { operationChecks } from './operations.mjs';
import { shellChecks } from './shell.mjs';

const BASE_URL = (process.env.GPUAAS_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS_DIR = fileURLToPath(new URL('../e2e-artifacts/', import.meta.url));
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 10_000);
const EMAIL = process.env.GPUAAS_E2E_EMAIL || '';
const PASSWORD = process.env.GPUAAS_E2E_PASSWORD || '';

// A real ed25519 public key (ssh-keygen -lf accepts it). Its fingerprint is
// computed below the way OpenSSH does: SHA256 of the key blob, base64, no padding.
const SSH_PUBLIC_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPhHlHKhizFKvkw3T5zf6yCRk/ggRIsnhw1jktjsF+A1 e2e@gpuaas';
const SSH_FINGERPRINT = `SHA256:${createHash('sha256')
  .update(Buffer.from(SSH_PUBLIC_KEY.split(' ')[1], 'base64'))
  .digest('base64')
  .replace(/=+$/, '')}`;

// The wording the server uses for any bad email/password pair.
const BAD_LOGIN_MESSAGE = /email or password is incorrect/i;

let passed = 0;
let failed = 0;

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// Set once the console fails to load at all (or sign-in fails); later checks
// are then failed immediately instead of each waiting out its timeout.
let abortReason = null;

async function check(name, fn) {
  if (abortReason) {
    failed += 1;
    console.log(`FAIL ${name}: not run (${abortReason})`);
    return false;
  }
  try {
    await fn();
    passed += 1;
    console.log(`PASS ${name}`);
    return true;
  } catch (err) {
    failed += 1;
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    console.log(`FAIL ${name}: ${msg}`);
    return false;
  }
}

function pathOf(page) {
  return new URL(page.url()).pathname;
}

async function h1Text(page) {
  const h1 = page.locator('main h1');
  await h1.first().waitFor({ state: 'visible' });
  const count = await h1.count();
  assert(count === 1, `expected exactly one h1 in main, found ${count}`);
  return (await h1.textContent())?.trim();
}

function railLink(page, label) {
  return page
    .getByRole('navigation', { name: 'Product groups' })
    .getByRole('link', { name: label, exact: true });
}

async function shot(page, name) {
  await page.screenshot({ path: `${ARTIFACTS_DIR}${name}.png`, fullPage: true });
}

/** Fill the sign-in form at /login and submit it. */
async function submitLogin(page, email, password) {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email', { exact: true }).fill(email);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Audit rows for `action`, re-reading the page while the event may still be in flight. */
async function waitForAuditRow(page, action) {
  const form = page.getByRole('form', { name: 'Evidence filters' });
  await form.getByLabel('Action', { exact: true }).fill(action);
  await form.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL((url) => url.searchParams.get('action') === action);
  const row = page.locator(`[data-testid="audit-row"][data-action="${action}"]`);
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    try {
      await row.first().waitFor({ state: 'visible', timeout: 2_000 });
      return row;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`no audit row with action ${action}`);
      await page.reload({ waitUntil: 'domcontentloaded' });
    }
  }
}

async function main() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH to override)`);
  }
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  console.log(`GPUaaS console e2e against ${BASE_URL} using ${CHROMIUM_PATH}`);

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  const pageErrors = [];
  const stamp = Date.now().toString(36);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    page.setDefaultNavigationTimeout(TIMEOUT_MS);
    page.on('pageerror', (err) => pageErrors.push(err.message));

    const loaded = await check('signed-out visit to /storage lands on /login', async () => {
      const res = await page.goto(`${BASE_URL}/storage`, { waitUntil: 'domcontentloaded' });
      assert(res && res.ok(), `GET ${BASE_URL}/storage returned HTTP ${res?.status()}`);
      await page.waitForURL((url) => url.pathname === '/login');
      const next = new URL(page.url()).searchParams.get('next');
      assert(next === '/storage', `expected ?next=/storage, got ${next}`);
      const text = await h1Text(page);
      assert(text === 'Sign in to GPUaaS', `expected h1 "Sign in to GPUaaS", got "${text}"`);
      await shot(page, 'login');
    });
    if (!loaded) abortReason = `console did not load from ${BASE_URL}/`;
    if (!abortReason && (!EMAIL || !PASSWORD)) {
      abortReason = 'GPUAAS_E2E_EMAIL and GPUAAS_E2E_PASSWORD must be set';
    }

    await check('wrong password shows the generic message', async () => {
      await submitLogin(page, EMAIL, `${PASSWORD}-wrong`);
      const error = page.getByTestId('form-error');
      await error.waitFor({ state: 'visible' });
      const text = (await error.textContent()) ?? '';
      assert(BAD_LOGIN_MESSAGE.test(text), `expected "email or password is incorrect", got "${text}"`);
      assert(pathOf(page) === '/login', `expected to stay on /login, got ${pathOf(page)}`);
      await shot(page, 'login-error');
    });

    const signedIn = await check('sign in returns to the remembered page', async () => {
      await submitLogin(page, EMAIL, PASSWORD);
      await page.waitForURL((url) => url.pathname === '/storage');
      const text = await h1Text(page);
      assert(text === 'Storage', `expected h1 "Storage", got "${text}"`);
      const menu = page.getByTestId('user-menu-button');
      await menu.waitFor({ state: 'visible' });
    });
    if (!signedIn && !abortReason) abortReason = 'could not sign in';

    await shellChecks({
      page,
      context,
      browser,
      BASE_URL,
      stamp,
      email: EMAIL,
      pageErrors,
      check,
      assert,
      shot,
      h1Text,
      railLink,
    });

    await check('deep link /storage loads directly', async () => {
      const deep = await context.newPage();
      deep.setDefaultTimeout(TIMEOUT_MS);
      deep.on('pageerror', (err) => pageErrors.push(err.message));
      const res = await deep.goto(`${BASE_URL}/storage`, { waitUntil: 'domcontentloaded' });
      assert(res && res.ok(), `GET ${BASE_URL}/storage returned HTTP ${res?.status()}`);
      assert(pathOf(deep) === '/storage', `expected path /storage, got ${pathOf(deep)}`);
      const text = await h1Text(deep);
      assert(text === 'Storage', `expected h1 "Storage", got "${text}"`);
      const current = await railLink(deep, 'Storage').getAttribute('aria-current');
      assert(current === 'page', `expected Storage aria-current="page", got ${current}`);
      await shot(deep, 'storage-deep-link');
      await deep.close();
    });

    await check('Account -> Security: add an SSH key, listed with its fingerprint', async () => {
      await railLink(page, 'Account').click();
      await page
        .getByRole('navigation', { name: 'Account sections' })
        .getByRole('link', { name: 'Security', exact: true })
        .click();
      await page.waitForURL((url) => url.pathname === '/account/security');
      const keys = page.getByRole('region', { name: 'SSH keys' });
      const form = page.getByRole('form', { name: 'Add SSH key' });
      await form.waitFor({ state: 'visible' });
      await keys.locator('[aria-busy="true"]').waitFor({ state: 'detached' });

      // A previous run against the same database may have left the key behind.
      const existing = keys.getByTestId('ssh-key-row').filter({ hasText: SSH_FINGERPRINT });
      if ((await existing.count()) > 0) {
        await existing.first().getByRole('button', { name: /^Delete SSH key / }).click();
        await existing.first().getByRole('button', { name: 'Delete key', exact: true }).click();
        await existing.first().waitFor({ state: 'detached' });
      }

      const name = `e2e-key-${stamp}`;
      await form.getByLabel('Key name', { exact: true }).fill(name);
      await form.getByLabel('Public key', { exact: true }).fill(SSH_PUBLIC_KEY);
      await form.getByRole('button', { name: 'Add SSH key', exact: true }).click();
      const row = keys.getByTestId('ssh-key-row').filter({ hasText: name });
      await row.waitFor({ state: 'visible' });
      const fingerprint = (await row.getByTestId('ssh-key-fingerprint').textContent())?.trim();
      assert(
        fingerprint === SSH_FINGERPRINT,
        `expected fingerprint ${SSH_FINGERPRINT}, got ${fingerprint}`,
      );
    });

    await check('create an API token: secret shown once, gone after dismiss', async () => {
      if (pathOf(page) !== '/account/security') {
        await page.goto(`${BASE_URL}/account/security`, { waitUntil: 'domcontentloaded' });
      }
      const tokens = page.getByRole('region', { name: 'API tokens' });
      const form = page.getByRole('form', { name: 'Create API token' });
      const name = `e2e-token-${stamp}`;
      await form.getByLabel('Token name', { exact: true }).fill(name);
      await form.getByLabel('Expires in (days)', { exact: true }).fill('1');
      await form.getByRole('button', { name: 'Create token', exact: true }).click();

      const panel = page.getByTestId('secret-panel');
      await panel.waitFor({ state: 'visible' });
      const secret = (await panel.getByTestId('secret-value').textContent())?.trim() ?? '';
      assert(secret.length >= 16, `expected a secret, got "${secret}"`);
      const warning = (await panel.textContent()) ?? '';
      assert(/will not be shown again/.test(warning), 'secret panel lacks the "will not be shown again" text');
      const row = tokens.getByTestId('token-row').filter({ hasText: name });
      await row.waitFor({ state: 'visible' });
      assert(!((await row.textContent()) ?? '').includes(secret), 'token row shows the secret');
      await shot(page, 'token-secret');

      await panel.getByRole('button', { name: 'Dismiss', exact: true }).click();
      await panel.waitFor({ state: 'detached' });
      assert(!(await page.content()).includes(secret), 'secret still in the page after dismiss');

      await page.reload({ waitUntil: 'domcontentloaded' });
      await tokens.getByTestId('token-row').filter({ hasText: name }).waitFor({ state: 'visible' });
      assert((await page.getByTestId('secret-panel').count()) === 0, 'secret panel back after reload');
      assert(!(await page.content()).includes(secret), 'secret in the page after reload');
      await shot(page, 'security');
    });

    await operationChecks({ page, stamp, check, assert, shot });

    await fleetChecks({ page, stamp, check, assert, shot });

    await check('Evidence lists ssh_key.create and token.create', async () => {
      await page.getByRole('banner').getByRole('link', { name: 'Evidence', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/evidence');
      const text = await h1Text(page);
      assert(text === 'Evidence', `expected h1 "Evidence", got "${text}"`);
      for (const action of ['ssh_key.create', 'token.create']) {
        const rows = await waitForAuditRow(page, action);
        const outcome = (await rows.first().textContent()) ?? '';
        assert(/allowed/.test(outcome), `expected an allowed ${action} row, got "${outcome}"`);
      }
      await shot(page, 'evidence');
    });

    await check('sign out lands on /login and the session is gone', async () => {
      await page.getByTestId('user-menu-button').click();
      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByRole('form', { name: 'Sign in' }).waitFor({ state: 'visible' });
      await page.goto(`${BASE_URL}/workloads`, { waitUntil: 'domcontentloaded' });
      await page.waitForURL((url) => url.pathname === '/login');
      await shot(page, 'signed-out');
    });

    // Page errors are counted even when the flow above was cut short.
    abortReason = null;
    await check('no uncaught page errors', async () => {
      assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
    });
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (err) {
  failed += 1;
  console.log(`FAIL e2e setup: ${err instanceof Error ? err.message : String(err)}`);
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
