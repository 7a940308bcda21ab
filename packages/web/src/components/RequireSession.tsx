import type { Me, Role } from '@liaison/core/api/index';
import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { hasRole, useSession } from '../lib/session.ts';
import { CharterAcceptance } from './charter/CharterAcceptance.tsx';
import { needsCharterAcceptance } from './charter/charterScreen.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Loading } from './Loading.tsx';

interface Props {
  /** When given, the page is shown only to holders of one of these roles. */
  roles?: Role[];
  children: (me: Me) => ReactNode;
}

/**
 * Pages behind a full session, once the charter in force is accepted. This only spares people a page
 * they cannot use: the server refuses the data anyway, so the check here is convenience, not security.
 */
export function RequireSession({ roles, children }: Props) {
  const { t } = useTranslation();
  const session = useSession();

  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  const me = session.data;
  if (!me) return <Navigate to="/login" replace />;
  // The charter in force comes before any page (docs/usage-rules.md): accepting it shows the page asked for.
  if (needsCharterAcceptance(me)) return <CharterAcceptance me={me} />;
  if (roles && !hasRole(me, ...roles)) {
    return (
      <Stack>
        <Title order={1}>{t('forbidden.title')}</Title>
        <Text>{t('forbidden.text')}</Text>
      </Stack>
    );
  }
  return <>{children(me)}</>;
}
