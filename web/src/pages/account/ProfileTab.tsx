import { getMe } from '../../api/me';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useResource } from '../../hooks/useResource';
import { DisplayNameForm } from './DisplayNameForm';
import { MembershipSummary } from './MembershipSummary';
import { PasswordForm } from './PasswordForm';

export function ProfileTab() {
  const { state, reload } = useResource(['me'], (signal) => getMe(signal));
  if (state.status === 'loading') return <LoadingState label="Loading your profile…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const me = state.data;
  return (
    <div className="stack">
      <DisplayNameForm user={me.user} />
      <MembershipSummary tenants={me.tenants} projects={me.projects} />
      <PasswordForm />
    </div>
  );
}
