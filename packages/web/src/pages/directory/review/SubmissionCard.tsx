import type { DirectorySubmission, SubmissionAction } from '@liaison/core/api/directory';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format.ts';
import { entryPath } from '../paths.ts';
import { FieldDiff } from './FieldDiff.tsx';

const ACTION_COLOURS: Record<SubmissionAction, string> = { create: 'liaison', update: 'blue', remove: 'red' };
const CHECK_CODES = ['RPPS_NOT_IN_REFERENCE', 'RPPS_LEFT_REFERENCE', 'RPPS_NAME_MISMATCH'] as const;

function isCheckCode(code: string): code is (typeof CHECK_CODES)[number] {
  return (CHECK_CODES as readonly string[]).includes(code);
}

interface Props {
  submission: DirectorySubmission;
  busy: boolean;
  onApprove: (submission: DirectorySubmission) => void;
  onReject: (submission: DirectorySubmission) => void;
}

/** One proposal to decide: who proposed what, what the national reference says, and the difference. */
export function SubmissionCard({ submission, busy, onApprove, onReject }: Props) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const name = entryDisplayName(submission.fields);
  return (
    <Paper
      component="article"
      aria-labelledby={headingId}
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      data-testid="submission-card"
      data-submission-id={submission.id}
      data-name={name}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ flex: '1 1 18rem', minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
                {submission.action === 'create' ? (
                  name
                ) : (
                  <Anchor component={Link} to={entryPath(submission.entryId)} inherit>
                    {name}
                  </Anchor>
                )}
              </Title>
              <Badge color={ACTION_COLOURS[submission.action]} variant="light" tt="none">
                {t(`directory.actions.${submission.action}`)}
              </Badge>
              <Badge color="gray" variant="outline" tt="none">
                {t(`directory.sources.${submission.source}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('directory.review.organisation', { name: submission.organisationName })} ·{' '}
              {t('directory.review.submittedAt', {
                date: formatDateTime(submission.submittedAt, i18n.language),
              })}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button
              color="green"
              loading={busy}
              aria-label={t('directory.review.approveLabel', { name })}
              onClick={() => onApprove(submission)}
            >
              {t('directory.review.approve')}
            </Button>
            <Button
              color="red"
              variant="light"
              disabled={busy}
              aria-label={t('directory.review.rejectLabel', { name })}
              onClick={() => onReject(submission)}
            >
              {t('directory.review.reject')}
            </Button>
          </Group>
        </Group>
        {submission.checks.length > 0 ? (
          <Alert
            color="orange"
            variant="light"
            title={t('directory.review.checks')}
            data-testid="submission-checks"
          >
            <List size="sm" spacing={4}>
              {submission.checks.map((check) => (
                <List.Item key={check.code}>
                  <Text size="sm" fw={500} span>
                    {isCheckCode(check.code) ? t(`directory.review.checkCodes.${check.code}`) : check.code}
                  </Text>{' '}
                  <Text size="xs" c="dimmed" span>
                    ({check.message})
                  </Text>
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <FieldDiff submission={submission} />
      </Stack>
    </Paper>
  );
}
