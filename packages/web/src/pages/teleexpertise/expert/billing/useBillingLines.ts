import type { Me } from '@liaison/core/api/index';
import type { BillingData, BillingEntry, TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import type { BillingLineInput } from '@liaison/core/teleexpertise/billing';
import { decodeRequestContent } from '@liaison/core/teleexpertise/requestContent';
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { openTe, teKeysQuery } from '../../shared/teCrypto.ts';

export interface Progress {
  done: number;
  total: number;
}

export interface DecryptedBilling {
  entries: BillingLineInput[];
  yearEntries: BillingLineInput[];
  /** Entries this device could not open (not an expert of that service any more, a bad envelope…). */
  unreadable: BillingEntry[];
}

/**
 * Opens every request envelope of the month's and the year's entries (once per request) with the
 * service mailbox's keys, to read the patient: the CSV is assembled here, never on the server.
 */
export function useBillingLines(
  me: Me,
  month: string,
  data: BillingData | undefined,
  /** When `data` was fetched: a refetch opens the (possibly changed) entries again. */
  fetchedAt: number,
  services: readonly TeleexpertiseService[] | undefined,
) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<Progress>({ done: 0, total: 0 });
  const query = useQuery<DecryptedBilling>({
    queryKey: [
      'teleexpertise-plain',
      me.id,
      'billing',
      month,
      data?.entries.length,
      data?.yearEntries.length,
    ],
    queryFn:
      data && services
        ? async () => {
            const mailboxOf = new Map(services.map((s) => [s.id, s.mailboxId]));
            const unique = [
              ...new Map([...data.entries, ...data.yearEntries].map((e) => [e.requestId, e])).values(),
            ];
            const patients = new Map<string, BillingLineInput>();
            const unreadable: BillingEntry[] = [];
            setProgress({ done: 0, total: unique.length });
            let done = 0;
            for (const entry of unique) {
              try {
                const mailboxId = mailboxOf.get(entry.serviceId);
                if (mailboxId === undefined) throw new Error('not an expert of this service');
                const keys = await queryClient.fetchQuery(teKeysQuery(queryClient, me, mailboxId));
                const content = decodeRequestContent(await openTe(entry.envelope, keys));
                patients.set(entry.requestId, { ...entry, patient: content.patient });
              } catch {
                unreadable.push(entry);
              }
              done += 1;
              setProgress({ done, total: unique.length });
            }
            const opened = (list: readonly BillingEntry[]) =>
              list.flatMap((e) => {
                const line = patients.get(e.requestId);
                return line ? [line] : [];
              });
            return { entries: opened(data.entries), yearEntries: opened(data.yearEntries), unreadable };
          }
        : skipToken,
    staleTime: Infinity,
    retry: false,
  });
  return { query, progress };
}
