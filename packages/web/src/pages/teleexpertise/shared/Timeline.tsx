import type { TimelineEvent } from '@liaison/core/api/teleexpertise';
import type { DecryptRecipient } from '@liaison/core/crypto/index';
import { decodeNoteContent } from '@liaison/core/teleexpertise/noteContent';
import { Blockquote, Text, Timeline as MantineTimeline, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { TaskStatusBadge } from './TaskStatusBadge.tsx';
import { useOpenedEnvelope } from './teCrypto.ts';

interface Props {
  requestId: string;
  events: readonly TimelineEvent[];
  /** Who is looking (the cache of opened notes is per person). */
  viewerId: string;
  /** The viewer's keys for this request; undefined while loading or when they cannot open it. */
  keys: DecryptRecipient[] | undefined;
  /** The heading level the section title takes in the page (2 by default). */
  headingOrder?: 2 | 3 | 4;
}

/**
 * The audited life of a request, oldest first: who did what and when, in the viewer's language.
 * Questions and information replies are shown decrypted when this device holds a key that opens
 * them; the server only has their ciphertext.
 */
export function Timeline({ requestId, events, viewerId, keys, headingOrder = 2 }: Props) {
  const { t, i18n } = useTranslation();
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  return (
    <section aria-labelledby={`te-timeline-${requestId}`}>
      <Title order={headingOrder} size="h4" id={`te-timeline-${requestId}`} mb="sm">
        {t('teleexpertise.timeline.title')}
      </Title>
      <MantineTimeline active={sorted.length - 1} bulletSize={14} lineWidth={2}>
        {sorted.map((event) => (
          <MantineTimeline.Item
            key={event.seq}
            title={
              <Text fw={600} size="sm">
                {describeEvent(t, event)}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time>
            </Text>
            <TaskStatusBadge status={event.status} size="sm" />
            {event.envelope !== null && (
              <TimelineNote
                requestId={requestId}
                seq={event.seq}
                envelope={event.envelope}
                viewerId={viewerId}
                keys={keys}
              />
            )}
          </MantineTimeline.Item>
        ))}
      </MantineTimeline>
    </section>
  );
}

/** "Dr Martin a accepté la demande": the sentence of one event. */
export function describeEvent(t: TFunction, event: TimelineEvent): string {
  const actor =
    event.actorName ??
    (event.actorUserId ? t('teleexpertise.timeline.someone') : t('teleexpertise.timeline.platform'));
  const expert = event.expertName ?? t('teleexpertise.timeline.anExpert');
  return t(`teleexpertise.timeline.kinds.${event.kind}`, { actor, expert });
}

function TimelineNote(props: {
  requestId: string;
  seq: number;
  envelope: string;
  viewerId: string;
  keys: DecryptRecipient[] | undefined;
}) {
  const { t } = useTranslation();
  const note = useOpenedEnvelope({
    userId: props.viewerId,
    requestId: props.requestId,
    part: `note-${props.seq}`,
    envelope: props.envelope,
    keys: props.keys,
    decode: decodeNoteContent,
  });
  if (note.isError) {
    return (
      <Text size="sm" c="red" mt={4}>
        {t('teleexpertise.timeline.noteUnreadable')}
      </Text>
    );
  }
  if (!note.data) {
    return (
      <Text size="sm" c="dimmed" mt={4}>
        {props.keys ? t('teleexpertise.timeline.noteOpening') : t('teleexpertise.timeline.noteHidden')}
      </Text>
    );
  }
  return (
    <Blockquote mt={6} p="xs" style={{ whiteSpace: 'pre-wrap' }}>
      {note.data.text}
    </Blockquote>
  );
}
