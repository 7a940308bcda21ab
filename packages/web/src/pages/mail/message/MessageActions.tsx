import type { Mailbox } from '@liaison/core/api/index';
import type { MailItem } from '@liaison/core/api/mail';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { deleteMailItem, mailKeys, updateMailItem } from '../../../api/mail.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import type { OpenedMail } from '../../../mailCrypto/open.ts';
import { composePath, mailboxPath } from '../paths.ts';

/** Répondre, Transférer, Archiver, Supprimer: the changes go to the server, then every list refetches. */
export function MessageActions({
  mailbox,
  item,
  letterKey,
  canAnswer,
}: {
  mailbox: Mailbox;
  item: MailItem;
  /** The opened letter's query, updated in place after a change. */
  letterKey: readonly unknown[];
  canAnswer: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const backTo = mailboxPath(mailbox.address, item.archived ? 'archive' : item.folder);

  const archive = useMutation({
    mutationFn: () => updateMailItem(mailbox.address, item.id, item.folder, { archived: !item.archived }),
    onSuccess: async (updated) => {
      queryClient.setQueryData<OpenedMail>(letterKey, (old) => (old ? { ...old, item: updated } : old));
      notifications.show({
        color: 'green',
        message: t(updated.archived ? 'mail.message.archived' : 'mail.message.unarchived'),
      });
      await queryClient.invalidateQueries({ queryKey: mailKeys.box(mailbox.address) });
      // Archiving files the letter away: back to where it came from, as mail clients do.
      if (updated.archived) await navigate(mailboxPath(mailbox.address, item.folder));
    },
  });

  const remove = useMutation({
    mutationFn: () => deleteMailItem(mailbox.address, item.id, item.folder),
    onSuccess: async () => {
      setConfirming(false);
      notifications.show({ color: 'green', message: t('mail.message.deleted') });
      await navigate(backTo);
      queryClient.removeQueries({ queryKey: letterKey });
      await queryClient.invalidateQueries({ queryKey: mailKeys.box(mailbox.address) });
    },
  });

  const source = (kind: 'reply' | 'forward') =>
    composePath({ box: mailbox.address, source: { kind, id: item.id, folder: item.folder } });

  return (
    <>
      <Group gap="sm" wrap="wrap" data-testid="message-actions">
        {canAnswer ? (
          <>
            <Button component={Link} to={source('reply')}>
              {t('mail.message.reply')}
            </Button>
            <Button component={Link} to={source('forward')} variant="default">
              {t('mail.message.forward')}
            </Button>
          </>
        ) : null}
        <Button variant="default" loading={archive.isPending} onClick={() => archive.mutate()}>
          {t(item.archived ? 'mail.message.unarchive' : 'mail.message.archive')}
        </Button>
        <Button variant="outline" color="red" onClick={() => setConfirming(true)}>
          {t('mail.message.delete')}
        </Button>
      </Group>
      <ErrorAlert error={archive.error} />
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('mail.message.deleteTitle')}>
        <Stack gap="md">
          <Text size="sm">{t('mail.message.deleteText')}</Text>
          <ErrorAlert error={remove.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('mail.message.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
