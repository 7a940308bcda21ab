import type { Me } from '@liaison/core/api/index';
import { Navigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { hasRole, useSession } from '../../lib/session.ts';

/**
 * "/" has no page of its own: professionals and secretaries with a mailbox go to their mail, other
 * signed-in people (staff) to their account, everyone else to the login form.
 */
export function landingPath(me: Me | null): string {
  if (!me) return '/login';
  if (me.mailboxes.length > 0 && hasRole(me, 'professional', 'secretary')) return '/mail';
  return '/account';
}

export function HomeRedirect() {
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  return <Navigate to={landingPath(session.data)} replace />;
}
