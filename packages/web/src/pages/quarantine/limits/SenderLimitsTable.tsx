import type { SenderLimit } from '@liaison/core/api/usage';
import { Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { formatNumber } from '../heldTexts.ts';

interface Props {
  limits: SenderLimit[];
  onEdit: (limit: SenderLimit) => void;
  onRemove: (limit: SenderLimit) => void;
}

/** Each mailbox with limits of its own: what was set, and what applies once defaults fill the gaps. */
export function SenderLimitsTable({ limits, onEdit, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const number = (set: number | null, effective: number) =>
    set === null ? t('quarantine.limits.byDefault', { value: n(effective) }) : n(set);
  const exempt = (value: boolean) =>
    value ? t('quarantine.limits.exempt.yes') : t('quarantine.limits.exempt.no');
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm" withTableBorder data-testid="sender-limits">
        <Table.Caption>{t('quarantine.limits.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('quarantine.limits.columns.address')}</Table.Th>
            <Table.Th scope="col">{t('quarantine.limits.columns.message')}</Table.Th>
            <Table.Th scope="col">{t('quarantine.limits.columns.hourly')}</Table.Th>
            <Table.Th scope="col">{t('quarantine.limits.columns.exempt')}</Table.Th>
            <Table.Th scope="col">{t('quarantine.limits.columns.note')}</Table.Th>
            <Table.Th scope="col">{t('quarantine.limits.columns.setAt')}</Table.Th>
            <Table.Th scope="col">{t('quarantine.limits.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {limits.map((limit) => (
            <Table.Tr key={limit.address} data-testid="sender-limit" data-address={limit.address}>
              <Table.Th scope="row">
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {limit.address}
                </Text>
              </Table.Th>
              <Table.Td>{number(limit.messageRecipients, limit.effective.messageRecipients)}</Table.Td>
              <Table.Td>{number(limit.hourlyRecipients, limit.effective.hourlyRecipients)}</Table.Td>
              <Table.Td>
                {limit.hourlyExempt === null
                  ? t('quarantine.limits.byDefault', { value: exempt(limit.effective.hourlyExempt) })
                  : exempt(limit.hourlyExempt)}
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {limit.note ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t('quarantine.limits.setBy', {
                    date: formatDateTime(limit.setAt, i18n.language),
                    by: limit.setBy,
                  })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="light"
                    aria-label={t('quarantine.limits.editLabel', { address: limit.address })}
                    onClick={() => onEdit(limit)}
                  >
                    {t('quarantine.limits.edit')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    aria-label={t('quarantine.limits.removeLabel', { address: limit.address })}
                    onClick={() => onRemove(limit)}
                  >
                    {t('quarantine.limits.remove')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
