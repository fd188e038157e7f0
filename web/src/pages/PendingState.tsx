interface PendingStateProps {
  label: string;
  capabilities: readonly string[];
}

/**
 * Honest empty state: the backend for this capability does not exist in this
 * build, so nothing is listed and nothing is faked.
 */
export function PendingState({ label, capabilities }: PendingStateProps) {
  return (
    <section className="pending" aria-labelledby="pending-title">
      <p className="pending__badge">Pending</p>
      <h2 id="pending-title" className="pending__title">
        {label} is not available in this build yet
      </h2>
      <p className="pending__text">
        The backend for {label} has not shipped in this build of the control plane, so there is
        nothing to show here. This page will list real data once that backend is available; until
        then no sample or placeholder data is displayed.
      </p>
      <h3 className="pending__subtitle">Planned here</h3>
      <ul className="pending__list">
        {capabilities.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </section>
  );
}
