import type { Mailbox } from '@liaison/core/api/index';
import { Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const KIND_COLOURS: Record<Mailbox['kind'], string> = {
  PER: 'liaison',
  ORG: 'indigo',
  APP: 'grape',
  CAB: 'teal',
};

export function MailboxList({ mailboxes }: { mailboxes: Mailbox[] }) {
  const { t } = useTranslation();
  if (mailboxes.length === 0) return <Text c="dimmed">{t('account.noMailbox')}</Text>;
  return (
    <List listStyleType="none" spacing="xs" data-testid="mailboxes">
      {mailboxes.map((mailbox) => (
        <List.Item key={mailbox.id}>
          <Group gap="sm" wrap="wrap">
            <Text ff="monospace">{mailbox.address}</Text>
            <Badge
              color={KIND_COLOURS[mailbox.kind]}
              variant="light"
              title={t(`mailboxKinds.${mailbox.kind}`)}
            >
              {mailbox.kind} · {t(`mailboxKinds.${mailbox.kind}`)}
            </Badge>
            {mailbox.access === 'delegate' ? (
              <Badge color="gray" variant="outline">
                {t('account.mailboxDelegate')}
              </Badge>
            ) : null}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
