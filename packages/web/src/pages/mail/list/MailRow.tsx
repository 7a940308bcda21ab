import type { Me } from '@liaison/core/api/index';
import type { MailItem } from '@liaison/core/api/mail';
import type { LetterSummary } from '@liaison/core/mail/index';
import { Anchor, Box, Group, Loader, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isMailError, mailErrorMessage } from '../../../mailCrypto/errors.ts';
import { DeliveryList } from '../DeliveryState.tsx';
import { PaperclipIcon } from '../icons.tsx';
import { formatDay, formatListDate, formatMoment, patientName, previewLine } from '../mailFormat.ts';
import { messagePath } from '../paths.ts';
import { useDirectoryName } from '../useDirectoryName.ts';
import { HoldBadge } from '../usage/HoldBadge.tsx';
import { useSummary } from '../useMailCrypto.ts';
import classes from './MailList.module.css';

/**
 * One letter in a list. The row is clickable for the mouse; the subject is the link keyboards and
 * screen readers use. Unread letters are bold AND marked with a dot and a hidden "unread" word, so
 * weight is not the only cue.
 */
export function MailRow({ me, item }: { me: Me; item: MailItem }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const summary = useSummary(me, item);
  const unread = item.folder === 'inbox' && !item.read;
  const path = messagePath(item.mailbox, item.folder, item.id);
  const open = (event: MouseEvent<HTMLTableRowElement>) => {
    if (event.target instanceof Element && event.target.closest('a, button')) return;
    void navigate(path);
  };

  return (
    <Table.Tr
      data-testid="mail-row"
      data-id={item.id}
      data-folder={item.folder}
      data-unread={unread ? 'true' : 'false'}
      onClick={open}
      style={{ cursor: 'pointer' }}
      bg={unread ? 'liaison.0' : undefined}
    >
      <Table.Td className={classes.who}>
        {item.folder === 'inbox' ? (
          <Group gap={8} wrap="nowrap" align="flex-start">
            {unread ? <UnreadDot /> : null}
            <Correspondent address={item.from} strong={unread} />
          </Group>
        ) : (
          <Stack gap={4} align="flex-start">
            <HoldBadge hold={item.hold} />
            <DeliveryList recipients={item.recipients ?? []} hold={item.hold?.state ?? null} />
          </Stack>
        )}
      </Table.Td>
      <Table.Td className={classes.patient}>
        <PatientCell item={item} summary={summary.data} />
      </Table.Td>
      <Table.Td className={classes.subject}>
        <Stack gap={2}>
          <Anchor component={Link} to={path} c="inherit" fw={unread ? 700 : 500} data-testid="mail-subject">
            {summary.data ? summary.data.subject || t('mail.list.noSubject') : t('mail.list.openMessage')}
          </Anchor>
          {summary.isPending ? (
            <Group gap={6} c="dimmed" aria-live="polite">
              <Loader size={12} />
              <Text size="sm">{t('mail.list.decrypting')}</Text>
            </Group>
          ) : null}
          {summary.isError ? (
            <Text size="sm" c="red.8" data-testid="mail-summary-error">
              {t('mail.list.unreadable')}
              {/* Missing keys are explained once, above the list; other reasons are the row's own. */}
              {isMailError(summary.error) ? '' : ` — ${mailErrorMessage(t, summary.error)}`}
            </Text>
          ) : null}
          {summary.data ? (
            <Text size="sm" c="dimmed" lineClamp={1} data-testid="mail-preview">
              {previewLine(summary.data.preview)}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td className={classes.date}>
        <Text size="sm" fw={unread ? 700 : 400} title={formatMoment(item.submittedAt, i18n.language)}>
          {formatListDate(item.submittedAt, i18n.language)}
        </Text>
      </Table.Td>
      <Table.Td className={classes.clip}>
        {item.attachmentCount > 0 ? (
          <Group
            gap={2}
            wrap="nowrap"
            c="dimmed"
            aria-label={t('mail.list.attachmentCount', { count: item.attachmentCount })}
            role="img"
            data-testid="mail-attachments"
          >
            <PaperclipIcon />
            <Text size="sm" span aria-hidden>
              {item.attachmentCount}
            </Text>
          </Group>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

function UnreadDot() {
  const { t } = useTranslation();
  return (
    <>
      <Box
        w={10}
        h={10}
        mt={6}
        bg="liaison.7"
        style={{ borderRadius: '50%', flex: 'none' }}
        aria-hidden
        data-testid="mail-unread-dot"
      />
      <VisuallyHidden>{t('mail.list.unread')}</VisuallyHidden>
    </>
  );
}

function Correspondent({ address, strong }: { address: string; strong: boolean }) {
  const name = useDirectoryName(address);
  return (
    <Stack gap={0} miw={0}>
      <Text size="sm" fw={strong ? 700 : 500} truncate="end">
        {name ?? address}
      </Text>
      {name ? (
        <Text size="xs" c="dimmed" truncate="end">
          {address}
        </Text>
      ) : null}
    </Stack>
  );
}

function PatientCell({ item, summary }: { item: MailItem; summary: LetterSummary | undefined }) {
  const { t, i18n } = useTranslation();
  if (item.category === 'information') {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('mail.list.noPatient')}
      </Text>
    );
  }
  const patient = summary?.patient;
  if (!patient) return null;
  return (
    <Stack gap={0} data-testid="mail-patient">
      <Text size="sm" fw={600}>
        {patientName(patient)}
      </Text>
      {patient.birthDate ? (
        <Text size="xs" c="dimmed">
          {t('mail.list.bornOn', { date: formatDay(patient.birthDate, i18n.language) })}
        </Text>
      ) : null}
    </Stack>
  );
}
