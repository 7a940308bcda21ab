import type { ChatMessage, Conversation } from '@liaison/core/api/chat';
import type { Me } from '@liaison/core/api/index';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bubble } from './Bubble.tsx';
import { needsKeysPage } from '../../mailCrypto/errors.ts';
import { chatErrorMessage } from './chatErrors.ts';
import type { OpenedChat } from './crypto/envelopes.ts';
import { HistoryQuote } from './HistoryQuote.tsx';
import { PhotoView } from './PhotoView.tsx';
import { Ticks } from './Ticks.tsx';
import { formatTime } from './time.ts';
import { memberName, tickFor } from './thread.ts';
import { useOpenedMessage } from './useChatData.ts';

/** A synced message, decrypted on this device. */
export function MessageBubble({
  me,
  conversation,
  message,
}: {
  me: Me;
  conversation: Conversation;
  message: ChatMessage;
}) {
  const { t, i18n } = useTranslation();
  const opened = useOpenedMessage(me, message);
  const own = message.senderUserId === me.id;
  const name = own
    ? t('chat.you')
    : (memberName(conversation, message.senderUserId) ?? t('chat.formerMember'));
  const footer = (
    <>
      <Text size="xs" c="dimmed" component="time" dateTime={message.sentAt}>
        {formatTime(message.sentAt, i18n.language)}
      </Text>
      {own ? <Ticks tick={tickFor(message.seq, me.id, conversation.members)} /> : null}
    </>
  );
  // No keys in this browser fails the query itself (not cached as an answer: keys restored later open it).
  const content: OpenedChat | undefined =
    opened.data ?? (opened.isError ? { kind: 'unreadable', error: opened.error } : undefined);
  return (
    <Bubble
      own={own}
      // A history message's own heading already names who shared it.
      sender={own || conversation.kind === 'direct' || content?.kind === 'history' ? null : name}
      footer={footer}
      testId="chat-message"
      data={{ 'data-seq': String(message.seq), 'data-kind': message.kind }}
    >
      {!content ? (
        <Text size="sm" c="dimmed">
          {t('chat.thread.opening')}
        </Text>
      ) : content.kind === 'text' ? (
        <Text
          size="sm"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          data-testid="chat-message-text"
        >
          {content.text}
        </Text>
      ) : content.kind === 'history' ? (
        <HistoryQuote bundle={content.bundle} sharedBy={own ? `${me.firstName} ${me.lastName}` : name} />
      ) : content.kind === 'photo' ? (
        <PhotoView
          me={me}
          conversationId={conversation.id}
          messageId={message.id}
          card={content.card}
          senderName={own ? `${me.firstName} ${me.lastName}` : name}
        />
      ) : (
        <Text
          size="sm"
          c="red.8"
          data-testid="chat-message-unreadable"
          title={chatErrorMessage(t, content.error)}
        >
          {t('chat.thread.unreadable')}
          {/* Missing keys are explained once, by the notice above the thread, not in every bubble. */}
          {needsKeysPage(content.error) ? null : ` ${chatErrorMessage(t, content.error)}`}
        </Text>
      )}
    </Bubble>
  );
}
