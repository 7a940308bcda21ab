import type { Mailbox, Me } from '@liaison/core/api/index';
import { Badge, Button, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fetchUnreadCount, isMailView, mailKeys, MAIL_VIEWS, type MailView } from '../../api/mail.ts';
import { RequireSession } from '../../components/RequireSession.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { KeysNotice } from './KeysNotice.tsx';
import { MailList } from './list/MailList.tsx';
import { mailboxesOf, pickMailbox } from './mailboxes.ts';
import { composePath } from './paths.ts';
import { usePersonalKeys } from './useMailCrypto.ts';

export function MailboxPage() {
  return <RequireSession>{(me) => <Mailboxes me={me} />}</RequireSession>;
}

function Mailboxes({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t('mail.title'));
  const [params, setParams] = useSearchParams();
  const mailbox = pickMailbox(me, params.get('box'));
  const viewParam = params.get('view');
  const view: MailView = isMailView(viewParam) ? viewParam : 'inbox';
  const keys = usePersonalKeys(me);

  const go = (next: { box?: string; view?: MailView }) => {
    const search = new URLSearchParams();
    search.set('box', next.box ?? mailbox?.address ?? '');
    search.set('view', next.view ?? view);
    setParams(search, { replace: false });
  };

  if (!mailbox) {
    return (
      <Stack gap="md" maw={1100}>
        <Title order={1}>{t('mail.title')}</Title>
        <Text c="dimmed">{t('mail.noMailbox')}</Text>
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={1}>{t('mail.title')}</Title>
          {me.mailboxes.length === 1 ? (
            <Text c="dimmed" size="sm" ff="monospace" data-testid="mail-current-box">
              {mailbox.address}
            </Text>
          ) : null}
        </Stack>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {me.mailboxes.length > 1 ? (
            <MailboxPicker me={me} value={mailbox} onChange={(box) => go({ box })} />
          ) : null}
          <Button component={Link} to={composePath({ box: mailbox.address })} data-testid="mail-compose">
            {t('mail.newMessage')}
          </Button>
        </Group>
      </Group>

      {keys.isError ? <KeysNotice error={keys.error} /> : null}

      <Tabs
        value={view}
        onChange={(value) => {
          if (isMailView(value)) go({ view: value });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('mail.viewsLabel')}>
          {MAIL_VIEWS.map((entry) => (
            <Tabs.Tab
              key={entry}
              value={entry}
              rightSection={entry === 'inbox' ? <InboxUnread address={mailbox.address} /> : undefined}
            >
              {t(`mail.views.${entry}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {MAIL_VIEWS.map((entry) => (
          <Tabs.Panel key={entry} value={entry} pt="md">
            <MailList me={me} mailbox={mailbox} view={entry} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function InboxUnread({ address }: { address: string }) {
  const { t } = useTranslation();
  const unread = useQuery({
    queryKey: mailKeys.unread(address),
    queryFn: () => fetchUnreadCount(address),
    staleTime: 30_000,
  });
  if (!unread.data) return null;
  return (
    <Badge size="sm" variant="filled" aria-label={t('mail.unreadCount', { count: unread.data })}>
      {unread.data}
    </Badge>
  );
}

function MailboxPicker({
  me,
  value,
  onChange,
}: {
  me: Me;
  value: Mailbox;
  onChange: (address: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('mail.mailbox')}
      data={mailboxesOf(me).map((mailbox) => ({
        value: mailbox.address,
        label: t('mail.mailboxOption', { address: mailbox.address, kind: t(`mailboxKinds.${mailbox.kind}`) }),
      }))}
      value={value.address}
      onChange={(address) => {
        if (address) onChange(address);
      }}
      allowDeselect={false}
      w={{ base: '100%', sm: 360 }}
      data-testid="mail-box-picker"
    />
  );
}
