import { useState } from 'react';
import { TextField } from '../../components/Field';
import { LifecycleOperationCard } from '../../components/operations/LifecycleOperationCard';
import { ActivityTimeline } from '../../components/ActivityTimeline';
import { useRefreshKey } from '../../hooks/useRefreshKey';
import { clampInt } from '../../parse';
import { Panel } from '../Panel';

/** Platform operations: the runner self-test (a synthetic operation through the engine). */
export function SelftestPanel() {
  const [steps, setSteps] = useState('3');
  const [stepMs, setStepMs] = useState('400');
  const [failures, setFailures] = useState('0');
  const [activityKey, refreshActivity] = useRefreshKey();
  const params = {
    'platform.selftest': {
      steps: clampInt(steps, 1, 20, 3),
      step_ms: clampInt(stepMs, 0, 10000, 0),
      fail_attempts: clampInt(failures, 0, 5, 0),
    },
  };
  return (
    <Panel title="Platform operations" id="platform-operations-title">
      <p className="muted small">
        The self-test runs a synthetic operation through the operations engine, so you can check that operations are
        claimed, stepped, retried and finished on this installation.
      </p>
      <div className="stack">
        <div className="form form--row" role="group" aria-label="Self-test parameters">
          <TextField label="Steps" name="steps" type="number" min={1} max={20} value={steps} onChange={setSteps} />
          <TextField
            label="Step delay (ms)"
            name="step_ms"
            type="number"
            min={0}
            max={10000}
            value={stepMs}
            onChange={setStepMs}
          />
          <TextField
            label="Injected failures per step"
            name="fail_attempts"
            type="number"
            min={0}
            max={5}
            value={failures}
            onChange={setFailures}
          />
        </div>
        <LifecycleOperationCard
          target={{ type: 'platform', id: 'platform' }}
          params={params}
          onFinished={refreshActivity}
        />
        <ActivityTimeline resource={{ type: 'platform', id: 'platform' }} refreshKey={activityKey} />
      </div>
    </Panel>
  );
}
