import { Navigate } from 'react-router-dom';
import { useCurrentUser } from '../auth/AuthContext';
import { landingPathFor } from '../routes';

/** "/": platform admins start on the Platform overview, everyone else on Workloads. */
export function PersonaLanding() {
  const user = useCurrentUser();
  return <Navigate to={landingPathFor(user)} replace />;
}
