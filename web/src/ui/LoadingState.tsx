import './LoadingState.css';

/**
 * Waiting for data, as one line of text. aria-busy lets tests and assistive
 * tech know; prefer Skeleton/SkeletonTable where the final layout is known.
 */
export function LoadingState({ label }: { label: string }) {
  return (
    <p className="ui-state ui-state--loading" aria-busy="true" role="status">
      {label}
    </p>
  );
}
