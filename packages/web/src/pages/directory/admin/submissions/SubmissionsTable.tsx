import type { DirectorySubmission, SubmissionStatus } from '@liaison/core/api/directory';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { Badge, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { directoryKeys, fetchOrganisationSubmissions } from '../../../../api/directory.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { Loading } from '../../../../components/Loading.tsx';
import { formatDateTime } from '../../../../lib/format.ts';

const STATUS_COLOURS: Record<SubmissionStatus, string> = {
  pending: 'orange',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

/** Where an establishment learns what the technicians decided, and why a proposal was refused. */
export function SubmissionsSection({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const submissions = useQuery({
    queryKey: directoryKeys.organisationSubmissions(organisationId),
    queryFn: () => fetchOrganisationSubmissions(organisationId),
  });
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('directory.submissions.intro')}
      </Text>
      <ErrorAlert error={submissions.error} />
      {submissions.isPending ? <Loading /> : null}
      {submissions.data?.length === 0 ? <Text c="dimmed">{t('directory.submissions.empty')}</Text> : null}
      {submissions.data && submissions.data.length > 0 ? (
        <SubmissionsTable submissions={submissions.data} />
      ) : null}
    </Stack>
  );
}

function SubmissionsTable({ submissions }: { submissions: DirectorySubmission[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm" withTableBorder>
        <Table.Caption>{t('directory.submissions.caption', { count: submissions.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('directory.submissions.colEntry')}</Table.Th>
            <Table.Th scope="col">{t('directory.submissions.colAction')}</Table.Th>
            <Table.Th scope="col">{t('directory.submissions.colSubmitted')}</Table.Th>
            <Table.Th scope="col">{t('directory.submissions.colStatus')}</Table.Th>
            <Table.Th scope="col">{t('directory.submissions.colReason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {submissions.map((submission) => (
            <Table.Tr key={submission.id} data-testid="submission-row" data-status={submission.status}>
              <Table.Th scope="row" fw={600}>
                {entryDisplayName(submission.fields)}
              </Table.Th>
              <Table.Td>
                <Text size="sm">{t(`directory.actions.${submission.action}`)}</Text>
                <Text size="xs" c="dimmed">
                  {t(`directory.sources.${submission.source}`)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDateTime(submission.submittedAt, i18n.language)}</Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  color={STATUS_COLOURS[submission.status]}
                  variant="light"
                  tt="none"
                  style={{ minWidth: 'max-content' }}
                >
                  {t(`directory.submissionStatus.${submission.status}`)}
                </Badge>
                {submission.decidedAt ? (
                  <Text size="xs" c="dimmed" mt={2}>
                    {formatDateTime(submission.decidedAt, i18n.language)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{submission.reason ?? '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
