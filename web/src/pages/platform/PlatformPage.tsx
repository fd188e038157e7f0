import type { ReactElement } from 'react';
import { Link, Route, Routes } from 'react-router-dom';
import { useCurrentUser } from '../../auth/AuthContext';
import { groupRoute } from '../../routes';
import { onboardPath } from '../../api/fleet';
import { EvidenceView } from '../evidence/EvidenceView';
import { Panel } from '../Panel';
import { SectionedPage } from '../SectionedPage';
import { LifecycleTab } from './LifecycleTab';
import { SetupTab } from './SetupTab';
import { SelftestPanel } from './SelftestPanel';
import { UsersTab } from './UsersTab';

const route = groupRoute('platform');

/** /platform (overview), /platform/lifecycle, /platform/setup, /platform/users and /platform/evidence (platform admins). */
export function PlatformPage() {
  return (
    <SectionedPage route={route}>
      <Routes>
        <Route index element={<PlatformOverview />} />
        <Route
          path="lifecycle"
          element={
            <AdminOnly what="The fleet and its lifecycle">
              <LifecycleTab />
            </AdminOnly>
          }
        />
        <Route
          path="setup"
          element={
            <AdminOnly what="The setup checklist">
              <SetupTab />
            </AdminOnly>
          }
        />
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
      {!user.platform_admin && (
        <div className="state state--empty" role="status">
          <p className="state__title">The platform overview is for platform admins.</p>
        </div>
      )}
      {user.platform_admin && <FleetPanel />}
      {user.platform_admin && <SelftestPanel />}
    </div>
  );
}

/** Where the fleet and the installation's setup live. */
function FleetPanel() {
  return (
    <Panel title="Fleet and setup" id="platform-fleet-title">
      <p className="muted small">
        The nodes of this GPU cloud, what needs action on them, and what this installation still needs set up.
      </p>
      <div className="pivots">
        <Link className="button button--small" to="/platform/lifecycle">
          Lifecycle: nodes and what needs action
        </Link>
        <Link className="button button--small" to="/platform/setup">
          Setup checklist
        </Link>
        <Link className="button button--small" to={onboardPath()}>
          Onboard a node
        </Link>
      </div>
    </Panel>
  );
}

function AdminOnly({ what, children }: { what: string; children: ReactElement }) {
  const user = useCurrentUser();
  if (user.platform_admin) return children;
  return (
    <div className="state state--empty" role="status">
      <p className="state__title">{what} {/ (list|checklist)$/.test(what) ? 'is' : 'are'} for platform admins.</p>
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
