import type { StatusEvent } from '@liaison/core/api/status';
import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EVENT_STATE_COLOURS, formatParisDateTime, SEVERITY_COLOURS } from './statusTexts.ts';

// A table cell squeezes badges to "MIN…": they keep their width and the title column wraps instead.
const NO_SHRINK = { flexShrink: 0, overflow: 'visible', minWidth: 'max-content' } as const;

interface Props {
  events: StatusEvent[];
  onAddUpdate: (event: StatusEvent) => void;
}

/** What was posted, newest first, each with its way to say what happened since. */
export function EventsTable({ events, onAddUpdate }: Props) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => formatParisDateTime(iso, i18n.language);
  const sorted = [...events].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const columns = ['title', 'kind', 'severity', 'state', 'period', 'updates', 'actions'] as const;
  if (events.length === 0) return <Text c="dimmed">{t('status.manage.events.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder verticalSpacing="sm" data-testid="status-events">
        <Table.Caption>{t('status.manage.events.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {t(`status.manage.events.columns.${column}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((event) => (
            <Table.Tr key={event.id} data-testid="status-event-row" data-id={event.id}>
              <Table.Th scope="row" fw={600}>
                {event.title}
              </Table.Th>
              <Table.Td>{t(`status.kinds.${event.kind}`)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={SEVERITY_COLOURS[event.severity]} style={NO_SHRINK}>
                  {t(`status.severities.${event.severity}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Badge variant="dot" color={EVENT_STATE_COLOURS[event.state]} style={NO_SHRINK}>
                  {t(`status.eventStates.${event.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t('status.manage.events.period', {
                    start: date(event.startsAt),
                    end: event.endsAt ? date(event.endsAt) : t('status.event.endUnknown'),
                  })}
                </Text>
              </Table.Td>
              <Table.Td>{event.updates.length}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="light"
                  aria-label={t('status.manage.events.addUpdateLabel', { title: event.title })}
                  onClick={() => onAddUpdate(event)}
                >
                  {t('status.manage.events.addUpdate')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
