import type { Me } from '@liaison/core/api/index';
import { NavCountBadge } from '../../components/NavCountBadge.tsx';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchUnreadCount, mailKeys } from '../../api/mail.ts';

/**
 * Unread letters over all the person's mailboxes, for the navigation. Loaded with the shell, so it
 * imports no crypto: the count is server metadata. Kept fresh by the live-mail socket (lib/liveMail).
 */
export function useUnreadTotal(me: Me): number {
  return useQueries({
    queries: me.mailboxes.map((mailbox) => ({
      queryKey: mailKeys.unread(mailbox.address),
      queryFn: () => fetchUnreadCount(mailbox.address),
      staleTime: 30_000,
    })),
    combine: (results) => results.reduce((sum, result) => sum + (result.data ?? 0), 0),
  });
}

export function MailNavBadge({ me }: { me: Me }) {
  const { t } = useTranslation();
  const unread = useUnreadTotal(me);
  return (
    <NavCountBadge count={unread} label={t('mail.unreadCount', { count: unread })} testId="mail-nav-unread" />
  );
}
