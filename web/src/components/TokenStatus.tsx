import type { Token } from '../api/types';
import { daysUntil } from '../format';
import { Badge, type BadgeTone } from './Badge';

const SOON_DAYS = 7;

/** The server's status, plus a nudge when an active token expires within a week. */
export function tokenPosture(token: Token, now = Date.now()): { tone: BadgeTone; text: string } {
  if (token.status === 'revoked') return { tone: 'neutral', text: 'revoked' };
  if (token.status === 'expired') return { tone: 'danger', text: 'expired' };
  if (token.expires_at) {
    const days = daysUntil(token.expires_at, now);
    if (days < SOON_DAYS) {
      return {
        tone: 'warning',
        text: days <= 0 ? 'active · expires within a day' : `active · expires in ${days}d`,
      };
    }
  }
  return { tone: 'success', text: 'active' };
}

export function TokenStatus({ token }: { token: Token }) {
  const { tone, text } = tokenPosture(token);
  return <Badge tone={tone}>{text}</Badge>;
}
