import type { AddressBookItem } from '@liaison/core/api/directory';
import type { Me } from '@liaison/core/api/index';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { Alert, Anchor, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format.ts';
import { MailboxList } from '../components/MailboxList.tsx';
import { placeLine, practiceLine } from '../labels.ts';
import { composeTo, entryPath } from '../paths.ts';

interface Props {
  me: Me;
  item: AddressBookItem;
  busy: boolean;
  onEditNote: (item: AddressBookItem) => void;
  onRemove: (item: AddressBookItem) => void;
  onAcknowledge: (item: AddressBookItem) => void;
}

/** A correspondent, with what changed in the directory since they were saved, said plainly on top. */
export function AddressBookCard({ me, item, busy, onEditNote, onRemove, onAcknowledge }: Props) {
  const { t, i18n } = useTranslation();
  const { entry } = item;
  const name = entryDisplayName(entry.fields);
  const practice = practiceLine(entry.fields, i18n.language);
  const canWrite = me.mailboxes.length > 0 && entry.state === 'published';
  return (
    <Paper component="article" withBorder p="md" radius="md" data-testid="book-item" aria-label={name}>
      <Stack gap="sm">
        {item.flags.length > 0 ? (
          <Alert color="orange" variant="light" p="xs" data-testid="book-flags">
            <Group justify="space-between" gap="xs">
              <Stack gap={0}>
                {item.flags.map((flag) => (
                  <Text key={flag} size="sm" fw={500}>
                    {t(`directory.addressBook.flags.${flag}`)}
                  </Text>
                ))}
              </Stack>
              <Button
                size="compact-sm"
                variant="white"
                color="orange"
                loading={busy}
                aria-label={t('directory.addressBook.acknowledgeLabel', { name })}
                onClick={() => onAcknowledge(item)}
              >
                {t('directory.addressBook.acknowledge')}
              </Button>
            </Group>
          </Alert>
        ) : null}
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
            <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={entryPath(entry.id)}>
                {name}
              </Anchor>
            </Title>
            {practice ? (
              <Text size="sm" fw={500}>
                {practice}
              </Text>
            ) : null}
            <Text size="sm" c="dimmed">
              {placeLine(entry)}
            </Text>
          </Stack>
          <Group gap="xs">
            {canWrite ? (
              <Button
                component={Link}
                to={composeTo(entry.fields.mailboxes[0]?.address ?? '')}
                size="xs"
                aria-label={t('directory.mailbox.writeTo', { name })}
              >
                {t('directory.mailbox.write')}
              </Button>
            ) : null}
            <Button
              size="xs"
              variant="light"
              aria-label={t('directory.addressBook.editNoteLabel', { name })}
              onClick={() => onEditNote(item)}
            >
              {t('directory.addressBook.editNote')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              aria-label={t('directory.addressBook.removeLabel', { name })}
              onClick={() => onRemove(item)}
            >
              {t('directory.addressBook.remove')}
            </Button>
          </Group>
        </Group>
        <Box>
          <MailboxList mailboxes={entry.fields.mailboxes} />
        </Box>
        {item.note ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="book-note">
            <Text span fw={600} size="sm">
              {t('directory.addressBook.notePrefix')}
            </Text>{' '}
            {item.note}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('directory.addressBook.addedAt', { date: formatDate(item.addedAt, i18n.language) })}
        </Text>
      </Stack>
    </Paper>
  );
}
