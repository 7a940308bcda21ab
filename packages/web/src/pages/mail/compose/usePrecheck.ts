import type { RuleTrip } from '@liaison/core/api/mailHold';
import type { MailPrecheckRequest } from '@liaison/core/api/usage';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { mailKeys, precheckMail } from '../../../api/mail.ts';

/** Quiet time after the last change to recipients, From or category before the server is asked. */
export const PRECHECK_DEBOUNCE_MS = 400;

export interface Precheck {
  /** The rules the message would trip if sent now; empty when it would go through, or not known. */
  trips: RuleTrip[];
  /** The question could not be answered (network, server): sending stays possible, the server decides. */
  failed: boolean;
}

/**
 * Asks the server, as the person writes, whether the message would be held (bulk-mail rules, charter
 * article 5). The answer of the last settled inputs stays shown while new ones settle, so the warning
 * does not blink at each keystroke; a failure never blocks sending.
 */
export function usePrecheck(request: MailPrecheckRequest | null): Precheck {
  const inputs = request === null ? null : JSON.stringify(request);
  const [settled] = useDebouncedValue(inputs, PRECHECK_DEBOUNCE_MS);
  const answer = useQuery({
    queryKey: mailKeys.precheck(request?.from ?? '', inputs ?? ''),
    queryFn: ({ signal }) => {
      if (request === null) throw new Error('no recipients to check');
      return precheckMail(request, signal);
    },
    enabled: request !== null && settled === inputs,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    retry: false,
  });
  if (request === null) return { trips: [], failed: false };
  return { trips: answer.data?.trips ?? [], failed: answer.isError };
}
