import type { DirectoryEntryFields } from '@liaison/core/api/directory';
import { Group, List } from '@mantine/core';
import { AddressText } from './AddressText.tsx';
import { KindBadge } from './KindBadge.tsx';

/** An entry's addresses, main one first, each with its kind; long addresses wrap on a phone. */
export function MailboxList({ mailboxes }: { mailboxes: DirectoryEntryFields['mailboxes'] }) {
  return (
    <List listStyleType="none" spacing={4} data-testid="entry-mailboxes">
      {mailboxes.map((mailbox) => (
        <List.Item key={mailbox.address}>
          <Group gap={6} wrap="nowrap" align="center">
            <KindBadge kind={mailbox.kind} />
            <AddressText address={mailbox.address} data-testid="entry-mailbox" />
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
