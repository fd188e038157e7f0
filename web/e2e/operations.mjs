// Operations, activity and the inbox, end to end (run from console.e2e.mjs,
// counted in its summary). A token is revoked through the token.revoke
// operation on Account → Security:
//   - a wrong typed name goes to the server, is refused (invalid_argument on
//     "confirmation", shown at the field) and starts nothing,
//   - the right name starts it and the card follows it to "succeeded",
//   - the operation page shows it (state, steps, timeline),
//   - the token's activity timeline lists it, pivoting to the operation page,
//   - the bell's unread count goes up live and /notifications lists
//     "Revoke token succeeded" with a link to the operation.

const OPERATION_TIMEOUT_MS = Number(process.env.E2E_OPERATION_TIMEOUT_MS || 20_000);

/** The bell's unread count, from its accessible name ("Notifications, 3 unread"). */
async function unreadCount(page) {
  const bell = page.getByRole('banner').getByRole('link', { name: /^Notifications/ });
  const label = (await bell.getAttribute('aria-label')) ?? '';
  const match = /(\d+) unread/.exec(label);
  return match ? Number(match[1]) : 0;
}

/** Same-origin JSON GET with the session cookie, from inside the page. */
async function apiGet(page, path) {
  return page.evaluate(async (url) => {
    const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    return { status: res.status, body: await res.json().catch(() => null) };
  }, path);
}

/** Account → Security, by the rail and the tab (no page load: the inbox stays connected). */
async function openSecurity(page) {
  if (new URL(page.url()).pathname !== '/account/security') {
    await page
      .getByRole('navigation', { name: 'Product groups' })
      .getByRole('link', { name: 'Account', exact: true })
      .click();
    await page
      .getByRole('navigation', { name: 'Account sections' })
      .getByRole('link', { name: 'Security', exact: true })
      .click();
    await page.waitForURL((url) => url.pathname === '/account/security');
  }
  const tokens = page.getByRole('region', { name: 'API tokens' });
  await tokens.waitFor({ state: 'visible' });
  return tokens;
}

/** Open the token's drawer (operations card + activity) from its row. */
async function openTokenDrawer(page, tokens, name) {
  const row = tokens.getByTestId('token-row').filter({ hasText: name });
  await row.getByRole('button', { name: `Operations for token ${name}`, exact: true }).click();
  const drawer = page.getByRole('dialog', { name: `Token ${name}`, exact: true });
  await drawer.waitFor({ state: 'visible' });
  return drawer;
}

