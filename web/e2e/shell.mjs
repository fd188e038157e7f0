// The console shell and its navigation contract, end to end (run from
// console.e2e.mjs right after sign-in, counted in its summary):
//   - "/" lands a platform admin on /platform (persona landing)
//   - every rail group: click, URL, one h1 = label, aria-current, screenshot
//     group-<path>.png; for groups with a local nav, every tab in turn: URL,
//     aria-current moves, the h2 section title, screenshot section-<slug>.png
//   - the Help menu: each entry opens Developer resources on its tab; the API
//     reference lists more than 50 endpoints and its filter narrows the list
//   - the project switcher (a tenant and project made through the API first):
//     picking the project puts ?project= into the URL; the project overview
//     shows it and its back link goes to /access; the tenant overview shows
//     the tenant and links the project's row to its overview
//   - keyboard: on the project overview the first Tab reaches "Skip to
//     content", further Tabs reach the primary action with a visible focus
//     ring, and Enter follows it
//   - a deep link to an operation page, whose back link goes to /operations
//   - every in-app link (main and top bar) seen on the pages above opens a
//     real page, never "Page not found"
//   - at 768 px wide, /access/quotas and /platform have no horizontal scroll
//   - with prefers-color-scheme: dark, /platform renders the dark theme
//
// Kept independent of src/routes.ts on purpose: this is what users must see.

const GROUPS = [
  { label: 'Workloads', path: '/workloads' },
  { label: 'Compute', path: '/compute' },
  { label: 'Apps', path: '/apps' },
  { label: 'Storage', path: '/storage' },
  {
    label: 'Access',
    path: '/access',
    sections: [
      { label: 'Memberships', path: '/access' },
      { label: 'Service accounts', path: '/access/service-accounts' },
      { label: 'Credentials', path: '/access/credentials' },
      { label: 'Quotas', path: '/access/quotas' },
      { label: 'Entitlements', path: '/access/entitlements' },
    ],
  },
  {
    label: 'Account',
    path: '/account',
    sections: [
      { label: 'Profile', path: '/account' },
      { label: 'Security', path: '/account/security' },
      { label: 'Sessions', path: '/account/sessions' },
      { label: 'Balance & billing', path: '/account/billing' },
    ],
  },
  {
    label: 'Platform',
    path: '/platform',
    sections: [
      { label: 'Overview', path: '/platform' },
      { label: 'Lifecycle', path: '/platform/lifecycle' },
      { label: 'Setup', path: '/platform/setup' },
      { label: 'Users', path: '/platform/users' },
      { label: 'Evidence', path: '/platform/evidence' },
    ],
  },
];

const HELP_ENTRIES = [
  { label: 'API reference', path: '/developer' },
  { label: 'Downloads', path: '/developer/downloads' },
  { label: 'Guides', path: '/developer/docs' },
];

const DEVELOPER_H1 = 'Developer resources';

