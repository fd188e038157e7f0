import type { AuditOutcome } from '../../api/types';
import { Badge, type BadgeTone } from '../../components/Badge';

const TONE: Record<AuditOutcome, BadgeTone> = {
  allowed: 'success',
  denied: 'danger',
  failed: 'warning',
};

export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  return <Badge tone={TONE[outcome] ?? 'neutral'}>{outcome}</Badge>;
}
