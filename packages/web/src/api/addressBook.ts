import type { AddressBookItem } from '@liaison/core/api/directory';
import { api, apiNoContent } from './client.ts';
import { checkEntry } from './directory.ts';
import { arrayOf, nullable, object, oneOf, schema, string, type Check } from './shapes.ts';

/**
 * Address books: the personal one (no mailbox) or a shared mailbox's (`mailbox=<address>`), where a
 * secretariat keeps the correspondents of a service. Writes answer with the item, but the page reloads
 * the list anyway, so their bodies are not relied on.
 */

/** `null` stands for the caller's personal book. */
export type BookOwner = string | null;

export const addressBookKeys = {
  all: ['address-book'] as const,
  book: (mailbox: BookOwner) => ['address-book', mailbox ?? ''] as const,
};

const checkItem: Check<AddressBookItem> = object({
  id: string,
  entry: checkEntry,
  note: nullable(string),
  addedAt: string,
  flags: arrayOf(oneOf(['retired', 'address_changed', 'rpps_left'] as const)),
});

const bookQuery = (mailbox: BookOwner) => (mailbox ? `?mailbox=${encodeURIComponent(mailbox)}` : '');

export function fetchAddressBook(mailbox: BookOwner) {
  return api(`/api/address-book${bookQuery(mailbox)}`, schema(arrayOf(checkItem)));
}

export function addToAddressBook(request: { entryId: string; note?: string; mailbox?: string }) {
  return apiNoContent('/api/address-book', { method: 'POST', body: request });
}

export function updateAddressBookItem(id: string, changes: { note?: string | null; acknowledge?: true }) {
  return apiNoContent(`/api/address-book/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}

export function removeAddressBookItem(id: string) {
  return apiNoContent(`/api/address-book/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function addressBookDownloadUrl(format: 'vcf' | 'csv', mailbox: BookOwner): string {
  return `/api/address-book.${format}${bookQuery(mailbox)}`;
}
