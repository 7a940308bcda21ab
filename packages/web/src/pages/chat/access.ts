import type { Me } from '@liaison/core/api/index';
import { hasRole } from '../../lib/session.ts';

/**
 * Who the chat is for, as the server decides membership (server/src/chat/members.ts): an active,
 * verified account, that is a professional with a national id or staff with a verified role. Showing
 * the entry to others would only lead them to a refusal; the server still checks every call.
 */
export function canChat(me: Me): boolean {
  if (me.status !== 'active') return false;
  return (
    me.nationalId !== null || hasRole(me, 'secretary', 'establishment_admin', 'technician', 'platform_admin')
  );
}
