import { useQuery } from '@tanstack/react-query';
import { fetchSenderLimits, quarantineKeys } from '../../../api/quarantine.ts';

/** Every mailbox with limits of its own (few: most follow the server defaults). */
export function useSenderLimits() {
  return useQuery({ queryKey: quarantineKeys.limits, queryFn: fetchSenderLimits });
}
