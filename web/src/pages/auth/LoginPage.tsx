import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { login } from '../../api/auth';
import { useAuth } from '../../auth/AuthContext';
import { safeNext } from '../../auth/nextPath';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { SIGNUP_PATH } from '../../routes';
import { AuthLayout } from './AuthLayout';
import { loginErrorMessage } from './loginErrorMessage';
import { useSignupEnabled } from './useSignupEnabled';

const FIELDS = ['email', 'password'] as const;

export function LoginPage() {
  const { state, signedIn } = useAuth();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const signupEnabled = useSignupEnabled();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();

  if (state.status === 'signed_in') return <Navigate to={next} replace />;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const result = await action.run(() => login(email.trim(), password));
    if (result.ok) signedIn(result.value);
    else setPassword('');
  }

  return (
    <AuthLayout title="Sign in to GPUaaS">
      {state.status === 'loading' ? (
        <p className="state state--loading" aria-busy="true" role="status">
          Checking your session…
        </p>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate aria-label="Sign in">
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={action.error}
            required
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={action.error}
            required
          />
          <FormError
            error={action.error}
            fields={FIELDS}
            message={action.error ? loginErrorMessage(action.error) : undefined}
          />
          <button
            type="submit"
            className="button button--primary"
            disabled={action.pending || !email.trim() || !password}
          >
            {action.pending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      )}
      {signupEnabled && (
        <p className="auth__alt">
          No account yet?{' '}
          <Link to={params.get('next') ? `${SIGNUP_PATH}?next=${encodeURIComponent(next)}` : SIGNUP_PATH}>
            Create an account
          </Link>
        </p>
      )}
    </AuthLayout>
  );
}
