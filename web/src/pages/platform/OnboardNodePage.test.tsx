import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Site } from '../../api/fleet';
import { calls, mockApi, testSession, type MockRequest } from '../../test/mockApi';
import { tokenStatus } from '../../test/fleetFixtures';
import { currentSearch, renderApp, waitForPath } from '../../test/renderApp';

const ADMIN = { 'GET /api/v1/auth/session': testSession({ platform_admin: true }) };
const PROFILES = {
  'GET /api/v1/node-profiles': {
    items: [
      { id: 'standard', title: 'Standard', description: 'Slices of 1, 2 and 4 GPUs.', slice_sizes: [1, 2, 4, 0] },
      { id: 'whole-node', title: 'Whole node', description: 'Only the whole node.', slice_sizes: [0] },
    ],
  },
};
const COMMAND = 'sudo gpuaas-agent enroll --token gpbt1.eyJ1Ijoi --data-dir /var/lib/gpuaas-agent';

function stepTitle() {
  return screen.getByRole('heading', { level: 2, name: /^Step / }).textContent;
}

describe('node onboarding wizard', () => {
  it('walks from an empty site list to a ready node, with every step in the URL', async () => {
    const user = userEvent.setup();
    const sites: Site[] = [];
    let polls = 0;
    let tokenBody: unknown = null;
    const fetchMock = mockApi({
      ...ADMIN,
      ...PROFILES,
      'GET /api/v1/sites': () => ({ items: sites }),
      'POST /api/v1/sites': (req: MockRequest) => {
        const site = { id: 'site_new', description: '', node_count: 0, created_at: '2026-11-23T10:00:00Z', ...(req.body as object) } as Site;
        sites.push(site);
        return new Response(JSON.stringify(site), { status: 201, headers: { 'Content-Type': 'application/json' } });
      },
      'POST /api/v1/bootstrap-tokens': (req: MockRequest) => {
        tokenBody = req.body;
        return new Response(
          JSON.stringify({ token: tokenStatus().token, secret: 'gpbt1.eyJ1Ijoi', command: COMMAND }),
          { status: 201, headers: { 'Content-Type': 'application/json' } },
        );
      },
      'GET /api/v1/bootstrap-tokens/bt_1': () => {
        polls += 1;
        if (polls === 1) return tokenStatus();
        if (polls === 2) return tokenStatus({ token_used: true, enrolled: true });
        return tokenStatus(
          { token_used: true, enrolled: true, first_heartbeat: true, certificate_valid: true, inventory_received: true, ready: true },
          true,
        );
      },
    });
    await renderApp('/platform/nodes/onboard');

    // 1: no site yet → create one inline; SSH push and MAAS are shown but disabled.
    expect(stepTitle()).toBe('Step 1 of 7: Site and mode');
    expect(screen.getByTestId('no-sites')).toBeInTheDocument();
    expect(within(screen.getByTestId('mode-ssh')).getByRole('radio')).toBeDisabled();
    expect(within(screen.getByTestId('mode-maas')).getByRole('radio')).toBeDisabled();
    expect(within(screen.getByTestId('mode-manual')).getByRole('radio')).toBeChecked();
    const next1 = screen.getByRole('button', { name: 'Next: choose a profile' });
    expect(next1).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: 'Site name' }), 'Bad Name');
    await user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu-central');
    await user.click(screen.getByRole('button', { name: 'Create site' }));
    expect(calls(fetchMock)).not.toContain('POST /api/v1/sites');
    await user.clear(screen.getByRole('textbox', { name: 'Site name' }));
    await user.type(screen.getByRole('textbox', { name: 'Site name' }), 'fra-1');
    await user.click(screen.getByRole('button', { name: 'Create site' }));
    expect(await screen.findByRole('radio', { name: /fra-1/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Next: choose a profile' }));
    await waitFor(() => expect(currentSearch()).toBe('?site=site_new&step=2'));

    // 2: profile
    expect(stepTitle()).toBe('Step 2 of 7: Profile');
    expect(await screen.findByTestId('profile-standard')).toHaveTextContent('Slices: 1 GPU, 2 GPUs, 4 GPUs, the whole node.');
    await user.click(within(screen.getByTestId('profile-standard')).getByRole('radio'));
    await user.click(screen.getByRole('button', { name: 'Next: check prerequisites' }));

    // 3: prerequisites, all four confirmed before going on
    await waitFor(() => expect(stepTitle()).toBe('Step 3 of 7: Prerequisites'));
    const next3 = screen.getByRole('button', { name: 'Next: generate a token' });
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes.map((b) => b.parentElement?.textContent?.trim())).toEqual([
      'Linux on x86-64',
      'glibc 2.36 or newer (Debian 12, Ubuntu 23.04, RHEL 10 or later)',
      'Outbound HTTP(S) from the host to this server',
      'An NVIDIA driver, or simulated GPUs for a test node (--simulate-gpus)',
    ]);
    for (const box of boxes.slice(0, 3)) await user.click(box);
    expect(next3).toBeDisabled();
    await user.click(boxes[3]!);
    await user.click(next3);

    // 4: token with a TTL
    await waitFor(() => expect(stepTitle()).toBe('Step 4 of 7: Token'));
    const ttl = screen.getByRole('spinbutton', { name: 'Valid for (minutes)' });
    await user.clear(ttl);
    await user.type(ttl, '30');
    await user.click(screen.getByRole('button', { name: 'Generate token' }));

    // 5: the exact command from the server and the secret, once
    await waitFor(() => expect(stepTitle()).toBe('Step 5 of 7: Command'));
    expect(tokenBody).toEqual({ site_id: 'site_new', profile: 'standard', ttl_minutes: 30 });
    expect(currentSearch()).toBe('?site=site_new&step=5&profile=standard&prereq=1&token=bt_1');
    expect(screen.getByRole('textbox', { name: 'Enrollment command' })).toHaveValue(COMMAND);
    expect(screen.getByRole('textbox', { name: 'Bootstrap token' })).toHaveValue('gpbt1.eyJ1Ijoi');
    await user.click(screen.getByRole('button', { name: 'I ran it: watch the enrollment' }));

    // 6: live status, polled until ready; then 7 lands on the node
    await waitFor(() => expect(stepTitle()).toBe('Step 6 of 7: Live status'));
    await waitFor(() => expect(stepTitle()).toBe('Step 7 of 7: Ready'), { timeout: 6000 });
    const items = screen.getAllByTestId('progress-item');
    expect(items.map((i) => i.dataset.done)).toEqual(['true', 'true', 'true', 'true', 'true', 'true']);
    const ready = screen.getByTestId('node-ready');
    expect(ready).toHaveTextContent('gpu-fra-01 is ready');
    expect(ready).toHaveTextContent('yes: simulated GPUs');
    expect(polls).toBeGreaterThanOrEqual(3);
    await user.click(within(ready).getByRole('link', { name: 'Open node gpu-fra-01' }));
    await waitForPath('/platform/nodes/nod_1');
  }, 20_000);

  it('does not show a secret again after a reload of the command step', async () => {
    mockApi({ ...ADMIN, 'GET /api/v1/bootstrap-tokens/bt_1': tokenStatus() });
    await renderApp('/platform/nodes/onboard?step=5&site=site_fra&profile=standard&prereq=1&token=bt_1');
    expect(stepTitle()).toBe('Step 5 of 7: Command');
    expect(screen.getByText('The command was shown once and is not kept.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Bootstrap token' })).not.toBeInTheDocument();
  });

  it('sends a deep link past an unfinished step back to it', async () => {
    mockApi({ ...ADMIN, ...PROFILES, 'GET /api/v1/sites': { items: [] } });
    await renderApp('/platform/nodes/onboard?step=4&site=site_fra');
    expect(stepTitle()).toBe('Step 2 of 7: Profile');
  });

  it('says when the token expired unused and offers a new one', async () => {
    const expired = tokenStatus();
    expired.token.state = 'expired';
    mockApi({ ...ADMIN, 'GET /api/v1/bootstrap-tokens/bt_1': expired });
    await renderApp('/platform/nodes/onboard?step=6&site=site_fra&profile=standard&prereq=1&token=bt_1');
    expect(screen.getByRole('alert')).toHaveTextContent('This token is expired and was never used.');
    expect(screen.getByRole('button', { name: 'Generate a new token' })).toBeInTheDocument();
  });
});
