/** The directory screens' addresses in one place, so links, navigation and tests cannot drift apart. */

export const DIRECTORY_PATH = '/directory';
export const REVIEW_PATH = '/directory/review';
export const ADDRESS_BOOK_PATH = '/address-book';

export function entryPath(id: string): string {
  return `/directory/entries/${encodeURIComponent(id)}`;
}

export function organisationDirectoryPath(organisationId: string, tab?: string): string {
  const path = `/directory/organisations/${encodeURIComponent(organisationId)}`;
  return tab ? `${path}?tab=${encodeURIComponent(tab)}` : path;
}

/** A new letter already addressed to an entry's main mailbox. */
export function composeTo(address: string): string {
  return `/mail/new?to=${encodeURIComponent(address)}`;
}
