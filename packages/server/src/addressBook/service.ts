import type { AddressBookItem } from '@liaison/core/api/directory';
import type { Actor } from '../auth/actor.ts';
import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { isUniqueViolation } from '../pki/store.ts';
import { bookRow, bookRows, toItem, type BookOwner, type BookRow } from './store.ts';

export interface AddToBook {
  entryId: string;
  note?: string | null;
  /** A shared mailbox's book instead of the caller's own. */
  mailbox?: string;
}

export interface ChangeBookItem {
  note?: string | null;
  /** Takes the entry's current version and address as seen: `address_changed` clears. */
  acknowledge?: true;
}

/** Empty notes are no notes. */
function noteOf(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * Address books: correspondents picked from the published directory, kept per user or per mailbox.
 * A book is private to its owner (or to the mailbox's members): anyone else gets "not found", never
 * "forbidden", so item ids reveal nothing.
 */
export class AddressBookService {
  constructor(private readonly deps: Deps) {}

  /** The book the caller works on: their own, or a mailbox's they are an owner or delegate of. */
  async owner(actor: Actor, mailbox?: string): Promise<BookOwner> {
    if (mailbox === undefined) return { kind: 'user', id: actor.userId };
    const found = await this.deps.db.read
      .selectFrom('mailboxes as m')
      .leftJoin('mailbox_members as mm', (join) =>
        join.onRef('mm.mailbox_id', '=', 'm.id').on('mm.user_id', '=', actor.userId),
      )
      .select(['m.id', 'mm.user_id'])
      .where('m.address', '=', mailbox.trim().toLowerCase())
      .executeTakeFirst();
    if (found === undefined) fail('MAILBOX_NOT_FOUND');
    if (found.user_id === null) fail('NOT_A_MEMBER');
    return { kind: 'mailbox', id: found.id };
  }

  async list(actor: Actor, mailbox?: string): Promise<AddressBookItem[]> {
    return (await this.rows(actor, mailbox)).map(toItem);
  }

  /** The book with each entry's full row, for the vCard and CSV downloads. */
  async rows(actor: Actor, mailbox?: string): Promise<BookRow[]> {
    return bookRows(this.deps.db.read, await this.owner(actor, mailbox));
  }

  async add(actor: Actor, request: AddToBook): Promise<AddressBookItem> {
    const owner = await this.owner(actor, request.mailbox);
    const id = crypto.randomUUID();
    try {
      await this.deps.db.transaction(async (tx) => {
        const entry = await tx.db
          .selectFrom('directory_entries')
          .select(['id', 'state', 'version', 'address'])
          .where('id', '=', request.entryId)
          .executeTakeFirst();
        // Only what is published can be picked; every caller here is signed in, so unlisted is fine.
        if (entry === undefined || entry.state !== 'published') fail('ENTRY_NOT_FOUND');
        const taken = await tx.db
          .selectFrom('address_book_entries')
          .select('id')
          .where('owner_kind', '=', owner.kind)
          .where('owner_id', '=', owner.id)
          .where('entry_id', '=', entry.id)
          .executeTakeFirst();
        if (taken) fail('ALREADY_IN_ADDRESS_BOOK', undefined, { itemId: taken.id });
        await tx.db
          .insertInto('address_book_entries')
          .values({
            id,
            owner_kind: owner.kind,
            owner_id: owner.id,
            entry_id: entry.id,
            note: noteOf(request.note),
            added_at: iso(this.deps.clock.now()),
            seen_version: entry.version,
            seen_address: entry.address,
          })
          .execute();
      });
    } catch (err) {
      // Two clicks at once: the unique constraint catches the second.
      if (isUniqueViolation(err)) fail('ALREADY_IN_ADDRESS_BOOK');
      throw err;
    }
    return toItem(await this.item(owner, id));
  }

  async change(actor: Actor, itemId: string, request: ChangeBookItem): Promise<AddressBookItem> {
    const { owner, row } = await this.ownedItem(actor, itemId);
    const changes = {
      ...(request.note !== undefined && { note: noteOf(request.note) }),
      ...(request.acknowledge === true && { seen_version: row.version, seen_address: row.address }),
    };
    if (Object.keys(changes).length > 0) {
      await this.deps.db.transaction((tx) =>
        tx.db.updateTable('address_book_entries').set(changes).where('id', '=', itemId).execute(),
      );
    }
    return toItem(await this.item(owner, itemId));
  }

  async remove(actor: Actor, itemId: string): Promise<void> {
    await this.ownedItem(actor, itemId);
    await this.deps.db.transaction((tx) =>
      tx.db.deleteFrom('address_book_entries').where('id', '=', itemId).execute(),
    );
  }

  private async item(owner: BookOwner, itemId: string): Promise<BookRow> {
    const row = await bookRow(this.deps.db.read, owner, itemId);
    if (row === undefined) fail('NOT_IN_ADDRESS_BOOK');
    return row;
  }

  /** The item if it is in the caller's book or in the book of a mailbox they belong to. */
  private async ownedItem(actor: Actor, itemId: string): Promise<{ owner: BookOwner; row: BookRow }> {
    const item = await this.deps.db.read
      .selectFrom('address_book_entries')
      .select(['owner_kind', 'owner_id'])
      .where('id', '=', itemId)
      .executeTakeFirst();
    if (item === undefined) fail('NOT_IN_ADDRESS_BOOK');
    const owner: BookOwner = { kind: item.owner_kind, id: item.owner_id };
    const mine =
      owner.kind === 'user'
        ? owner.id === actor.userId
        : (await this.deps.db.read
            .selectFrom('mailbox_members')
            .select('user_id')
            .where('mailbox_id', '=', owner.id)
            .where('user_id', '=', actor.userId)
            .executeTakeFirst()) !== undefined;
    if (!mine) fail('NOT_IN_ADDRESS_BOOK');
    return { owner, row: await this.item(owner, itemId) };
  }
}
