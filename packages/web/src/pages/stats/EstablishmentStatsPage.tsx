import type { Me, StatsReport } from '@liaison/core/api/index';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireSession } from '../../components/RequireSession.tsx';
import { administeredOrganisations } from '../../lib/session.ts';
import { canSeeEstablishmentStats } from './access.ts';
import { StatsScreen } from './StatsScreen.tsx';

/** One establishment's own figures: its admins and platform admins (the server checks the same rule). */
export function EstablishmentStatsPage() {
  const { id = '' } = useParams();
  // Keyed by the establishment: moving to another one starts afresh rather than showing the last one's figures.
  return <RequireSession>{(me) => <EstablishmentStats key={id} me={me} id={id} />}</RequireSession>;
}

function EstablishmentStats({ me, id }: { me: Me; id: string }) {
  const { t } = useTranslation();
  if (!canSeeEstablishmentStats(me, id)) {
    return (
      <Stack>
        <Title order={1}>{t('forbidden.title')}</Title>
        <Text>{t('forbidden.text')}</Text>
      </Stack>
    );
  }
  // The report names the establishment; before it arrives, an admin's own membership already does.
  const administered = administeredOrganisations(me).find((organisation) => organisation.id === id);
  const title = (report: StatsReport | undefined) => {
    const name = report?.scope.kind === 'establishment' ? report.scope.name : administered?.name;
    return name ? t('stats.titleEstablishment', { name }) : t('stats.titleEstablishmentPending');
  };
  return (
    <StatsScreen
      title={title}
      establishment={id}
      before={
        <Anchor component={Link} to={`/establishments/${encodeURIComponent(id)}`} size="sm">
          ← {t('stats.back')}
        </Anchor>
      }
    />
  );
}
