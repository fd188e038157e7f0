/**
 * Shown while a page's chunk loads: reserves the page header's height so the
 * content does not jump, and aria-busy tells tests and assistive tech.
 */
export function RouteFallback() {
  return (
    <div className="page route-fallback" aria-busy="true" role="status">
      <span className="visually-hidden">Loading page…</span>
      <div className="route-fallback__title" />
      <div className="route-fallback__line" />
    </div>
  );
}
