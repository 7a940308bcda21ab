/**
 * Directory search: the index of published entries (kept in step by the directory service, inside
 * its transactions) and the ranked, paged query. How it works: docs/directory-search.md.
 */
export { indexEntries, indexEntry } from './indexing.ts';
export {
  searchDirectory,
  SEARCH_RESULT_CAP,
  type DirectorySearchHit,
  type DirectorySearchQuery,
} from './search.ts';
