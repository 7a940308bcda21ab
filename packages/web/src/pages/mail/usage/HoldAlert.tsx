import type { MailHold } from '@liaison/core/api/mailHold';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../mailFormat.ts';
import { CharterQuote } from './CharterQuote.tsx';
import { useCharterArticle } from './useCharterArticle.ts';
import { HOLD_COLOURS, holdTexts, tripsArticle } from './usageTexts.ts';

/**
 * The headline of a held sent message: why it is held and that a technician decides, the rejection
 * with the technician's reason and what to do instead, or that it went out after review. The cited
 * article is quoted from the charter in force.
 */
export function HoldAlert({ hold }: { hold: MailHold }) {
  const { t, i18n } = useTranslation();
  const article = useCharterArticle(tripsArticle(hold.trips));
  const texts = holdTexts(t, hold, article, (iso) => formatMoment(iso, i18n.language));
  return (
    <Alert
      color={HOLD_COLOURS[hold.state]}
      variant="light"
      role={hold.state === 'released' ? 'status' : 'alert'}
      title={
        <Title order={2} size="h5">
          {texts.title}
        </Title>
      }
      data-testid="mail-hold-alert"
      data-state={hold.state}
    >
      <Stack gap="xs">
        <Text size="sm" data-testid="mail-hold-text">
          {texts.text}
        </Text>
        {texts.reason ? (
          <Text size="sm" fw={600} data-testid="mail-hold-reason">
            {texts.reason}
          </Text>
        ) : null}
        {texts.advice ? <Text size="sm">{texts.advice}</Text> : null}
        {hold.state === 'released' ? null : <CharterQuote article={article} />}
        {hold.state === 'held' ? (
          <Text size="xs" c="dimmed">
            {t('usage.hold.heldAt', { date: formatMoment(hold.heldAt, i18n.language) })}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
