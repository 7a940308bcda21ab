import { Navigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useSession } from '../../lib/session.ts';

/** "/" has no page of its own: signed-in people go to their account, others to the login form. */
export function HomeRedirect() {
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  return <Navigate to={session.data ? '/account' : '/login'} replace />;
}
