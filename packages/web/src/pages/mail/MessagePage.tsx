import type { Mailbox, Me } from '@liaison/core/api/index';
import { MailFolder, type MailItem } from '@liaison/core/api/mail';
import { Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { mailKeys, updateMailItem } from '../../api/mail.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { Section } from '../../components/Section.tsx';
import { isMailError } from '../../mailCrypto/errors.ts';
import type { OpenedMail } from '../../mailCrypto/open.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { KeysNotice } from './KeysNotice.tsx';
import { readLetterDocuments } from './letterText.ts';
import { mailboxByAddress } from './mailboxes.ts';
import { formatMoment } from './mailFormat.ts';
import { AttachmentList } from './message/AttachmentList.tsx';
import { LabResults } from './message/LabResults.tsx';
import { LetterText } from './message/LetterText.tsx';
import { MessageActions } from './message/MessageActions.tsx';
import { PatientBanner } from './message/PatientBanner.tsx';
import { ReceivedFindings } from './message/ReceivedFindings.tsx';
import { Delivery, HoldHeadline } from './message/SentStatus.tsx';
import { SignatureStatus } from './message/SignatureStatus.tsx';
import { mailboxPath } from './paths.ts';
import { useDirectoryName } from './useDirectoryName.ts';
import { useOpenedMail } from './useMailCrypto.ts';

export function MessagePage() {
  return <RequireSession>{(me) => <Message me={me} />}</RequireSession>;
}

function Message({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id = null } = useParams();
  const [params] = useSearchParams();
  const mailbox = mailboxByAddress(me, params.get('box') ?? '');
  const folderParam = MailFolder.safeParse(params.get('folder'));
  const folder = folderParam.success ? folderParam.data : null;
  const opened = useOpenedMail(me, mailbox, folder, id);
  const subject = opened.data?.kind === 'opened' ? opened.data.letter.subject : '';
  usePageTitle(subject || t('mail.message.title'));

  if (!mailbox || !id) {
    return (
      <Stack gap="md">
        <Title order={1}>{t('mail.message.title')}</Title>
        <ErrorAlert error={new Error(t('mail.message.notYours'))} />
      </Stack>
    );
  }
  const back = (
    <Anchor component={Link} to={mailboxPath(mailbox.address, folder ?? 'inbox')} size="sm">
      ← {t(`mail.message.back.${folder ?? 'inbox'}`)}
    </Anchor>
  );
  if (opened.isPending) {
    return (
      <Stack gap="md" maw={1000}>
        {back}
        <Title order={1}>{t('mail.message.title')}</Title>
        <Group gap="sm" role="status" aria-live="polite" data-testid="message-opening">
          <Loader size="sm" />
          <Text>{t('mail.message.opening')}</Text>
        </Group>
      </Stack>
    );
  }
  if (opened.isError) {
    return (
      <Stack gap="md" maw={1000}>
        {back}
        <Title order={1}>{t('mail.message.title')}</Title>
        {isMailError(opened.error) ? (
          <KeysNotice error={opened.error} />
        ) : (
          <ErrorAlert error={opened.error} />
        )}
      </Stack>
    );
  }
  return (
    <OpenedMessage
      mailbox={mailbox}
      opened={opened.data}
      back={back}
      letterKey={mailKeys.letter(me.id, mailbox.address, folder, id)}
    />
  );
}

function OpenedMessage({
  mailbox,
  opened,
  back,
  letterKey,
}: {
  mailbox: Mailbox;
  opened: OpenedMail;
  back: ReactNode;
  letterKey: readonly unknown[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { item } = opened;
  const documents = useMemo(
    () => (opened.kind === 'opened' ? readLetterDocuments(opened.letter.text, item.category) : []),
    [opened, item.category],
  );

  // Opened and shown: the sender sees "read". Not for a letter that could not be shown.
  const markRead = useMutation({
    mutationFn: () => updateMailItem(mailbox.address, item.id, 'inbox', { read: true }),
    onSuccess: async (updated) => {
      queryClient.setQueryData<OpenedMail>(letterKey, (old) => (old ? { ...old, item: updated } : old));
      await queryClient.invalidateQueries({ queryKey: mailKeys.box(mailbox.address) });
    },
  });
  const shouldMarkRead = opened.kind === 'opened' && item.folder === 'inbox' && !item.read;
  const { mutate: markAsRead, isIdle } = markRead;
  useEffect(() => {
    if (shouldMarkRead && isIdle) markAsRead();
  }, [shouldMarkRead, isIdle, markAsRead]);

  return (
    <Stack gap="md" maw={1000} data-testid="message" data-id={item.id}>
      {back}
      <Stack gap={4}>
        <Title order={1} data-testid="message-subject">
          {opened.kind === 'opened'
            ? opened.letter.subject || t('mail.list.noSubject')
            : t('mail.message.title')}
        </Title>
        <Envelope item={item} />
      </Stack>
      {item.folder === 'sent' ? <HoldHeadline mailbox={mailbox} item={item} /> : null}
      <MessageActions
        mailbox={mailbox}
        item={item}
        letterKey={letterKey}
        canAnswer={opened.kind === 'opened'}
      />
      <SignatureStatus opened={opened} />
      {opened.kind === 'opened' && item.folder === 'inbox' ? (
        <ReceivedFindings item={item} letter={opened.letter} />
      ) : null}
      {item.folder === 'sent' ? <Delivery mailbox={mailbox} item={item} /> : null}
      {documents.map((doc, index) => (
        <Stack key={index} gap="md">
          {doc.header ? <PatientBanner header={doc.header} warnings={doc.warnings} /> : null}
          {doc.results.length > 0 ? (
            <Section title={t('mail.lab.title')}>
              <LabResults results={doc.results} />
            </Section>
          ) : null}
          {doc.text.trim() !== '' ? (
            <Paper withBorder p="lg" radius="md" component="section" aria-label={t('mail.message.text')}>
              <LetterText text={doc.text} />
            </Paper>
          ) : null}
        </Stack>
      ))}
      {opened.kind === 'opened' && opened.letter.attachments.length > 0 ? (
        <Section title={t('mail.message.attachments', { count: opened.letter.attachments.length })}>
          <AttachmentList attachments={opened.letter.attachments} />
        </Section>
      ) : null}
      <ErrorAlert error={markRead.error} />
    </Stack>
  );
}

function Person({ address }: { address: string }) {
  const name = useDirectoryName(address);
  return (
    <Text span size="sm" title={address}>
      {name ? `${name} <${address}>` : address}
    </Text>
  );
}

/** From, To, Cc and date, from the envelope (the opened letter's signed headers match it). */
function Envelope({ item }: { item: MailItem }) {
  const { t, i18n } = useTranslation();
  const row = (label: string, addresses: string[], testId: string) =>
    addresses.length === 0 ? null : (
      <Group gap={6} wrap="wrap" data-testid={testId}>
        <Text span size="sm" c="dimmed" w={70}>
          {label}
        </Text>
        {addresses.map((address, index) => (
          <span key={address}>
            <Person address={address} />
            {index < addresses.length - 1 ? ', ' : ''}
          </span>
        ))}
      </Group>
    );
  return (
    <Stack gap={2}>
      {row(t('mail.message.from'), [item.from], 'message-from')}
      {row(t('mail.message.to'), item.to, 'message-to')}
      {row(t('mail.message.cc'), item.cc, 'message-cc')}
      <Group gap={6}>
        <Text span size="sm" c="dimmed" w={70}>
          {t('mail.message.date')}
        </Text>
        <Text span size="sm">
          {formatMoment(item.submittedAt, i18n.language)}
        </Text>
      </Group>
    </Stack>
  );
}
