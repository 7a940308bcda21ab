import type { QuarantineItem } from '@liaison/core/api/usage';
import type { CharterArticle } from '@liaison/core/policy/charterArticles';
import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { KindBadge } from '../directory/components/KindBadge.tsx';
import { HistoryFacts, MessageFacts } from './HeldFacts.tsx';
import { decisionText, tripLine } from './heldTexts.ts';
import { STATE_COLOURS, type DecisionKind } from './useQuarantine.ts';

interface Props {
  item: QuarantineItem;
  /** The charter in force, to name the cited article; null until fetched. */
  articles: CharterArticle[] | null;
  busy: boolean;
  onDecide: (item: QuarantineItem, kind: DecisionKind) => void;
  onSetLimit: (address: string) => void;
}

/** One held message as a technician judges it: who sent it, what it tripped, and the sender's record. */
export function HeldCard({ item, articles, busy, onDecide, onSetLimit }: Props) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { state } = item.hold;
  const decision = decisionText(t, item, (iso) => formatDateTime(iso, i18n.language));
  const name = item.senderName;
  return (
    <Paper
      component="article"
      aria-labelledby={headingId}
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      data-testid="held-message"
      data-message-id={item.messageId}
      data-state={state}
      data-from={item.from}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ flex: '1 1 18rem', minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
                {name}
              </Title>
              <KindBadge kind={item.mailboxKind} />
              <Badge color={STATE_COLOURS[state]} variant="light" tt="none" data-testid="held-state">
                {t(`quarantine.item.states.${state}`)}
              </Badge>
            </Group>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="held-from">
              {item.from}
            </Text>
            <Text size="sm" c="dimmed">
              {item.organisationName ?? t('quarantine.item.noOrganisation')}
            </Text>
          </Stack>
          {state === 'held' ? (
            <Group gap="xs" wrap="nowrap">
              <Button
                color="teal"
                loading={busy}
                aria-label={t('quarantine.actions.releaseLabel', { name })}
                onClick={() => onDecide(item, 'release')}
              >
                {t('quarantine.actions.release')}
              </Button>
              <Button
                color="red"
                variant="light"
                disabled={busy}
                aria-label={t('quarantine.actions.rejectLabel', { name })}
                onClick={() => onDecide(item, 'reject')}
              >
                {t('quarantine.actions.reject')}
              </Button>
            </Group>
          ) : null}
        </Group>
        <Alert
          color={state === 'held' ? 'orange' : 'gray'}
          variant="light"
          role="note"
          title={t('quarantine.item.rules')}
          data-testid="held-rules"
        >
          <List size="sm" spacing={4}>
            {item.hold.trips.map((trip) => (
              <List.Item key={trip.rule} data-rule={trip.rule} data-article={trip.charterArticle}>
                {tripLine(t, trip, i18n.language, articles)}
              </List.Item>
            ))}
          </List>
        </Alert>
        {decision ? (
          <Stack gap={2} data-testid="held-decision">
            <Text size="sm" fw={600}>
              {decision}
            </Text>
            {item.hold.reason ? (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {t('quarantine.item.decision.reason', { reason: item.hold.reason })}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <MessageFacts item={item} />
          <HistoryFacts item={item} />
        </SimpleGrid>
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            aria-label={t('quarantine.actions.limitLabel', { address: item.from })}
            onClick={() => onSetLimit(item.from)}
          >
            {t('quarantine.actions.limit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
