import type { ChatMember, Conversation, SendChatMessageRequest } from '@liaison/core/api/chat';
import type { Me } from '@liaison/core/api/index';
import { parseHistoryBundle } from '@liaison/core/chat/history';
import { encodePhotoCard, type ChatPhotoCard } from '@liaison/core/chat/photo';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { chatKeys, fetchConversation, postChatMessage } from '../../api/chat.ts';
import { personalKeysQuery } from '../mail/useMailCrypto.ts';
import { memberCertificates } from './crypto/certificates.ts';
import { sealBytes, type OpenedChat } from './crypto/envelopes.ts';
import { photoCard, reducePhoto, type ReducedPhoto } from './crypto/reducePhoto.ts';
import { deliver, DeliveryFailure } from './deliver.ts';
import { caChainQuery } from './useChatData.ts';

/**
 * Sending from this tab: each message shows at once in the thread (optimistic, under the id chosen
 * here), then goes through reduce → encrypt → upload. A failure leaves it in the thread with a retry
 * button, which sends the same id and the same envelope again when it was already sealed.
 */

export type OutboxStage = 'reducing' | 'encrypting' | 'uploading' | 'failed';

export type OutboxContent =
  | { kind: 'text'; text: string }
  /** Re-shared history: the bundle built by historyBundle(), sealed like a text. */
  | { kind: 'history'; bundle: Uint8Array<ArrayBuffer>; count: number }
  | { kind: 'photo'; caption: string; file: Blob; reduced: ReducedPhoto | null; card: ChatPhotoCard | null };

export interface OutboxItem {
  id: string;
  conversationId: string;
  createdAt: string;
  content: OutboxContent;
  stage: OutboxStage;
  error: unknown;
  /** Kept once sealed: a retry must send these very bytes. */
  request: SendChatMessageRequest | null;
}

function readOutbox(queryClient: QueryClient, conversationId: string): OutboxItem[] {
  return queryClient.getQueryData<OutboxItem[]>(chatKeys.outbox(conversationId)) ?? [];
}

function writeOutbox(
  queryClient: QueryClient,
  conversationId: string,
  change: (items: OutboxItem[]) => OutboxItem[],
): void {
  queryClient.setQueryData<OutboxItem[]>(chatKeys.outbox(conversationId), (items) => change(items ?? []));
}

function patchItem(queryClient: QueryClient, item: OutboxItem, patch: Partial<OutboxItem>): void {
  writeOutbox(queryClient, item.conversationId, (items) =>
    items.map((entry) => (entry.id === item.id ? { ...entry, ...patch } : entry)),
  );
}

/** The messages of one conversation still on their way (or failed), oldest first. */
export function useOutbox(conversationId: string): OutboxItem[] {
  return (
    useQuery({
      queryKey: chatKeys.outbox(conversationId),
      queryFn: () => [] as OutboxItem[],
      staleTime: Infinity,
      gcTime: Infinity,
    }).data ?? []
  );
}

async function seal(
  queryClient: QueryClient,
  id: string,
  content: OutboxContent,
  members: ChatMember[],
): Promise<SendChatMessageRequest> {
  const caChain = await queryClient.fetchQuery(caChainQuery);
  const recipients = await memberCertificates(members, caChain);
  if (content.kind === 'text') {
    return {
      id,
      kind: 'text',
      envelope: await sealBytes(new TextEncoder().encode(content.text), recipients),
    };
  }
  if (content.kind === 'history') {
    return { id, kind: 'history', envelope: await sealBytes(content.bundle, recipients) };
  }
  if (!content.reduced || !content.card) throw new Error('photo not reduced');
  const [envelope, photo] = await Promise.all([
    sealBytes(encodePhotoCard(content.card), recipients),
    sealBytes(content.reduced.photo.jpeg, recipients),
  ]);
  return { id, kind: 'photo', envelope, photo };
}

