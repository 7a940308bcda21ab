import type { AddressBookItem } from '@liaison/core/api/directory';
import type { Reader } from '../db/index.ts';
import type { EntryWithOrganisation } from '../directory/entryRows.ts';
import { toDirectoryEntry } from '../directory/entryRows.ts';
import { entriesQuery } from '../directory/views.ts';

/** Whose book: a user's own, or a mailbox's (kept by its owners and delegates, e.g. secretaries). */
export interface BookOwner {
  kind: 'user' | 'mailbox';
  id: string;
}

/** A saved correspondent with its directory entry as it is now. */
export interface BookRow extends EntryWithOrganisation {
  book_id: string;
  book_note: string | null;
  book_added_at: string;
  book_seen_version: number;
  book_seen_address: string;
}

function bookQuery(db: Reader, owner: BookOwner) {
  return entriesQuery(db)
    .innerJoin('address_book_entries as b', 'b.entry_id', 'e.id')
    .select([
      'b.id as book_id',
      'b.note as book_note',
      'b.added_at as book_added_at',
      'b.seen_version as book_seen_version',
      'b.seen_address as book_seen_address',
    ])
    .where('b.owner_kind', '=', owner.kind)
    .where('b.owner_id', '=', owner.id);
}

/** The whole book, by the name the directory shows. */
export async function bookRows(db: Reader, owner: BookOwner): Promise<BookRow[]> {
  return bookQuery(db, owner).orderBy('e.display_name').orderBy('b.id').execute();
}

export async function bookRow(db: Reader, owner: BookOwner, itemId: string): Promise<BookRow | undefined> {
  return bookQuery(db, owner).where('b.id', '=', itemId).executeTakeFirst();
}

/**
 * What changed under a saved correspondent since it was saved (or last acknowledged): removed from
 * the directory, main address replaced (mail to the saved one would go astray), RPPS gone from the
 * national reference.
 */
export function flagsOf(row: BookRow): AddressBookItem['flags'] {
  const flags: AddressBookItem['flags'] = [];
  if (row.state === 'retired') flags.push('retired');
  if (row.address !== row.book_seen_address) flags.push('address_changed');
  if (row.rpps_left_at !== null) flags.push('rpps_left');
  return flags;
}

export function toItem(row: BookRow): AddressBookItem {
  return {
    id: row.book_id,
    entry: toDirectoryEntry(row),
    note: row.book_note,
    addedAt: row.book_added_at,
    flags: flagsOf(row),
  };
}
