import { TYPO_MIN_LENGTH } from '@liaison/core/directory/searchText';

/**
 * Letters a typo may put in. Normalised words are lower-case letters and digits without accents, so
 * this is nearly all of them; letters outside it (Greek, Cyrillic…) are tried only when the query
 * itself holds them.
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Longer query words get no typo tolerance. No name is this long, and a word of n letters has about
 * 70·n spellings to look up: the search box accepts 200 characters of anything.
 */
export const MAX_TYPO_WORD_LENGTH = 40;

/**
 * The prefixes an indexed word must start with to be a one-typo match of `word`, as `matchSearch`
 * defines it: the word itself, or the part of a longer word typed so far, is one substitution,
 * insertion, deletion or swap of neighbours away. Every spelling one edit away (lengths n-1, n and
 * n+1) is such a prefix, and any word starting with one of them matches; so the set is exact, with no
 * similarity threshold to miss a short word. Spellings that start with the query word (plain prefix
 * matches) or with a shorter spelling of the set (already covered) are left out.
 * Empty for words shorter than TYPO_MIN_LENGTH or longer than MAX_TYPO_WORD_LENGTH.
 */
export function typoPrefixes(word: string): string[] {
  if (word.length < TYPO_MIN_LENGTH || word.length > MAX_TYPO_WORD_LENGTH) return [];
  const letters = new Set([...ALPHABET, ...word]);
  const spellings = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const before = word.slice(0, i);
    if (i < word.length) spellings.add(before + word.slice(i + 1));
    if (i < word.length - 1) spellings.add(before + word[i + 1] + word[i] + word.slice(i + 2));
    for (const letter of letters) {
      spellings.add(before + letter + word.slice(i));
      if (i < word.length) spellings.add(before + letter + word.slice(i + 1));
    }
  }
  // Spellings are n-1, n or n+1 long, so only their first n-1 or n letters can be another spelling.
  const covered = (spelling: string): boolean =>
    spelling.startsWith(word) ||
    [word.length - 1, word.length].some(
      (end) => end < spelling.length && spellings.has(spelling.slice(0, end)),
    );
  return [...spellings].filter((spelling) => !covered(spelling)).sort();
}
