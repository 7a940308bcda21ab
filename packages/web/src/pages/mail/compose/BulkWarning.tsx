import type { RuleTrip } from '@liaison/core/api/mailHold';
import { Alert, Checkbox, Stack, Text, Title } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CharterQuote } from '../usage/CharterQuote.tsx';
import { useCharterArticle } from '../usage/useCharterArticle.ts';
import { bulkWarningText, tripsArticle } from '../usage/usageTexts.ts';

interface Props {
  trips: RuleTrip[];
  /** The precheck could not be answered: said quietly, sending stays possible. */
  failed: boolean;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
  /** Shown on the checkbox when Send was pressed without it. */
  error: string | undefined;
  id: string;
  checkboxRef: Ref<HTMLInputElement>;
}

/**
 * Before sending, what the server would do with the message: hold it for a technician (bulk-mail
 * rules, charter article 5). The person may still send, once they tick that they understand.
 */
export function BulkWarning({ trips, failed, confirmed, onConfirm, error, id, checkboxRef }: Props) {
  const { t } = useTranslation();
  const article = useCharterArticle(tripsArticle(trips));
  if (trips.length === 0) {
    return failed ? (
      <Text size="sm" c="dimmed" data-testid="compose-precheck-failed">
        {t('usage.bulk.unchecked')}
      </Text>
    ) : null;
  }
  return (
    <Alert
      id={id}
      color="orange"
      variant="light"
      role="alert"
      title={
        <Title order={2} size="h5">
          {t('usage.bulk.title')}
        </Title>
      }
      data-testid="compose-bulk-warning"
      data-rules={trips.map((trip) => trip.rule).join(' ')}
    >
      <Stack gap="xs">
        <Text size="sm" fw={500} data-testid="compose-bulk-text">
          {bulkWarningText(t, trips, article)}
        </Text>
        <CharterQuote article={article} />
        <Text size="sm">{t('usage.bulk.advice')}</Text>
        <Checkbox
          ref={checkboxRef}
          label={t('usage.bulk.confirm')}
          checked={confirmed}
          onChange={(event) => onConfirm(event.currentTarget.checked)}
          error={error}
          data-testid="compose-send-anyway"
        />
      </Stack>
    </Alert>
  );
}
