import { useCallback, type ReactNode } from 'react';
import type { OperationTargetRef, OperationView } from '../../api/operations';
import { useRefreshKey } from '../../hooks/useRefreshKey';
import { ActivityTimeline } from '../ActivityTimeline';
import { Drawer } from '../../ui/Drawer';
import { LifecycleOperationCard } from './LifecycleOperationCard';

interface TargetOperationsDrawerProps {
  /** Drawer heading, e.g. "Token ci-deploy". */
  title: string;
  target: OperationTargetRef;
  onClose: () => void;
  /** After an operation started here finishes (e.g. re-read the list behind). */
  onFinished?: (op: OperationView) => void;
  /** Facts about the target, shown above the card. */
  children?: ReactNode;
}

/** One resource's operations card with its activity stream next to it. */
export function TargetOperationsDrawer({ title, target, onClose, onFinished, children }: TargetOperationsDrawerProps) {
  const [activityKey, refreshActivity] = useRefreshKey();
  const finished = useCallback(
    (op: OperationView) => {
      refreshActivity();
      onFinished?.(op);
    },
    [refreshActivity, onFinished],
  );

  return (
    <Drawer title={title} onClose={onClose}>
      <div className="stack">
        {children}
        <LifecycleOperationCard target={target} onFinished={finished} />
        <ActivityTimeline resource={target} refreshKey={activityKey} />
      </div>
    </Drawer>
  );
}
