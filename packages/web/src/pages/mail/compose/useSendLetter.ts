import type { SubmitMessageRequest } from '@liaison/core/api/mail';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { submitMessage } from '../../../api/mail.ts';
import type { PersonalKeys } from '../../../mailCrypto/keys.ts';
import { currentSigner, sealDraft, type LetterDraft } from '../../../mailCrypto/seal.ts';

export type SendStage = 'idle' | 'encrypting' | 'sending';

export interface SendInput {
  /** Built lazily: reading attachment bytes is skipped when a sealed retry is reused. */
  draft: () => Promise<LetterDraft>;
  fingerprint: string;
  keys: PersonalKeys;
  signingSerial: string | null;
}

/** Worth sending the same bytes again: the connection dropped or the server stumbled. */
function transient(error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.status >= 500);
}

/**
 * Seal in the browser ("Chiffrement…"), then submit ("Envoi…"). The message id is chosen here (a
 * UUID); after a network failure the sealed request is kept, and sending the unchanged draft again
 * submits those very bytes under that id, which the server answers like the first time: a letter is
 * never delivered twice. A refusal, or any change to the draft, seals anew under a new id.
 */
export function useSendLetter() {
  const [stage, setStage] = useState<SendStage>('idle');
  const sealed = useRef<{ fingerprint: string; request: SubmitMessageRequest } | null>(null);

  const mutation = useMutation({
    mutationFn: async (input: SendInput) => {
      try {
        let request = sealed.current?.fingerprint === input.fingerprint ? sealed.current.request : null;
        if (request === null) {
          setStage('encrypting');
          const signer = currentSigner(input.keys, input.signingSerial);
          request = await sealDraft(await input.draft(), signer, crypto.randomUUID());
          sealed.current = { fingerprint: input.fingerprint, request };
        }
        setStage('sending');
        const result = await submitMessage(request);
        sealed.current = null;
        return result;
      } catch (error) {
        if (!transient(error)) sealed.current = null;
        throw error;
      } finally {
        setStage('idle');
      }
    },
    // Retrying is the person's decision (the button); an automatic retry would hide the failure.
    retry: false,
  });

  return {
    send: mutation.mutate,
    stage,
    error: mutation.error,
    isPending: mutation.isPending,
    /** The last attempt failed in transit: the next identical send reuses its id and bytes. */
    retryable: mutation.isError && transient(mutation.error),
    reset: mutation.reset,
  };
}
