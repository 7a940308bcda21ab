import type { Conversation } from '@liaison/core/api/chat';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { chatKeys, createConversation } from '../../api/chat.ts';
import { colleagueOf } from './colleagues.ts';
import { conversationPath } from './paths.ts';

/**
 * `/chat?with=<personal mailbox address>` (the directory's "Instant message" button): finds the person
 * behind the address, opens the direct conversation with them (the server returns the existing one)
 * and replaces the address in the history, so Back does not start it again. Returns the failure, if
 * any, for the page to show.
 */
export function useStartWith(): { starting: boolean; error: unknown } {
  const [params] = useSearchParams();
  const address = params.get('with');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const asked = useRef<string | null>(null);

  useEffect(() => {
    if (address === null || asked.current === address) return;
    asked.current = address;
    setError(null);
    void (async () => {
      try {
        const colleague = await colleagueOf({ address, displayName: address });
        if (!colleague) throw new Error('no-certificate');
        const conversation: Conversation = await createConversation({
          kind: 'direct',
          userId: colleague.userId,
        });
        await queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
        await navigate(conversationPath(conversation.id), { replace: true });
      } catch (failure) {
        setError(failure);
      }
    })();
  }, [address, navigate, queryClient]);

  return { starting: address !== null && error === null, error };
}
