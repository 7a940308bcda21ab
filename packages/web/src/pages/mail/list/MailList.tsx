import type { Mailbox, Me } from '@liaison/core/api/index';
import { Button, Center, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchMailList, mailKeys, type MailView } from '../../../api/mail.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import classes from './MailList.module.css';
import { MailRow } from './MailRow.tsx';

const PAGE_SIZE = 50;

/**
 * One view of a mailbox, newest first, paged by sequence. The live-mail socket invalidates
 * `['mail', address]`, which refetches these pages: a new letter appears without a reload.
 */
export function MailList({ me, mailbox, view }: { me: Me; mailbox: Mailbox; view: MailView }) {
  const { t } = useTranslation();
  const pages = useInfiniteQuery({
    queryKey: mailKeys.list(mailbox.address, view),
    queryFn: ({ pageParam }) =>
      fetchMailList(mailbox.address, {
        view,
        limit: PAGE_SIZE,
        ...(pageParam === null ? {} : { before: pageParam }),
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.more ? (last.items.at(-1)?.seq ?? null) : null),
  });

  if (pages.isPending) return <Loading />;
  if (pages.isError) return <ErrorAlert error={pages.error} />;
  const items = pages.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <Paper withBorder radius="md" p="xl">
        <Text c="dimmed" ta="center" data-testid="mail-empty">
          {t(`mail.list.empty.${view}`)}
        </Text>
      </Paper>
    );
  }
  const correspondent = view === 'inbox' ? 'from' : view === 'sent' ? 'to' : 'fromTo';
  return (
    <>
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <div className={classes.scroll}>
          <Table
            className={classes.table}
            highlightOnHover
            verticalSpacing="sm"
            data-testid="mail-list"
            data-view={view}
          >
            <Table.Caption>{t(`mail.list.caption.${view}`, { count: items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={view === 'sent' ? 300 : 220}>
                  {t(`mail.list.${correspondent}`)}
                </Table.Th>
                <Table.Th scope="col" w={190}>
                  {t('mail.list.patient')}
                </Table.Th>
                <Table.Th scope="col">{t('mail.list.subject')}</Table.Th>
                <Table.Th scope="col" w={110}>
                  {t('mail.list.date')}
                </Table.Th>
                <Table.Th scope="col" w={56}>
                  <VisuallyHidden>{t('mail.list.attachments')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <MailRow key={`${item.folder}:${item.id}`} me={me} item={item} />
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </Paper>
      {pages.hasNextPage ? (
        <Center>
          <Button
            variant="default"
            loading={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {t('mail.list.loadMore')}
          </Button>
        </Center>
      ) : null}
    </>
  );
}
