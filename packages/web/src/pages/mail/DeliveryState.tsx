import type { DeliveryState, RecipientDelivery } from '@liaison/core/api/mail';
import type { HoldState } from '@liaison/core/api/mailHold';
import { Badge, Group, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoment, formatShortMoment } from './mailFormat.ts';
import { HOLD_COLOURS, heldDelivery } from './usage/usageTexts.ts';
import { useDirectoryName } from './useDirectoryName.ts';

const STATE_COLOURS: Record<DeliveryState, string> = {
  submitted: 'gray',
  delivered: 'blue',
  filed: 'teal',
  read: 'green',
};

/** When the recipient reached its current state (null while only submitted). */
export function stateTime(delivery: RecipientDelivery): string | null {
  switch (delivery.state) {
    case 'read':
      return delivery.readAt;
    case 'filed':
      return delivery.filedAt;
    case 'delivered':
      return delivery.deliveredAt;
    case 'submitted':
      return null;
  }
}

/**
 * A recipient's state; while the message is held (or once rejected) nobody received it, and the
 * badge says so rather than a plain "sent".
 */
export function DeliveryBadge({ state, hold = null }: { state: DeliveryState; hold?: HoldState | null }) {
  const { t } = useTranslation();
  const held = heldDelivery(state, hold);
  if (held) {
    return (
      <Badge
        color={HOLD_COLOURS[held]}
        variant="light"
        size="sm"
        tt="none"
        data-state={state}
        data-hold={held}
      >
        {t(`usage.hold.delivery.${held}`)}
      </Badge>
    );
  }
  return (
    <Badge color={STATE_COLOURS[state]} variant="light" size="sm" tt="none" data-state={state}>
      {t(`mail.delivery.${state}`)}
    </Badge>
  );
}

function RecipientName({ address }: { address: string }) {
  const name = useDirectoryName(address);
  return (
    <Text size="sm" span title={address}>
      {name ?? address}
    </Text>
  );
}

/** A sent row's recipients, each with its state and when it got there. */
export function DeliveryList({
  recipients,
  hold = null,
}: {
  recipients: RecipientDelivery[];
  hold?: HoldState | null;
}) {
  const { i18n } = useTranslation();
  return (
    <List listStyleType="none" spacing={4} size="sm">
      {recipients.map((delivery) => {
        const at = stateTime(delivery);
        return (
          <List.Item
            key={`${delivery.field}:${delivery.address}`}
            data-testid="delivery"
            data-state={delivery.state}
          >
            <Group gap={6} wrap="nowrap">
              <RecipientName address={delivery.address} />
              <DeliveryBadge state={delivery.state} hold={hold} />
              {at ? (
                <Text size="xs" c="dimmed" span title={formatMoment(at, i18n.language)}>
                  {formatShortMoment(at, i18n.language)}
                </Text>
              ) : null}
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}

/** The message page's delivery table: every recipient, every step with its time. */
export function DeliveryTable({
  recipients,
  hold = null,
}: {
  recipients: RecipientDelivery[];
  hold?: HoldState | null;
}) {
  const { t, i18n } = useTranslation();
  const when = (iso: string | null) => (iso ? formatMoment(iso, i18n.language) : '—');
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" withTableBorder data-testid="delivery-table">
        <Table.Caption>{t('mail.deliveryTable.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('mail.deliveryTable.recipient')}</Table.Th>
            <Table.Th scope="col">{t('mail.deliveryTable.state')}</Table.Th>
            <Table.Th scope="col">{t('mail.deliveryTable.deliveredAt')}</Table.Th>
            <Table.Th scope="col">{t('mail.deliveryTable.filedAt')}</Table.Th>
            <Table.Th scope="col">{t('mail.deliveryTable.readAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recipients.map((delivery) => (
            <Table.Tr
              key={`${delivery.field}:${delivery.address}`}
              data-testid="delivery-row"
              data-state={delivery.state}
            >
              <Table.Th scope="row" fw={400}>
                <Group gap={6} wrap="nowrap">
                  <Text size="xs" c="dimmed" span>
                    {t(`mail.message.${delivery.field}`)}
                  </Text>
                  <RecipientName address={delivery.address} />
                </Group>
              </Table.Th>
              <Table.Td>
                <DeliveryBadge state={delivery.state} hold={hold} />
              </Table.Td>
              <Table.Td>{when(delivery.deliveredAt)}</Table.Td>
              <Table.Td>{when(delivery.filedAt)}</Table.Td>
              <Table.Td>{when(delivery.readAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
