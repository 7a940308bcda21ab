import { normaliseForSearch } from '@liaison/core/directory/searchText';
import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * Name search as FHIR's `string` parameters do it, accent- and case-blind: the normalised query
 * (normaliseForSearch) must start the normalised name. SQL cannot strip accents the same way on
 * SQLite and PostgreSQL, so the database narrows with LIKE patterns whose matches are a superset of
 * the answer, and `nameMatches` decides. The patterns only have to never miss:
 * - a name in plain ASCII normalises to its lower case with word breaks as spaces, so the query
 *   with `%` for each space finds it exactly (`strict`);
 * - a name with other characters (é, ç, œ, ł…) is also tried with a looser pattern in which every
 *   letter an accented letter of a European name reduces to matches any one character, and the pairs
 *   a ligature spells out (œ → oe, æ → ae, ß → ss) match any run (`loose`). Only those names pay for
 *   the looseness: `octet_length > length` picks them on both databases.
 */
const MAY_BE_ACCENTED = new Set('acdegiklnorstuyz');
const LIGATURE_PAIRS = new Set(['oe', 'ae', 'ss']);

export function likePatterns(normalisedQuery: string, anyWord: boolean): { strict: string; loose: string } {
  let strict = anyWord ? '%' : '';
  let loose = strict;
  for (let i = 0; i < normalisedQuery.length; i++) {
    const char = normalisedQuery[i]!;
    const ascii = /[a-z0-9]/.test(char);
    // A letter outside a–z in the query: SQLite's lower() folds ASCII only, so let anything match.
    strict += char === ' ' ? '%' : ascii ? char : '_';
    if (LIGATURE_PAIRS.has(normalisedQuery.slice(i, i + 2))) {
      loose += '%';
      strict += normalisedQuery[i + 1]!;
      i++;
    } else if (char === ' ') loose += '%';
    else loose += ascii && !MAY_BE_ACCENTED.has(char) ? char : '_';
  }
  const end = (pattern: string): string => `${pattern}%`.replace(/%+/g, '%');
  return { strict: end(strict), loose: end(loose) };
}

/** Lower-case ASCII letters and digits: what a normalised name can start with when the name does. */
const ALPHANUMERIC = [...'abcdefghijklmnopqrstuvwxyz0123456789'];

/**
 * The SQL narrowing for one name column (`column` is a trusted column reference). A name that does
 * not start with a letter or digit ("'t Hooft", "’Abbas", "Élodie") also stays a candidate when the
 * query must start the name: normalisation drops what comes first, the patterns cannot.
 */
export function nameCandidates(
  column: Expression<string | null>,
  normalisedQuery: string,
  anyWord: boolean,
): Expression<SqlBool> {
  const { strict, loose } = likePatterns(normalisedQuery, anyWord);
  const branches = [
    sql`lower(${column}) like ${strict}`,
    sql`(octet_length(${column}) > length(${column}) and lower(${column}) like ${loose})`,
    ...(anyWord ? [] : [sql`substr(lower(${column}), 1, 1) not in (${sql.join(ALPHANUMERIC)})`]),
  ];
  return sql<SqlBool>`(${sql.join(branches, sql` or `)})`;
}

/** The rule itself: the name starts with the query (or, `anyWord`, one of its words does). */
export function nameMatches(name: string | null, normalisedQuery: string, anyWord: boolean): boolean {
  if (name === null) return false;
  const normalised = normaliseForSearch(name);
  return anyWord ? ` ${normalised}`.includes(` ${normalisedQuery}`) : normalised.startsWith(normalisedQuery);
}
