import { useCallback, useEffect, useState } from 'react';

/** How long after an operation ends its activity is read once more. */
export const ACTIVITY_FOLLOW_UP_MS = 1500;

/**
 * A key for ActivityTimeline's refreshKey. `bump()` changes it at once and
 * again after `followUpMs`: activity entries are written from the outbox just
 * after an operation ends, so the first read may be a moment early.
 */
export function useRefreshKey(followUpMs = ACTIVITY_FOLLOW_UP_MS) {
  const [key, setKey] = useState(0);
  const [followUp, setFollowUp] = useState(0);

  useEffect(() => {
    if (followUp === 0) return;
    const timer = setTimeout(() => setKey((k) => k + 1), followUpMs);
    return () => clearTimeout(timer);
  }, [followUp, followUpMs]);

  const bump = useCallback(() => {
    setKey((k) => k + 1);
    setFollowUp((n) => n + 1);
  }, []);

  return [key, bump] as const;
}
