import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { refetchTeleexpertise } from '../../../api/teleexpertise.ts';

/** How often the screens refetch on their own while visible, in case a WebSocket hint was missed. */
const SAFETY_NET_MS = 30_000;

/**
 * Keeps the tele-expertise screens current. The server pushes a `teleexpertise` hint over the
 * app's one WebSocket (lib/liveMail.ts) after each transition, and refetchTeleexpertise is what
 * that hint triggers. As a safety net (a hint lost while the phone slept, a proxy dropping the
 * socket), the screens also refetch every 30 s while the tab is visible.
 */
export function useTeleexpertiseLive(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refetchTeleexpertise(queryClient);
    }, SAFETY_NET_MS);
    return () => clearInterval(timer);
  }, [queryClient]);
}
