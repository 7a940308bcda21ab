import type { Me } from '@liaison/core/api/index';
import type { TFunction } from 'i18next';
import { NavLink, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useLiveMail } from '../lib/liveMail.ts';
import { administeredOrganisations, hasRole } from '../lib/session.ts';
import {
  ADDRESS_BOOK_PATH,
  DIRECTORY_PATH,
  organisationDirectoryPath,
  REVIEW_PATH,
} from '../pages/directory/paths.ts';
import { canChat } from '../pages/chat/access.ts';
import { ChatNavBadge } from '../pages/chat/ChatNavBadge.tsx';
import { CHAT_PATH } from '../pages/chat/paths.ts';
import { TELEEXPERTISE_PATH } from '../pages/teleexpertise/paths.ts';
import { MailNavBadge } from '../pages/mail/MailNavBadge.tsx';
import { administeredIds, canSeePlatformStats } from '../pages/stats/access.ts';
import { establishmentStatsPath, STATS_PATH } from '../pages/stats/paths.ts';
import { STATUS_MANAGE_PATH, STATUS_PATH } from '../pages/status/paths.ts';

interface Entry {
  to: string;
  label: string;
  badge?: ReactNode;
}

/** Links follow the roles the server reports; the server still checks every call on its side. */
function entriesFor(me: Me, t: TFunction): Entry[] {
  const entries: Entry[] = [
    // Mail first: it is what a professional opens the app for.
    ...(me.mailboxes.length > 0
      ? [{ to: '/mail', label: t('mail.nav'), badge: <MailNavBadge me={me} /> }]
      : []),
    // Then the care team's quick questions and photos, for those the server lets into a conversation.
    ...(canChat(me) ? [{ to: CHAT_PATH, label: t('chat.nav'), badge: <ChatNavBadge me={me} /> }] : []),
    ...(canChat(me) ? [{ to: TELEEXPERTISE_PATH, label: t('teleexpertise.nav') }] : []),
    { to: DIRECTORY_PATH, label: t('directory.nav.search') },
    { to: ADDRESS_BOOK_PATH, label: t('directory.nav.addressBook') },
    { to: '/account', label: t('app.nav.account') },
    { to: '/keys', label: t('app.nav.keys') },
  ];
  if (hasRole(me, 'technician')) entries.push({ to: '/verification', label: t('app.nav.verification') });
  if (hasRole(me, 'technician', 'platform_admin')) {
    entries.push({ to: REVIEW_PATH, label: t('directory.nav.review') });
    entries.push({ to: '/quarantine', label: t('quarantine.nav') });
  }
  if (hasRole(me, 'technician', 'platform_admin')) {
    entries.push({ to: '/establishments', label: t('app.nav.establishments') });
    entries.push({ to: STATUS_MANAGE_PATH, label: t('status.navManage') });
  }
  if (canSeePlatformStats(me)) entries.push({ to: STATS_PATH, label: t('stats.nav') });
  // One entry, for the first establishment the person administers (their own page links to the others').
  const statsOrganisation = administeredIds(me)[0];
  if (statsOrganisation !== undefined) {
    entries.push({ to: establishmentStatsPath(statsOrganisation), label: t('stats.navEstablishment') });
  }
  const administered = administeredOrganisations(me);
  for (const organisation of administered) {
    entries.push({
      to: `/establishments/${organisation.id}`,
      label: t('app.nav.myEstablishment', { name: organisation.name }),
    });
    entries.push({
      to: organisationDirectoryPath(organisation.id),
      label:
        administered.length === 1
          ? t('directory.nav.organisation')
          : t('directory.nav.organisationNamed', { name: organisation.name }),
    });
  }
  // Last, for everyone: where to look when something does not work.
  entries.push({ to: STATUS_PATH, label: t('status.nav') });
  return entries;
}

export function MainNav({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const entries = entriesFor(me, t);
  // One socket for the whole signed-in app: lists, counts and badges follow new mail and chat without a reload.
  useLiveMail(me.mailboxes.length > 0 || canChat(me));
  // The most specific matching link is the current one (so /establishments/x does not also light /establishments).
  const current = entries
    .filter((entry) => pathname === entry.to || pathname.startsWith(`${entry.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0];
  return (
    <Stack gap={4}>
      {entries.map((entry) => (
        <NavLink
          key={entry.to}
          component={Link}
          to={entry.to}
          label={entry.label}
          rightSection={entry.badge}
          active={entry === current}
          aria-current={entry === current ? 'page' : undefined}
          onClick={onNavigate}
        />
      ))}
    </Stack>
  );
}