export async function operationChecks({ page, stamp, check, assert, shot }) {
  const name = `e2e-revoke-${stamp}`;
  let tokenId = '';
  let operationId = '';
  let unreadBefore = 0;

  await check('token.revoke: a wrong typed name is refused by the server and nothing starts', async () => {
    const tokens = await openSecurity(page);

    const form = page.getByRole('form', { name: 'Create API token' });
    await form.getByLabel('Token name', { exact: true }).fill(name);
    await form.getByLabel('Expires in (days)', { exact: true }).fill('1');
    await form.getByRole('button', { name: 'Create token', exact: true }).click();
    const panel = page.getByTestId('secret-panel');
    await panel.waitFor({ state: 'visible' });
    await panel.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await tokens.getByTestId('token-row').filter({ hasText: name }).waitFor({ state: 'visible' });

    const listed = await apiGet(page, '/api/v1/users/me/tokens');
    tokenId = listed.body?.items?.find((t) => t.name === name)?.id ?? '';
    assert(tokenId, `token ${name} not in GET /users/me/tokens`);

    const drawer = await openTokenDrawer(page, tokens, name);
    const revoke = drawer.locator('[data-testid="operation"][data-kind="token.revoke"]');
    await revoke.waitFor({ state: 'visible' });
    const pre = (await revoke.getByTestId('precondition').first().getAttribute('data-met')) ?? '';
    assert(pre === 'true', `expected the "token is active" precondition met, got data-met=${pre}`);
    await revoke.getByRole('button', { name: /^Revoke token/ }).click();

    const dialog = page.getByRole('dialog', { name: `Revoke token ${name}?`, exact: true });
    await dialog.waitFor({ state: 'visible' });
    const shown = (await dialog.getByTestId('confirmation-text').textContent())?.trim();
    assert(shown === name, `dialog asks to type "${shown}", expected "${name}"`);
    const input = dialog.getByLabel('Type the token name to confirm', { exact: true });
    await input.fill(`${name}-wrong`);
    await dialog.getByRole('button', { name: 'Revoke token', exact: true }).click();

    const fieldError = dialog.locator('.field__error');
    await fieldError.waitFor({ state: 'visible' });
    const message = (await fieldError.textContent()) ?? '';
    assert(/does not match/.test(message), `expected the server's "does not match" refusal, got "${message}"`);
    assert((await input.getAttribute('aria-invalid')) === 'true', 'the confirmation field is not marked invalid');
    assert((await drawer.getByTestId('operation-progress').count()) === 0, 'progress shown after a refused start');
    await shot(page, 'operation-refused');

    const ops = await apiGet(
      page,
      `/api/v1/operations?target_type=token&target_id=${encodeURIComponent(tokenId)}`,
    );
    assert(ops.status === 200, `GET /operations answered ${ops.status}`);
    assert(ops.body.items.length === 0, `expected no operation on the token, found ${ops.body.items.length}`);
    const token = (await apiGet(page, '/api/v1/users/me/tokens')).body.items.find((t) => t.id === tokenId);
    assert(token?.status === 'active', `token should still be active, is ${token?.status}`);
  });

  await check('token.revoke: the right name starts it and progress reaches "succeeded"', async () => {
    const dialog = page.getByRole('dialog', { name: `Revoke token ${name}?`, exact: true });
    const input = dialog.getByLabel('Type the token name to confirm', { exact: true });
    // From here on the console is not reloaded: the inbox count must come over the socket.
    unreadBefore = await unreadCount(page);
    await page.evaluate(() => {
      window.__e2eSameDocument = true;
    });
    await input.fill(name);
    await dialog.getByRole('button', { name: 'Revoke token', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const drawer = page.getByRole('dialog', { name: `Token ${name}`, exact: true });
    const progress = drawer.getByTestId('operation-progress');
    await progress.waitFor({ state: 'visible' });
    operationId = (await progress.getAttribute('data-operation-id')) ?? '';
    assert(/^op_/.test(operationId), `expected an operation id, got "${operationId}"`);
    await drawer
      .locator('[data-testid="operation-progress"][data-state="succeeded"]')
      .waitFor({ state: 'visible', timeout: OPERATION_TIMEOUT_MS });
    const status = (await progress.getByRole('status').textContent()) ?? '';
    assert(/Revoke token succeeded/.test(status), `progress says "${status}"`);
    const steps = await progress.getByTestId('operation-step').evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-state')),
    );
    assert(steps.length > 0 && steps.every((s) => s === 'done'), `steps not all done: ${steps.join(',')}`);
    await shot(page, 'operation-succeeded');

    // The card reads the catalogue again: revoke is no longer available, and the row says revoked.
    await drawer
      .locator('[data-testid="operation"][data-kind="token.revoke"][data-available="false"]')
      .waitFor({ state: 'visible' });
    const row = page.getByRole('region', { name: 'API tokens' }).getByTestId('token-row').filter({ hasText: name });
    await row.getByText('revoked', { exact: true }).waitFor({ state: 'visible' });
  });

  await check('the operation page shows the revoke: state, steps and timeline', async () => {
    const drawer = page.getByRole('dialog', { name: `Token ${name}`, exact: true });
    await drawer.getByRole('link', { name: 'Open operation page', exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/operations/${operationId}`);
    // The URL changes before the lazily loaded page replaces the previous one, and the page shows a
    // generic "Operation" header while it fetches: wait for the loaded operation before reading it.
    const operationPage = page.getByTestId('operation-page');
    const stateBadge = operationPage.getByTestId('operation-state').first();
    await stateBadge.waitFor({ state: 'visible' });
    const title = (await operationPage.locator('h1').first().textContent())?.trim();
    assert(title === 'Revoke token', `expected h1 "Revoke token", got "${title}"`);
    const state = await stateBadge.getAttribute('data-state');
    assert(state === 'succeeded', `expected state succeeded, got ${state}`);
    const text = (await page.getByTestId('operation-page').textContent()) ?? '';
    assert(text.includes(name), 'the operation page does not name the token');
    await page.locator('[data-testid="operation-event"][data-type="succeeded"]').waitFor({ state: 'visible' });
    const audit = await page.getByRole('link', { name: 'Audit events of this request' }).getAttribute('href');
    assert(audit?.startsWith('/evidence?request_id='), `audit evidence link is ${audit}`);
    await shot(page, 'operation-page');
  });

  await check("the token's activity timeline lists the operation and links to it", async () => {
    const tokens = await openSecurity(page);
    const drawer = await openTokenDrawer(page, tokens, name);
    const timeline = drawer.getByTestId('activity-timeline');
    const item = timeline.locator(`[data-testid="activity-item"][data-operation-id="${operationId}"]`, {
      hasText: 'Revoke token succeeded',
    });
    // The stream is written from the outbox just after the operation: refresh until it is there.
    const deadline = Date.now() + OPERATION_TIMEOUT_MS;
    for (;;) {
      try {
        await item.first().waitFor({ state: 'visible', timeout: 1_500 });
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`no "Revoke token succeeded" activity for ${operationId}`);
        await timeline.getByRole('button', { name: 'Refresh', exact: true }).click();
      }
    }
    const created = timeline.locator('[data-testid="activity-item"][data-kind="audit:token.create"]');
    assert((await created.count()) > 0, 'the token.create audit entry is missing from the activity');
    await shot(page, 'token-activity');
    await item.first().getByRole('link', { name: `Operation ${operationId}`, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/operations/${operationId}`);
  });

  await check('the inbox: the unread count goes up live and lists "Revoke token succeeded"', async () => {
    // No reload since the revoke started: the count comes from /ws/notifications.
    const same = await page.evaluate(() => window.__e2eSameDocument === true);
    assert(same, 'the console was reloaded, so this would not show the live update');
    const bell = page.getByRole('banner').getByRole('link', { name: /^Notifications/ });
    const deadline = Date.now() + OPERATION_TIMEOUT_MS;
    let now = await unreadCount(page);
    while (now <= unreadBefore) {
      if (Date.now() > deadline) throw new Error(`unread count stayed at ${now} (was ${unreadBefore})`);
      await page.waitForTimeout(250);
      now = await unreadCount(page);
    }
    const badge = (await page.getByTestId('unread-count').textContent())?.trim();
    assert(badge === String(now) || (now > 99 && badge === '99+'), `badge shows "${badge}", count is ${now}`);

    await bell.click();
    await page.waitForURL((url) => url.pathname === '/notifications');
    assert(
      await page.evaluate(() => window.__e2eSameDocument === true),
      'opening /notifications reloaded the console',
    );
    const row = page
      .getByTestId('notification')
      .filter({ hasText: 'Revoke token succeeded' })
      .filter({ hasText: name });
    await row.first().waitFor({ state: 'visible' });
    assert((await row.first().getAttribute('data-unread')) === 'true', 'the notification is not unread');
    const link = await row.first().getByRole('link', { name: 'Open the operation', exact: true }).getAttribute('href');
    assert(link === `/operations/${operationId}`, `notification links to ${link}`);
    await shot(page, 'notifications');

    await row.first().getByRole('button', { name: /^Mark .* read$/ }).click();
    await page
      .getByTestId('notification')
      .filter({ hasText: name })
      .first()
      .and(page.locator('[data-unread="false"]'))
      .waitFor({ state: 'visible' });
    const after = await unreadCount(page);
    assert(after === now - 1, `after mark read the count is ${after}, expected ${now - 1}`);
  });
}
