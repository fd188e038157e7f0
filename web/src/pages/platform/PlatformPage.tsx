import { Link, Route, Routes } from 'react-router-dom';
import { useCurrentUser } from '../../auth/AuthContext';
import { groupRoute } from '../../routes';
import { EvidenceView } from '../evidence/EvidenceView';
import { PendingState } from '../PendingState';
import { SectionedPage } from '../SectionedPage';

const route = groupRoute('platform');

/** /platform (overview, still pending) and /platform/evidence (platform admins). */
export function PlatformPage() {
  return (
    <SectionedPage route={route}>
      <Routes>
        <Route
          index
          element={
            <PendingState label="Operator setup" capabilities={['Operator setup', 'Nodes', 'Operations']} />
          }
        />
        <Route path="evidence" element={<PlatformEvidence />} />
        <Route path="*" element={null} />
      </Routes>
    </SectionedPage>
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
