import { utilityRoute } from '../../routes';
import { useDocumentTitle } from '../useDocumentTitle';
import { EvidenceView } from './EvidenceView';

const route = utilityRoute('/evidence');

/** /evidence: the audit log the signed-in user may see. */
export function EvidencePage() {
  useDocumentTitle(route.label);
  return (
    <article className="page page--wide">
      <div className="page__header">
        <h1 className="page__title">{route.label}</h1>
        <p className="page__purpose">{route.purpose}</p>
      </div>
      <EvidenceView />
    </article>
  );
}
