import type { QuarantineItem } from '@liaison/core/api/usage';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InfoList, InfoRow } from '../../components/InfoRow.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { formatNumber, patientsText, recipientsText, sizeText } from './heldTexts.ts';

/** What the server knows of a held message: counts, sizes and times, never any content. */
export function MessageFacts({ item }: { item: QuarantineItem }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Stack gap="xs">
      <Title order={3} size="h6">
        {t('quarantine.item.message')}
      </Title>
      <InfoList>
        <InfoRow label={t('quarantine.item.category')} testId="held-category">
          <Text size="sm">{t(`quarantine.item.categories.${item.category}`)}</Text>
        </InfoRow>
        <InfoRow label={t('quarantine.item.patients')}>
          <Text size="sm">{patientsText(t, item, language)}</Text>
        </InfoRow>
        <InfoRow label={t('quarantine.item.recipients')} testId="held-recipients">
          <Text size="sm">{recipientsText(t, item, language)}</Text>
        </InfoRow>
        <InfoRow label={t('quarantine.item.size')}>
          <Text size="sm">{sizeText(t, item, language)}</Text>
        </InfoRow>
        <InfoRow label={t('quarantine.item.submittedAt')}>
          <Text size="sm">{formatDateTime(item.submittedAt, language)}</Text>
        </InfoRow>
        <InfoRow label={t('quarantine.item.heldAt')}>
          <Text size="sm">{formatDateTime(item.hold.heldAt, language)}</Text>
        </InfoRow>
      </InfoList>
    </Stack>
  );
}

/** The sender's past 30 days and earlier holds, to tell an accident from a habit. */
export function HistoryFacts({ item }: { item: QuarantineItem }) {
  const { t, i18n } = useTranslation();
  const { history } = item;
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <Stack gap="xs" data-testid="held-history">
      <Title order={3} size="h6">
        {t('quarantine.history.title')}
      </Title>
      <InfoList>
        <InfoRow label={t('quarantine.history.messages')}>
          <Text size="sm">{n(history.messages30d)}</Text>
        </InfoRow>
        <InfoRow label={t('quarantine.history.recipients')}>
          <Text size="sm">{n(history.recipients30d)}</Text>
        </InfoRow>
        <InfoRow label={t('quarantine.history.held')}>
          <Text size="sm">{n(history.held)}</Text>
        </InfoRow>
        <InfoRow label={t('quarantine.history.released')}>
          <Text size="sm">{n(history.released)}</Text>
        </InfoRow>
        <InfoRow label={t('quarantine.history.rejected')}>
          <Text size="sm">{n(history.rejected)}</Text>
        </InfoRow>
        <InfoRow label={t('quarantine.history.firstMessage')}>
          <Text size="sm">
            {history.firstMessageAt
              ? formatDate(history.firstMessageAt, i18n.language)
              : t('quarantine.history.never')}
          </Text>
        </InfoRow>
      </InfoList>
    </Stack>
  );
}