/** What the sender's own bubble shows without decrypting its own envelope again. */
function openedOf(content: OutboxContent): OpenedChat | null {
  if (content.kind === 'text') return { kind: 'text', text: content.text };
  if (content.kind === 'history') return { kind: 'history', bundle: parseHistoryBundle(content.bundle) };
  return content.card ? { kind: 'photo', card: content.card } : null;
}

async function run(queryClient: QueryClient, me: Me, start: OutboxItem): Promise<void> {
  let item = start;
  try {
    // Without keys on this device nothing can be read back: say so before sending anything.
    await queryClient.fetchQuery(personalKeysQuery(me.id));
    if (item.content.kind === 'photo' && !item.content.reduced) {
      patchItem(queryClient, item, { stage: 'reducing', error: null });
      const reduced = await reducePhoto(item.content.file);
      const card = await photoCard(reduced, item.content.caption);
      item = { ...item, content: { ...item.content, reduced, card } };
      patchItem(queryClient, item, { content: item.content });
    }
    patchItem(queryClient, item, { stage: item.request ? 'uploading' : 'encrypting', error: null });
    const content = item.content;
    const message = await deliver(
      {
        members: async () => {
          const conversation = await fetchConversation(item.conversationId);
          queryClient.setQueryData<Conversation>(chatKeys.conversation(conversation.id), conversation);
          return conversation.members;
        },
        seal: async (members) => {
          const request = await seal(queryClient, item.id, content, members);
          patchItem(queryClient, item, { stage: 'uploading', request });
          return request;
        },
        post: (request) => postChatMessage(item.conversationId, request),
        wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      },
      item.request,
    );
    const opened = openedOf(content);
    if (opened) queryClient.setQueryData(chatKeys.message(me.id, message.id), opened);
    // The thread picks the message up by syncing; the bubble leaves the outbox once it is there.
    await queryClient.invalidateQueries({ queryKey: chatKeys.thread(item.conversationId) });
    await queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
    writeOutbox(queryClient, item.conversationId, (items) => items.filter((entry) => entry.id !== item.id));
  } catch (error) {
    const failure = error instanceof DeliveryFailure ? error : null;
    patchItem(queryClient, item, {
      stage: 'failed',
      error: failure ? failure.reason : error,
      request: failure ? failure.request : item.request,
    });
  }
}

export function useChatSend(me: Me, conversationId: string) {
  const queryClient = useQueryClient();

  const start = useCallback(
    (content: OutboxContent) => {
      const item: OutboxItem = {
        id: crypto.randomUUID(),
        conversationId,
        createdAt: new Date().toISOString(),
        content,
        stage: content.kind === 'photo' ? 'reducing' : 'encrypting',
        error: null,
        request: null,
      };
      writeOutbox(queryClient, conversationId, (items) => [...items, item]);
      void run(queryClient, me, item);
    },
    [queryClient, me, conversationId],
  );

  const sendText = useCallback((text: string) => start({ kind: 'text', text }), [start]);

  const sendPhoto = useCallback(
    (file: Blob, caption: string) => start({ kind: 'photo', caption, file, reduced: null, card: null }),
    [start],
  );

  /** Same id; same envelope too when it was sealed before the failure. */
  const retry = useCallback(
    (id: string) => {
      const item = readOutbox(queryClient, conversationId).find((entry) => entry.id === id);
      if (item && item.stage === 'failed') void run(queryClient, me, item);
    },
    [queryClient, me, conversationId],
  );

  const discard = useCallback(
    (id: string) =>
      writeOutbox(queryClient, conversationId, (items) => items.filter((entry) => entry.id !== id)),
    [queryClient, conversationId],
  );

  /** The bundle goes the way a text goes: same sealing for every member, same id on a retry. */
  const sendHistory = useCallback(
    (bundle: Uint8Array<ArrayBuffer>, count: number) => start({ kind: 'history', bundle, count }),
    [start],
  );

  return { sendText, sendPhoto, sendHistory, retry, discard };
}
