import type { Mailbox } from '@liaison/core/api/index';
import type { MailItem } from '@liaison/core/api/mail';
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchMessageStatus, mailKeys } from '../../../api/mail.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { DeliveryTable } from '../DeliveryState.tsx';
import { HoldAlert } from '../usage/HoldAlert.tsx';

const HELD_REFRESH_MS = 15_000;

/**
 * A sent letter's live status (per-recipient delivery, hold), kept fresh: it lives under the sender's
 * mailbox key, so each change there (a recipient reading it, a technician's decision) refetches it.
 */
function useSentStatus(mailbox: Mailbox, item: MailItem) {
  const status = useQuery({
    queryKey: mailKeys.status(mailbox.address, item.id),
    queryFn: () => fetchMessageStatus(item.id),
    // A technician's decision reaches the page without a reload even if no mailbox event tells of it.
    refetchInterval: (query) =>
      (query.state.data ? query.state.data.hold : item.hold)?.state === 'held' ? HELD_REFRESH_MS : false,
  });
  return {
    recipients: status.data?.recipients ?? item.recipients ?? [],
    // The opened letter's item is cached for good; the status is the current word on the hold.
    hold: status.data ? status.data.hold : item.hold,
    error: status.error,
  };
}

/** The headline of a held sent letter: held, rejected or released, and why. */
export function HoldHeadline({ mailbox, item }: { mailbox: Mailbox; item: MailItem }) {
  const { hold } = useSentStatus(mailbox, item);
  return hold ? <HoldAlert hold={hold} /> : null;
}

/** Per-recipient delivery of a sent letter; a held one says nobody received it yet. */
export function Delivery({ mailbox, item }: { mailbox: Mailbox; item: MailItem }) {
  const { t } = useTranslation();
  const { recipients, hold, error } = useSentStatus(mailbox, item);
  const held = hold?.state === 'held' || hold?.state === 'rejected' ? hold.state : null;
  return (
    <Section title={t('mail.deliveryTable.title')}>
      {held ? (
        <Text size="sm" fw={500} data-testid="delivery-hold-note">
          {t(`usage.hold.deliveryNote.${held}`)}
        </Text>
      ) : null}
      <DeliveryTable recipients={recipients} hold={hold?.state ?? null} />
      <ErrorAlert error={error} />
    </Section>
  );
}
