import type { ReactElement } from 'react';
import { Link, Route, Routes } from 'react-router-dom';
import { useCurrentUser } from '../../auth/AuthContext';
import { groupRoute } from '../../routes';
import { EvidenceView } from '../evidence/EvidenceView';
import { PendingState } from '../PendingState';
import { SectionedPage } from '../SectionedPage';
import { SelftestPanel } from './SelftestPanel';
import { UsersTab } from './UsersTab';

const route = groupRoute('platform');

/** /platform (overview), /platform/users and /platform/evidence (platform admins). */
export function PlatformPage() {
  return (
    <SectionedPage route={route}>
      <Routes>
        <Route index element={<PlatformOverview />} />
        <Route
          path="users"
          element={
            <AdminOnly what="Platform users">
              <UsersTab />
            </AdminOnly>
          }
        />
        <Route path="evidence" element={<PlatformEvidence />} />
        <Route path="*" element={null} />
      </Routes>
    </SectionedPage>
  );
}

function PlatformOverview() {
  const user = useCurrentUser();
  return (
    <div className="stack">
      <PendingState label="Operator setup" capabilities={['Operator setup', 'Nodes']} />
      {user.platform_admin && <SelftestPanel />}
    </div>
  );
}

function AdminOnly({ what, children }: { what: string; children: ReactElement }) {
  const user = useCurrentUser();
  if (user.platform_admin) return children;
  return (
    <div className="state state--empty" role="status">
      <p className="state__title">{what} are for platform admins.</p>
    </div>
  );
}

function PlatformEvidence() {
  const user = useCurrentUser();
  if (!user.platform_admin) {
    return (
      <div className="state state--empty" role="status">
        <p className="state__title">Platform evidence is for platform admins.</p>
        <p className="state__text">
          Your own audit trail is under <Link to="/evidence">Evidence</Link>.
        </p>
      </div>
    );
  }
  return <EvidenceView />;
}
