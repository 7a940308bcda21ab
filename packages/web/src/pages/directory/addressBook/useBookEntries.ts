import { useQuery } from '@tanstack/react-query';
import { addressBookKeys, fetchAddressBook } from '../../../api/addressBook.ts';

/**
 * Ids of the entries already in the person's own book, so a result card can say "in the book" rather
 * than offer to add it twice. A failure here only loses that hint: the cards stay usable.
 */
export function useBookEntryIds(enabled: boolean): ReadonlySet<string> {
  const book = useQuery({
    queryKey: addressBookKeys.book(null),
    queryFn: () => fetchAddressBook(null),
    enabled,
    staleTime: 60_000,
    retry: false,
  });
  return new Set((book.data ?? []).map((item) => item.entry.id));
}
