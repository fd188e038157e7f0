#!/usr/bin/env node
// End-to-end smoke test of the GPUaaS console in a real browser.
//
//   GPUAAS_URL=http://127.0.0.1:8080 npm run e2e
//
// Drives Debian's Chromium (/usr/bin/chromium, override with CHROMIUM_PATH)
// through playwright-core. Checks, each counted once in the summary:
//   - "/" lands on /workloads
//   - one check per rail group: click it, URL path, h1, aria-current, screenshot
//   - a deep link to /storage loads directly (server falls back to index.html)
//   - no uncaught page errors during the run
// Screenshots go to web/e2e-artifacts/. Exits non-zero on any failure and
// always ends with a line "N passed, M failed".
// The server version is deliberately not asserted (it may be unavailable).

import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.GPUAAS_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS_DIR = fileURLToPath(new URL('../e2e-artifacts/', import.meta.url));
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 10_000);

// Kept independent of src/routes.ts on purpose: this is what users must see.
const GROUPS = [
  { label: 'Workloads', path: '/workloads' },
  { label: 'Compute', path: '/compute' },
  { label: 'Apps', path: '/apps' },
  { label: 'Storage', path: '/storage' },
  { label: 'Access', path: '/access' },
  { label: 'Account', path: '/account' },
  { label: 'Platform', path: '/platform' },
];

let passed = 0;
let failed = 0;

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// Set once the console fails to load at all; later checks are then failed
// immediately instead of each waiting out its timeout.
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
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    page.setDefaultNavigationTimeout(TIMEOUT_MS);
    page.on('pageerror', (err) => pageErrors.push(err.message));

    const loaded = await check('root redirects to /workloads', async () => {
      const res = await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
      assert(res && res.ok(), `GET ${BASE_URL}/ returned HTTP ${res?.status()}`);
      await page.waitForURL((url) => url.pathname === '/workloads');
      const text = await h1Text(page);
      assert(text === 'Workloads', `expected h1 "Workloads", got "${text}"`);
    });
    if (!loaded) abortReason = `console did not load from ${BASE_URL}/`;

    for (const { label, path } of GROUPS) {
      await check(`rail ${label} -> ${path}`, async () => {
        const link = railLink(page, label);
        await link.click();
        await page.waitForURL((url) => url.pathname === path);
        assert(pathOf(page) === path, `expected path ${path}, got ${pathOf(page)}`);
        const text = await h1Text(page);
        assert(text === label, `expected h1 "${label}", got "${text}"`);
        const current = await link.getAttribute('aria-current');
        assert(current === 'page', `expected aria-current="page" on ${label}, got ${current}`);
        await page.screenshot({
          path: `${ARTIFACTS_DIR}${label.toLowerCase()}.png`,
          fullPage: true,
        });
      });
    }

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
      await deep.screenshot({ path: `${ARTIFACTS_DIR}storage-deep-link.png`, fullPage: true });
      await deep.close();
    });

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
