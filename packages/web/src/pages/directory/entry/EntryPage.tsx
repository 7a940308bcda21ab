import type { Me } from '@liaison/core/api/index';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { directoryKeys, fetchEntry, type EntryDetail } from '../../../api/directory.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../lib/format.ts';
import { administeredOrganisations, hasRole, useSession } from '../../../lib/session.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useBookEntryIds } from '../addressBook/useBookEntries.ts';
import { EntryActions } from '../components/EntryActions.tsx';
import { EntryStateBadge } from '../components/EntryStateBadge.tsx';
import { practiceLine } from '../labels.ts';
import { DIRECTORY_PATH } from '../paths.ts';
import { CertificatesList } from './CertificatesList.tsx';
import { EntryFieldsList } from './EntryFieldsList.tsx';
import { EntryHistory } from './EntryHistory.tsx';

/** One entry with everything a sender needs: who, where, which addresses, and their certificates. */
export function EntryPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useSession().data ?? null;
  const entry = useQuery({ queryKey: directoryKeys.entry(id), queryFn: () => fetchEntry(id) });
  usePageTitle(entry.data ? entryDisplayName(entry.data.fields) : t('directory.search.title'));
  return (
    <Stack gap="lg" maw={1000}>
      <Anchor component={Link} to={DIRECTORY_PATH} size="sm">
        ← {t('directory.entry.back')}
      </Anchor>
      <ErrorAlert error={entry.error} />
      {entry.isPending ? <Loading /> : null}
      {entry.data ? <Entry entry={entry.data} me={me} /> : null}
    </Stack>
  );
}

/** Its establishment's admins and technicians may read the history (the server checks it again). */
function canSeeHistory(me: Me | null, entry: EntryDetail): boolean {
  if (!me) return false;
  if (hasRole(me, 'technician', 'platform_admin')) return true;
  return administeredOrganisations(me).some((organisation) => organisation.id === entry.organisationId);
}

function Entry({ entry, me }: { entry: EntryDetail; me: Me | null }) {
  const { t, i18n } = useTranslation();
  const bookIds = useBookEntryIds(me !== null);
  const name = entryDisplayName(entry.fields);
  const practice = practiceLine(entry.fields, i18n.language);
  return (
    <>
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap">
          <Title order={1} style={{ overflowWrap: 'anywhere' }} data-testid="entry-name">
            {name}
          </Title>
          {entry.state !== 'published' ? <EntryStateBadge state={entry.state} /> : null}
          {entry.fields.unlisted ? (
            <Badge variant="light" color="gray" tt="none">
              {t('directory.fields.unlisted')}
            </Badge>
          ) : null}
        </Group>
        {practice ? <Text fw={500}>{practice}</Text> : null}
        <Text c="dimmed">{entry.organisationName}</Text>
        <EntryActions me={me} entry={entry} inBook={bookIds.has(entry.id)} />
      </Stack>
      {entry.rppsLeftAt ? (
        <Alert color="orange" variant="light">
          {t('directory.entry.rppsLeft', { date: formatDate(entry.rppsLeftAt, i18n.language) })}
        </Alert>
      ) : null}
      {entry.pendingSubmissionId && canSeeHistory(me, entry) ? (
        <Alert color="orange" variant="light">
          {t('directory.entry.pendingChange')}
        </Alert>
      ) : null}
      <EntryFieldsList entry={entry} />
      <Section title={t('directory.entry.certificates')}>
        <Text size="sm" c="dimmed">
          {t('directory.entry.certificatesIntro')}
        </Text>
        <CertificatesList certificates={entry.certificates} />
      </Section>
      {canSeeHistory(me, entry) ? <EntryHistory entryId={entry.id} /> : null}
    </>
  );
}