function exactly(text) {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

function slug(path) {
  return path.replace(/^\/+/, '').replace(/[^a-z0-9]+/gi, '-') || 'root';
}

function pathOf(page) {
  return new URL(page.url()).pathname;
}

/** Same-origin JSON request with the session cookie, from inside the page (CSRF and idempotency on mutations). */
async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const headers = { Accept: 'application/json' };
      if (method !== 'GET') {
        const session = await fetch('/api/v1/auth/session', { credentials: 'same-origin' }).then((r) => r.json());
        headers['X-CSRF-Token'] = session.csrf_token;
        headers['Idempotency-Key'] = crypto.randomUUID();
        headers['Content-Type'] = 'application/json';
      }
      const res = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

/** The local nav of `label`'s page (group or utility). */
function localNav(page, label) {
  return page.getByRole('navigation', { name: `${label} sections`, exact: true });
}

/** Wait until the section heading reads `label`. */
async function sectionTitle(page, label) {
  await page.locator('main h2#section-title').filter({ hasText: exactly(label) }).waitFor({ state: 'visible' });
}

/** Assert the local nav marks exactly `label` as the current page. */
async function assertCurrentTab(nav, label, assert) {
  const current = await nav.locator('a[aria-current="page"]').allTextContents();
  assert(
    current.length === 1 && current[0].trim() === label,
    `expected aria-current only on "${label}", got [${current.map((t) => t.trim()).join(', ')}]`,
  );
}

/** Wait for the page's loading placeholders (route fallback, aria-busy panels) to go, best effort. */
async function settle(page) {
  await page
    .waitForFunction(() => document.querySelectorAll('main [aria-busy="true"]').length === 0, null, {
      timeout: 5_000,
    })
    .catch(() => {});
}

export async function shellChecks({
  page,
  context,
  browser,
  BASE_URL,
  stamp,
  email,
  pageErrors,
  check,
  assert,
  shot,
  h1Text,
  railLink,
}) {
  // A route change commits only once the page's chunk has loaded (the URL
  // changes first): wait for the heading, then check there is exactly one.
  async function h1Becomes(p, want) {
    await p
      .locator('main h1')
      .filter({ hasText: exactly(want) })
      .first()
      .waitFor({ state: 'visible' })
      .catch(() => {}); // h1Text and the caller's assert then say what is there instead
    return h1Text(p);
  }

  // In-app links seen in main and the top bar; each one is opened at the end.
  const links = new Map(); // href -> page it was seen on
  async function collectLinks() {
    const hrefs = await page
      .locator('main a[href^="/"], header.topbar a[href^="/"]')
      .evaluateAll((els) => els.map((a) => a.getAttribute('href')));
    const from = `${pathOf(page)}${new URL(page.url()).search}`;
    for (const href of hrefs) {
      if (!href || href.startsWith('//') || /^\/(api|ws)\//.test(href)) continue;
      if (!links.has(href)) links.set(href, from);
    }
  }

  await check("'/' lands a platform admin on /platform", async () => {
    const res = await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
    assert(res && res.ok(), `GET ${BASE_URL}/ returned HTTP ${res?.status()}`);
    await page.waitForURL((url) => url.pathname === '/platform');
    const text = await h1Becomes(page, 'Platform');
    assert(text === 'Platform', `expected h1 "Platform", got "${text}"`);
    const rail = await page
      .getByRole('navigation', { name: 'Product groups' })
      .getByRole('link')
      .allTextContents();
    const want = GROUPS.map((g) => g.label);
    assert(
      rail.map((t) => t.trim()).join('|') === want.join('|'),
      `rail shows [${rail.join(', ')}], expected [${want.join(', ')}]`,
    );
  });

  for (const group of GROUPS) {
    await check(`rail ${group.label} -> ${group.path}`, async () => {
      const link = railLink(page, group.label);
      await link.click();
      await page.waitForURL((url) => url.pathname === group.path);
      const text = await h1Becomes(page, group.label);
      assert(text === group.label, `expected h1 "${group.label}", got "${text}"`);
      const current = await link.getAttribute('aria-current');
      assert(current === 'page', `expected aria-current="page" on ${group.label}, got ${current}`);
      const others = await page
        .getByRole('navigation', { name: 'Product groups' })
        .locator('a[aria-current="page"]')
        .count();
      assert(others === 1, `expected one current rail link, found ${others}`);
      await settle(page);
      await collectLinks();
      await shot(page, `group-${slug(group.path)}`);
    });

    if (!group.sections) continue;
    await check(`${group.label} local nav: ${group.sections.map((s) => s.label).join(', ')}`, async () => {
      const nav = localNav(page, group.label);
      await nav.waitFor({ state: 'visible' });
      assert((await nav.getAttribute('data-testid')) === 'local-nav', 'the local nav lacks data-testid="local-nav"');
      const tabs = (await nav.getByRole('link').allTextContents()).map((t) => t.trim());
      const want = group.sections.map((s) => s.label);
      assert(tabs.join('|') === want.join('|'), `tabs are [${tabs.join(', ')}], expected [${want.join(', ')}]`);
      // Landing on the group shows its first tab.
      await sectionTitle(page, group.sections[0].label);
      await assertCurrentTab(nav, group.sections[0].label, assert);
      // Then every tab in order, ending back on the first.
      for (const section of [...group.sections.slice(1), group.sections[0]]) {
        await nav.getByRole('link', { name: section.label, exact: true }).click();
        await page.waitForURL((url) => url.pathname === section.path);
        await sectionTitle(page, section.label);
        await assertCurrentTab(nav, section.label, assert);
        const railCurrent = await railLink(page, group.label).getAttribute('aria-current');
        assert(railCurrent === 'page', `rail ${group.label} lost aria-current on ${section.path}`);
        const text = await h1Becomes(page, group.label);
        assert(text === group.label, `on ${section.path} expected h1 "${group.label}", got "${text}"`);
        await settle(page);
        await collectLinks();
        await shot(page, `section-${slug(section.path)}`);
      }
    });
  }

  for (const entry of HELP_ENTRIES) {
    await check(`Help menu -> ${entry.label} (${entry.path})`, async () => {
      const button = page.getByTestId('help-menu-button');
      await button.click();
      assert((await button.getAttribute('aria-expanded')) === 'true', 'the help menu did not open');
      await page.locator('#help-menu-panel').getByRole('link', { name: entry.label, exact: true }).click();
      await page.waitForURL((url) => url.pathname === entry.path);
      const text = await h1Becomes(page, DEVELOPER_H1);
      assert(text === DEVELOPER_H1, `expected h1 "${DEVELOPER_H1}", got "${text}"`);
      assert((await button.getAttribute('aria-expanded')) === 'false', 'the help menu stayed open');
      const nav = localNav(page, DEVELOPER_H1);
      await nav.waitFor({ state: 'visible' });
      await sectionTitle(page, entry.label);
      await assertCurrentTab(nav, entry.label, assert);
      await settle(page);
      await collectLinks();
      await shot(page, `help-${slug(entry.path)}`);
    });
  }

  await check('API reference lists > 50 endpoints and the filter narrows them', async () => {
    if (pathOf(page) !== '/developer') {
      await page.goto(`${BASE_URL}/developer`, { waitUntil: 'domcontentloaded' });
    }
    const summary = page.locator('main .api-reference p').filter({ hasText: /\d+ endpoints/ }).first();
    await summary.waitFor({ state: 'visible' });
    const total = Number(/(\d+) endpoints/.exec((await summary.textContent()) ?? '')?.[1]);
    assert(total > 50, `expected more than 50 endpoints, the page says ${total}`);
    const items = page.locator('main details.endpoint');
    const listed = await items.count();
    assert(listed === total, `the page says ${total} endpoints but lists ${listed}`);

    await page.getByRole('searchbox', { name: 'Filter endpoints' }).fill('operations');
    await page.waitForFunction(
      (n) => document.querySelectorAll('main details.endpoint').length < n,
      total,
    );
    const texts = await items.locator('summary').allTextContents();
    assert(texts.length > 0, 'the filter "operations" left no endpoint');
    const stray = texts.filter((t) => !/operations/i.test(t));
    assert(stray.length === 0, `filtered list has endpoints without "operations": ${stray[0]}`);
    await shot(page, 'help-api-reference-filtered');
  });

  const tenantName = `e2e-tenant-${stamp}`;
  const projectName = `e2e-project-${stamp}`;
  let tenantId = '';
  let projectId = '';

  await check('project switcher: pick a new project, ?project= in the URL', async () => {
    const tenant = await api(page, 'POST', '/api/v1/tenants', { name: tenantName, owner_email: email });
    assert(tenant.status === 201, `POST /tenants answered ${tenant.status}: ${JSON.stringify(tenant.body)}`);
    tenantId = tenant.body.id;
    const project = await api(page, 'POST', `/api/v1/tenants/${encodeURIComponent(tenantId)}/projects`, {
      name: projectName,
    });
    assert(project.status === 201, `POST /projects answered ${project.status}: ${JSON.stringify(project.body)}`);
    projectId = project.body.id;

    await page.goto(`${BASE_URL}/access`, { waitUntil: 'domcontentloaded' });
    await sectionTitle(page, 'Memberships');
    const switcher = page.getByTestId('project-switcher');
    await switcher.filter({ hasNotText: 'Loading projects' }).waitFor({ state: 'visible' });
    await switcher.click();
    const list = page.getByRole('list', { name: 'Your projects', exact: true });
    await list.waitFor({ state: 'visible' });
    await shot(page, 'project-switcher-open');
    await list.getByRole('button').filter({ hasText: projectName }).click();
    await page.waitForURL((url) => url.searchParams.get('project') === projectId);
    assert(pathOf(page) === '/access', `picking a project left /access for ${pathOf(page)}`);
    const label = (await switcher.getAttribute('aria-label')) ?? '';
    assert(
      label.includes(`${tenantName} / ${projectName}`),
      `switcher says "${label}", expected "${tenantName} / ${projectName}"`,
    );
    await collectLinks();
  });

  await check('project overview: h1 is the project, back link goes to /access', async () => {
    assert(projectId, 'no project was created');
    await page.getByTestId('project-switcher').click();
    await page
      .locator('#project-switcher-panel')
      .getByRole('link', { name: 'Project overview', exact: true })
      .click();
    await page.waitForURL((url) => url.pathname === '/project/overview');
    const overview = page.getByTestId('project-overview');
    await overview.waitFor({ state: 'visible' });
    const text = await h1Becomes(page, projectName);
    assert(text === projectName, `expected h1 "${projectName}", got "${text}"`);
    assert((await overview.textContent())?.includes(projectId), 'the overview does not show the project id');
    const primary = page.getByTestId('primary-action').getByRole('link', { name: 'Members and roles', exact: true });
    assert((await primary.count()) === 1, 'no "Members and roles" primary action');
    await settle(page);
    await collectLinks();
    await shot(page, 'project-overview');

    const back = page.getByTestId('back-link');
    assert((await back.getAttribute('aria-label')) === 'Back to Access', `back link is "${await back.getAttribute('aria-label')}"`);
    await back.click();
    await page.waitForURL((url) => url.pathname === '/access');
    const h1 = await h1Becomes(page, 'Access');
    assert(h1 === 'Access', `back link led to h1 "${h1}"`);
  });

  await check('tenant overview: h1 is the tenant, its project row links to the project overview', async () => {
    assert(projectId, 'no project was created');
    await page.getByTestId('project-switcher').click();
    await page
      .locator('#project-switcher-panel')
      .getByRole('link', { name: 'Tenant overview', exact: true })
      .click();
    await page.waitForURL((url) => url.pathname === '/tenant/overview');
    const overview = page.getByTestId('tenant-overview');
    await overview.waitFor({ state: 'visible' });
    const text = await h1Becomes(page, tenantName);
    assert(text === tenantName, `expected h1 "${tenantName}", got "${text}"`);
    const href = `/project/overview?project=${encodeURIComponent(projectId)}`;
    const row = overview.locator(`table a[href="${href}"]`);
    await row.waitFor({ state: 'visible' });
    assert(((await row.textContent()) ?? '').trim() === projectName, `the row link reads "${await row.textContent()}"`);
    const back = await page.getByTestId('back-link').getAttribute('href');
    assert(back === '/access', `back link goes to ${back}`);
    await settle(page);
    await collectLinks();
    await shot(page, 'tenant-overview');
    await row.click();
    await page.waitForURL((url) => url.pathname === '/project/overview' && url.searchParams.get('project') === projectId);
    await page.getByTestId('project-overview').waitFor({ state: 'visible' });
  });

  await check('keyboard: Skip to content first, Tab reaches the primary action with a focus ring, Enter follows it', async () => {
    assert(projectId, 'no project was created');
    await page.goto(`${BASE_URL}/project/overview?project=${encodeURIComponent(projectId)}`, {
      waitUntil: 'domcontentloaded',
    });
    const primary = page.getByTestId('primary-action').getByRole('link', { name: 'Members and roles', exact: true });
    await primary.waitFor({ state: 'visible' });
    await settle(page);

    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return {
          tag: el.tagName.toLowerCase(),
          text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 60),
          outline: style.outlineStyle,
          outlineWidth: style.outlineWidth,
          primary: Boolean(el.closest('[data-testid="primary-action"]')) && el.textContent.trim() === 'Members and roles',
        };
      });

    await page.keyboard.press('Tab');
    const first = await focused();
    assert(first?.text === 'Skip to content', `first Tab focused "${first?.text}" (${first?.tag})`);
    assert(first.outline !== 'none', 'the skip link has no focus outline');
    const skipVisible = await page.getByRole('link', { name: 'Skip to content' }).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.right > 0 && r.width > 0;
    });
    assert(skipVisible, 'the focused skip link is off screen');

    const unringed = [];
    let reached = null;
    for (let i = 1; i < 60 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (!now) continue;
      if (now.outline === 'none' || now.outlineWidth === '0px') unringed.push(`${now.tag} "${now.text}"`);
      if (now.primary) reached = { ...now, tabs: i + 1 };
    }
    assert(reached, 'Tab never reached "Members and roles" within 60 presses');
    assert(reached.outline !== 'none' && reached.outlineWidth !== '0px', 'the primary action has no focus outline');
    assert(unringed.length === 0, `focused without a visible outline: ${unringed.join('; ')}`);
    await shot(page, 'keyboard-primary-action');

    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/access' && url.searchParams.get('project') === projectId);
    const text = await h1Becomes(page, 'Access');
    assert(text === 'Access', `Enter led to h1 "${text}"`);
  });

  await check('deep link to an operation page; its back link goes to /operations', async () => {
    const listed = await api(page, 'GET', '/api/v1/operations');
    assert(listed.status === 200, `GET /operations answered ${listed.status}`);
    let operationId = listed.body?.items?.[0]?.id ?? '';
    if (!operationId) {
      const started = await api(page, 'POST', '/api/v1/operations', {
        kind: 'platform.selftest',
        target: { type: 'platform', id: 'platform' },
        params: { steps: 1, step_ms: 0 },
      });
      assert(started.status === 202, `POST /operations answered ${started.status}: ${JSON.stringify(started.body)}`);
      operationId = started.body.id;
    }
    assert(/^op_/.test(operationId), `expected an operation id, got "${operationId}"`);

    const res = await page.goto(`${BASE_URL}/operations/${operationId}`, { waitUntil: 'domcontentloaded' });
    assert(res && res.ok(), `GET /operations/${operationId} returned HTTP ${res?.status()}`);
    const text = await h1Text(page);
    assert(text && text !== 'Page not found', `operation page h1 is "${text}"`);
    await page.getByTestId('operation-page').waitFor({ state: 'visible' });
    await settle(page);
    await collectLinks();
    await shot(page, 'operation-deep-link');
    const back = page.getByTestId('back-link');
    const label = await back.getAttribute('aria-label');
    assert(label === 'Back to Operations', `back link is "${label}"`);
    await back.click();
    await page.waitForURL((url) => url.pathname === '/operations');
    const h1 = await h1Becomes(page, 'Operations');
    assert(h1 === 'Operations', `back link led to h1 "${h1}"`);
  });

  await check('every in-app link on the pages above opens a real page', async () => {
    assert(links.size > 20, `only ${links.size} links collected`);
    const broken = [];
    for (const [href, from] of links) {
      await page.goto(`${BASE_URL}${href}`, { waitUntil: 'domcontentloaded' });
      const h1 = page.locator('main h1');
      try {
        await h1.first().waitFor({ state: 'visible' });
      } catch {
        broken.push(`${href} (from ${from}): no h1`);
        continue;
      }
      const text = ((await h1.first().textContent()) ?? '').trim();
      if (text === 'Page not found') broken.push(`${href} (from ${from})`);
    }
    assert(broken.length === 0, `${broken.length} of ${links.size} links show "Page not found": ${broken.join(', ')}`);
    console.log(`     (${links.size} distinct links opened)`);
  });

  await check('768 px wide: /access/quotas and /platform have no horizontal scroll', async () => {
    await page.setViewportSize({ width: 768, height: 900 });
    try {
      for (const [path, heading, name] of [
        ['/access/quotas', 'Quotas', 'narrow-access'],
        ['/platform', 'Overview', 'narrow-platform'],
      ]) {
        await page.goto(`${BASE_URL}${path}`, { waitUntil: 'domcontentloaded' });
        await sectionTitle(page, heading);
        await settle(page);
        const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          // What sticks out, to name it in the failure.
          wide: [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 3)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
        }));
        await shot(page, name);
        assert(
          scrollWidth <= innerWidth + 1,
          `${path}: scrollWidth ${scrollWidth} > innerWidth ${innerWidth} (${wide.join(', ')})`,
        );
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  // The painted page background: body's, or the root's when body is transparent
  // (the console sets it on :root, which the canvas takes).
  const pageBackground = (p) =>
    p.evaluate(() => {
      const clear = (c) => c === 'transparent' || /^rgba\(.*,\s*0\)$/.test(c);
      const body = getComputedStyle(document.body).backgroundColor;
      return clear(body) ? getComputedStyle(document.documentElement).backgroundColor : body;
    });

  await check('dark colour scheme: /platform renders the dark theme', async () => {
    await page.goto(`${BASE_URL}/platform`, { waitUntil: 'domcontentloaded' });
    await sectionTitle(page, 'Overview');
    const light = await pageBackground(page);
    const darkContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      colorScheme: 'dark',
      storageState: await context.storageState(),
    });
    try {
      const dark = await darkContext.newPage();
      dark.on('pageerror', (err) => pageErrors.push(err.message));
      await dark.goto(`${BASE_URL}/platform`, { waitUntil: 'domcontentloaded' });
      await dark.waitForURL((url) => url.pathname === '/platform');
      const text = await h1Becomes(dark, 'Platform');
      assert(text === 'Platform', `dark context: expected h1 "Platform", got "${text}"`);
      await sectionTitle(dark, 'Overview');
      await settle(dark);
      const darkBg = await pageBackground(dark);
      assert(darkBg !== light, `page background is ${darkBg} in both themes`);
      // The dark background must be darker than the light one.
      const luminance = (rgb) => {
        const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      assert(luminance(darkBg) < luminance(light), `dark background ${darkBg} is not darker than ${light}`);
      await shot(dark, 'dark-platform');
    } finally {
      await darkContext.close();
    }
  });
}
