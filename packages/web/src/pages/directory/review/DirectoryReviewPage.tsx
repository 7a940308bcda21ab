import type { DirectorySubmission } from '@liaison/core/api/directory';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  decideSubmission,
  directoryKeys,
  fetchRetirements,
  fetchSubmissionQueue,
} from '../../../api/directory.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { Pager } from '../components/Pager.tsx';
import { RejectSubmissionModal } from './RejectSubmissionModal.tsx';
import { RetirementsTable } from './RetirementsTable.tsx';
import { SubmissionCard } from './SubmissionCard.tsx';

const PAGE_SIZE = 20;

export function DirectoryReviewPage() {
  return <RequireSession roles={['technician', 'platform_admin']}>{() => <ReviewQueue />}</RequireSession>;
}

/** The technicians' queue: every proposal waits here, oldest first, until approved or refused. */
function ReviewQueue() {
  const { t } = useTranslation();
  usePageTitle(t('directory.review.title'));
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState<DirectorySubmission | null>(null);
  const params = { status: 'pending' as const, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const queue = useQuery({
    queryKey: directoryKeys.queue(params),
    queryFn: () => fetchSubmissionQueue(params),
    placeholderData: keepPreviousData,
  });
  const retirements = useQuery({ queryKey: directoryKeys.retirements, queryFn: fetchRetirements });

  // Everything directory-wide may have changed: the queue, entries, searches, an establishment's lists.
  const refresh = () => queryClient.invalidateQueries({ queryKey: directoryKeys.all });

  const approve = useMutation({
    mutationFn: (submission: DirectorySubmission) => decideSubmission(submission.id, { decision: 'approve' }),
    onSuccess: async (_result, submission) => {
      notifications.show({
        color: 'green',
        message: t('directory.review.approved', { name: entryDisplayName(submission.fields) }),
      });
      await refresh();
    },
  });
  const reject = useMutation({
    mutationFn: ({ submission, reason }: { submission: DirectorySubmission; reason: string }) =>
      decideSubmission(submission.id, { decision: 'reject', reason }),
    onSuccess: async (_result, { submission }) => {
      setRejecting(null);
      notifications.show({
        color: 'orange',
        message: t('directory.review.rejected', { name: entryDisplayName(submission.fields) }),
      });
      await refresh();
    },
  });

  const data = queue.data;
  // Deciding the last proposals of the last page leaves it empty: step back to one that has some.
  const emptyPage = data !== undefined && data.submissions.length === 0 && page > 1;
  useEffect(() => {
    if (emptyPage) setPage((current) => Math.max(1, current - 1));
  }, [emptyPage]);
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{t('directory.review.title')}</Title>
        <Text c="dimmed">{t('directory.review.intro')}</Text>
      </Stack>
      <Tabs defaultValue="pending" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="pending">
            {t('directory.review.tabs.pending', { count: data?.total ?? 0 })}
          </Tabs.Tab>
          <Tabs.Tab value="retirements">
            {t('directory.review.tabs.retirements', { count: retirements.data?.length ?? 0 })}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pending" pt="md">
          <Stack gap="md">
            <ErrorAlert error={queue.error ?? approve.error} />
            {queue.isPending ? <Loading /> : null}
            {data && data.submissions.length === 0 ? (
              <Text data-testid="review-empty">{t('directory.review.empty')}</Text>
            ) : null}
            {data && data.submissions.length > 0 ? (
              <Stack
                component="ul"
                gap="md"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-label={t('directory.review.listLabel')}
              >
                {data.submissions.map((submission) => (
                  <li key={submission.id}>
                    <SubmissionCard
                      submission={submission}
                      busy={approve.isPending && approve.variables?.id === submission.id}
                      onApprove={(target) => approve.mutate(target)}
                      onReject={(target) => {
                        reject.reset();
                        setRejecting(target);
                      }}
                    />
                  </li>
                ))}
              </Stack>
            ) : null}
            {data ? (
              <Pager
                page={page}
                pageSize={PAGE_SIZE}
                total={data.total}
                onChange={setPage}
                label={t('directory.search.pages')}
              />
            ) : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="retirements" pt="md">
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('directory.review.retirementsIntro')}
            </Text>
            <ErrorAlert error={retirements.error} />
            {retirements.isPending ? <Loading /> : null}
            {retirements.data?.length === 0 ? <Text>{t('directory.review.retirementsEmpty')}</Text> : null}
            {retirements.data && retirements.data.length > 0 ? (
              <RetirementsTable entries={retirements.data} />
            ) : null}
          </Stack>
        </Tabs.Panel>
      </Tabs>
      <RejectSubmissionModal
        submission={rejecting}
        pending={reject.isPending}
        error={reject.error}
        onClose={() => setRejecting(null)}
        onConfirm={(submission, reason) => reject.mutate({ submission, reason })}
      />
    </Stack>
  );
}
