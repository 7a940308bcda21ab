import type { MailFolder } from '@liaison/core/api/mail';
import type { MailView } from '../../api/mail.ts';

/** The mail screens' addresses in one place, so links and tests cannot drift apart. */

export function mailboxPath(box: string, view: MailView = 'inbox'): string {
  return `/mail?${new URLSearchParams({ box, view }).toString()}`;
}

/** One message of one mailbox; `folder` tells the copies apart when someone wrote to themselves. */
export function messagePath(box: string, folder: MailFolder, id: string): string {
  return `/mail/messages/${encodeURIComponent(id)}?${new URLSearchParams({ box, folder }).toString()}`;
}

export type ComposeSource = { kind: 'reply' | 'forward'; id: string; folder: MailFolder };

export function composePath(input: { box: string; source?: ComposeSource }): string {
  const params = new URLSearchParams({ box: input.box });
  if (input.source) {
    params.set(input.source.kind, input.source.id);
    params.set('folder', input.source.folder);
  }
  return `/mail/new?${params.toString()}`;
}
