import { LifecycleOperationCard } from '../../components/operations/LifecycleOperationCard';
import { detailRoute } from '../../routes';
import { GallerySectionA } from '../../ui/gallery/GallerySectionA';
import { GallerySectionB } from '../../ui/gallery/GallerySectionB';
import { ResourceHeader } from '../../ui/ResourceHeader';
import { useDocumentTitle } from '../useDocumentTitle';

const route = detailRoute('/dev/gallery');

/**
 * /dev/gallery (development builds only): every design-system primitive with
 * realistic examples, so a change to one is seen everywhere at once.
 * GalleryPage.test.tsx fails when a primitive in src/ui has no section here.
 */
export function GalleryPage() {
  useDocumentTitle(route.label);
  return (
    <article className="page page--wide gallery" data-testid="gallery">
      <ResourceHeader name={route.label} kind="Development" subtitle={route.purpose} back={route.back} />
      <GallerySectionA />
      <GallerySectionB />
      <section className="gallery__section" aria-labelledby="gallery-lifecycle">
        <h2 id="gallery-lifecycle">LifecycleOperationCard</h2>
        <p>
          The slot every resource page fills with its operations: grouped by intent, with
          preconditions, danger and typed confirmation. Here it reads the platform&apos;s real
          catalogue (platform admins see the self-test).
        </p>
        <LifecycleOperationCard target={{ type: 'platform', id: 'platform' }} title="Platform operations" />
      </section>
    </article>
  );
}
