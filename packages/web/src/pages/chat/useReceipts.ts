import type { Conversation } from '@liaison/core/api/chat';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { chatKeys, sendReceipt } from '../../api/chat.ts';

function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

/**
 * Receipts of the open thread: "delivered" as soon as this device holds the messages, "read" while the
 * thread is on screen in a visible tab. Each mark is sent once per seq (the server ignores a mark that
 * does not move forward anyway).
 */
export function useReceipts(myUserId: string, conversation: Conversation | undefined, heldSeq: number): void {
  const queryClient = useQueryClient();
  const visible = usePageVisible();
  const sent = useRef({ delivered: 0, read: 0 });
  const me = conversation?.members.find((m) => m.userId === myUserId);

  useEffect(() => {
    if (!conversation || !me || heldSeq === 0) return;
    const marks: ('delivered' | 'read')[] = [];
    if (heldSeq > me.deliveredSeq && heldSeq > sent.current.delivered) marks.push('delivered');
    if (visible && heldSeq > me.readSeq && heldSeq > sent.current.read) marks.push('read');
    for (const which of marks) {
      sent.current[which] = heldSeq;
      void sendReceipt(conversation.id, which, heldSeq)
        .then((updated) => {
          queryClient.setQueryData(chatKeys.conversation(updated.id), updated);
          return queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
        })
        .catch(() => {
          // Lost on the way: allow another try with the next render.
          sent.current[which] = 0;
        });
    }
  }, [conversation, me, heldSeq, visible, queryClient]);
}
