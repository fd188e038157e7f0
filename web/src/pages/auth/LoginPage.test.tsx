import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { calls, errorResponse, initOf, mockApi, testSession, type Handler } from '../../test/mockApi';
import { renderApp, settle, waitForPath } from '../../test/renderApp';

const SIGNED_OUT = {
  'GET /api/v1/auth/session': errorResponse(401, 'unauthenticated', 'sign in first'),
};

async function signIn(login: Handler, path = '/login') {
  const user = userEvent.setup();
  const fetchMock = mockApi({
    ...SIGNED_OUT,
    'POST /api/v1/auth/login': login,
    'GET /api/v1/tenants': { items: [] },
    'GET /api/v1/projects': { items: [] },
  });
  await renderApp(path);
  await user.type(screen.getByLabelText('Email'), ' alice@example.com ');
  await user.type(screen.getByLabelText('Password'), 'hunter22');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await settle();
  return fetchMock;
}

describe('login page', () => {
  it('signs in and goes to the remembered path', async () => {
    const fetchMock = await signIn(testSession(), '/login?next=%2Faccess');
    await waitForPath('/access');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Access');
    const init = initOf(fetchMock, 'POST /api/v1/auth/login');
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'alice@example.com', password: 'hunter22' });
    // The session's CSRF token is used from now on.
    expect(screen.getByRole('button', { name: /Alice Example/ })).toBeInTheDocument();
  });

  it('goes to Workloads when there is no remembered path', async () => {
    await signIn(testSession());
    await waitForPath('/workloads');
  });

  it('ignores a remembered path that leaves the console', async () => {
    await signIn(testSession(), '/login?next=%2F%2Fevil.example%2F');
    await waitForPath('/workloads');
  });

  it("shows the server's generic message for a bad email or password", async () => {
    await signIn(errorResponse(401, 'unauthenticated', 'email or password is incorrect'));
    expect(screen.getByRole('alert')).toHaveTextContent('email or password is incorrect');
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
    // The password is cleared for the next try; the email is kept.
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Email')).toHaveValue('alice@example.com');
  });

  it('explains rate limiting with the Retry-After seconds', async () => {
    await signIn(
      errorResponse(429, 'rate_limited', 'too many attempts', {}, { 'Retry-After': '37' }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Too many sign-in attempts. Try again in 37 seconds.',
    );
  });

  it('hides the sign-up link unless sign-up is enabled', async () => {
    mockApi(SIGNED_OUT);
    await renderApp('/login');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Sign in to GPUaaS');
    expect(screen.queryByRole('link', { name: 'Create an account' })).not.toBeInTheDocument();
  });

  it('shows the sign-up link when sign-up is enabled', async () => {
    const user = userEvent.setup();
    mockApi({ ...SIGNED_OUT, 'GET /api/v1/auth/config': { signup_enabled: true } });
    await renderApp('/login');
    await user.click(await screen.findByRole('link', { name: 'Create an account' }));
    await waitForPath('/signup');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Create an account');
  });
});

describe('signup page', () => {
  it('creates the account and signs in', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      ...SIGNED_OUT,
      'GET /api/v1/auth/config': { signup_enabled: true },
      'POST /api/v1/auth/signup': () => new Response(JSON.stringify(testSession()), { status: 201 }),
    });
    await renderApp('/signup');
    await user.type(screen.getByLabelText('Email'), 'bob@example.com');
    await user.type(screen.getByLabelText('Display name'), 'Bob');
    await user.type(screen.getByLabelText('Password'), 'a long passphrase');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitForPath('/workloads');
    expect(JSON.parse(String(initOf(fetchMock, 'POST /api/v1/auth/signup')?.body))).toEqual({
      email: 'bob@example.com',
      password: 'a long passphrase',
      display_name: 'Bob',
    });
  });

  it('shows a field error next to the password', async () => {
    const user = userEvent.setup();
    mockApi({
      ...SIGNED_OUT,
      'GET /api/v1/auth/config': { signup_enabled: true },
      'POST /api/v1/auth/signup': errorResponse(400, 'invalid_argument', 'password must be at least 12 characters', {
        field: 'password',
      }),
    });
    await renderApp('/signup');
    await user.type(screen.getByLabelText('Email'), 'bob@example.com');
    await user.type(screen.getByLabelText('Display name'), 'Bob');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('password must be at least 12 characters');
  });

  it('says so when sign-up is turned off', async () => {
    const fetchMock = mockApi(SIGNED_OUT);
    await renderApp('/signup');
    expect(screen.getByText(/Sign-up is turned off on this platform/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create account' })).not.toBeInTheDocument();
    expect(calls(fetchMock)).not.toContain('POST /api/v1/auth/signup');
  });
});
