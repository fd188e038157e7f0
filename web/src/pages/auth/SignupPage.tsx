import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { signup } from '../../api/auth';
import { useAuth } from '../../auth/AuthContext';
import { safeNext } from '../../auth/nextPath';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { LOGIN_PATH } from '../../routes';
import { AuthLayout } from './AuthLayout';
import { useSignupEnabled } from './useSignupEnabled';

const FIELDS = ['email', 'display_name', 'password'] as const;

export function SignupPage() {
  const { state, signedIn } = useAuth();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const signupEnabled = useSignupEnabled();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();

  if (state.status === 'signed_in') return <Navigate to={next} replace />;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const result = await action.run(() => signup(email.trim(), password, displayName.trim()));
    if (result.ok) signedIn(result.value);
  }

  const signIn = (
    <p className="auth__alt">
      Already have an account? <Link to={LOGIN_PATH}>Sign in</Link>
    </p>
  );

  if (signupEnabled === false) {
    return (
      <AuthLayout title="Create an account">
        <p role="status">
          Sign-up is turned off on this platform. Ask a platform administrator to create an account
          for you.
        </p>
        {signIn}
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Create an account">
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Create an account">
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
          label="Display name"
          name="display_name"
          autoComplete="name"
          value={displayName}
          onChange={setDisplayName}
          error={action.error}
          required
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={action.error}
          required
        />
        <FormError error={action.error} fields={FIELDS} />
        <button
          type="submit"
          className="button button--primary"
          disabled={action.pending || !email.trim() || !password || !displayName.trim()}
        >
          {action.pending ? 'Creating account…' : 'Create account'}
        </button>
      </form>
      {signIn}
    </AuthLayout>
  );
}
