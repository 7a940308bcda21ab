import type { Mailbox, Me } from '@liaison/core/api/index';
import { MailFolder } from '@liaison/core/api/mail';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { mailKeys } from '../../api/mail.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ComposeForm } from './compose/ComposeForm.tsx';
import { blankStart, startFrom, startTo, type ComposeWords } from './compose/composeSource.ts';
import { pickMailbox } from './mailboxes.ts';
import { formatMoment } from './mailFormat.ts';
import { mailboxPath, type ComposeSource } from './paths.ts';
import { letterQuery } from './useMailCrypto.ts';

export function ComposePage() {
  return <RequireSession>{(me) => <Compose me={me} />}</RequireSession>;
}

/** `?reply=ID&folder=F` or `?forward=ID&folder=F` (with `box`): which letter the new one answers. */
function sourceOf(params: URLSearchParams): ComposeSource | null {
  const folder = MailFolder.safeParse(params.get('folder'));
  if (!folder.success) return null;
  for (const kind of ['reply', 'forward'] as const) {
    const id = params.get(kind);
    if (id) return { kind, id, folder: folder.data };
  }
  return null;
}

function Compose({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const mailbox = pickMailbox(me, params.get('box'));
  const source = sourceOf(params);
  const to = params.get('to');
  const title = t(source ? `mail.compose.${source.kind}Title` : 'mail.compose.title');
  usePageTitle(title);

  if (!mailbox) {
    return (
      <Stack gap="md">
        <Title order={1}>{title}</Title>
        <Text c="dimmed">{t('mail.noMailbox')}</Text>
      </Stack>
    );
  }
  return (
    <Stack gap="md" maw={980}>
      <Anchor component={Link} to={mailboxPath(mailbox.address)} size="sm">
        ← {t('mail.message.back.inbox')}
      </Anchor>
      <Title order={1}>{title}</Title>
      {source ? (
        <FromSource me={me} mailbox={mailbox} source={source} />
      ) : to ? (
        <ToAddress me={me} mailbox={mailbox} address={to} />
      ) : (
        <ComposeForm me={me} mailbox={mailbox} start={blankStart()} />
      )}
    </Stack>
  );
}

function composeWords(t: TFunction, language: string): ComposeWords {
  return {
    replyPrefix: t('mail.compose.replyPrefix'),
    forwardPrefix: t('mail.compose.forwardPrefix'),
    attribution: (who, when) => t('mail.compose.attribution', { who, date: formatMoment(when, language) }),
    forwardHeader: (fields) =>
      [
        t('mail.compose.forwardedHeader'),
        `${t('mail.message.from')} : ${fields.from}`,
        `${t('mail.message.to')} : ${fields.to}`,
        ...(fields.cc ? [`${t('mail.message.cc')} : ${fields.cc}`] : []),
        `${t('mail.compose.forwardDate')} : ${formatMoment(fields.date, language)}`,
        `${t('mail.compose.subject')} : ${fields.subject}`,
      ].join('\n'),
  };
}

/** A reply or forward: the original is opened (from cache when just read), then the form starts. */
/** A new letter already addressed (from a directory entry or an address book). */
function ToAddress({ me, mailbox, address }: { me: Me; mailbox: Mailbox; address: string }) {
  const start = useQuery({
    queryKey: ['compose-to', me.id, mailbox.address, address],
    queryFn: () => startTo(address),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  if (start.isPending) return <Loading />;
  if (start.isError) return <ErrorAlert error={start.error} />;
  return <ComposeForm me={me} mailbox={mailbox} start={start.data} />;
}

function FromSource({ me, mailbox, source }: { me: Me; mailbox: Mailbox; source: ComposeSource }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const start = useQuery({
    queryKey: mailKeys.composeStart(me.id, mailbox.address, source.kind, source.folder, source.id),
    queryFn: async () =>
      startFrom(
        await queryClient.fetchQuery(letterQuery(queryClient, me, mailbox, source.folder, source.id)),
        source,
        mailbox,
        composeWords(t, i18n.language),
      ),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  if (start.isPending) return <Loading />;
  if (start.isError) return <ErrorAlert error={start.error} />;
  return <ComposeForm me={me} mailbox={mailbox} start={start.data} />;
}
