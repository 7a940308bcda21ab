import type { Me } from '@liaison/core/api/index';
import type { DirectoryEntry } from '@liaison/core/api/directory';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canChat } from '../../chat/access.ts';
import { chatWithPath } from '../../chat/paths.ts';
import { composeTo } from '../paths.ts';
import { AddToBookButton } from './AddToBookButton.tsx';

/**
 * What a signed-in person does with an entry: write to it (when they have a mailbox to write from),
 * send the person an instant message, and keep it in their address book. Anonymous visitors only read.
 */
export function EntryActions({
  me,
  entry,
  inBook,
}: {
  me: Me | null;
  entry: DirectoryEntry;
  inBook: boolean;
}) {
  const { t } = useTranslation();
  if (!me || entry.state !== 'published') return null;
  const name = entryDisplayName(entry.fields);
  // Instant messages go to a person: only an entry with a personal mailbox offers them.
  const personal = entry.fields.mailboxes.find((m) => m.kind === 'PER');
  return (
    <Group gap="xs">
      {me.mailboxes.length > 0 ? (
        <Button
          component={Link}
          to={composeTo(entry.fields.mailboxes[0]?.address ?? '')}
          size="xs"
          aria-label={t('directory.mailbox.writeTo', { name })}
        >
          {t('directory.mailbox.write')}
        </Button>
      ) : null}
      {personal && canChat(me) ? (
        <Button
          component={Link}
          to={chatWithPath(personal.address)}
          size="xs"
          variant="light"
          aria-label={t('directory.mailbox.chatTo', { name })}
        >
          {t('directory.mailbox.chat')}
        </Button>
      ) : null}
      <AddToBookButton me={me} entry={entry} inBook={inBook} />
    </Group>
  );
}
