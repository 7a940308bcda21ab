import { sql, type RawBuilder } from 'kysely';
import type { Reader } from '../../db/index.ts';
import { withoutRank, type RankedRow, type SearchBackend } from './backend.ts';
import type { Alternative, Condition, SearchFilters, Tier } from './plan.ts';
import { selectRaw } from './rawSql.ts';

/**
 * Query words are letters and digits only (`searchTokens`), so they hold no LIKE wildcard; escaping
 * is for safety only. The documents' words are space-padded: ' word ' is a whole word, ' wor' the
 * start of one; the GIN trigram index (pg_trgm) answers both, and ORs of them, without a scan.
 */
function like(a: Alternative): RawBuilder<unknown> {
  const term = a.term.replace(/[\\%_]/g, '\\$&');
  return sql`words LIKE ${a.prefix ? `% ${term}%` : `% ${term} %`}`;
}

const condition = (c: Condition): RawBuilder<unknown> =>
  sql.join(
    c.map((clause) => sql`(${sql.join(clause.map(like), sql` OR `)})`),
    sql` AND `,
  );

/** The tier's matches, or (`withStronger`) its `include` alone. */
function where(tier: Tier | null, filters: SearchFilters, withStronger: boolean): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (tier !== null) parts.push(condition(tier.include));
  if (tier?.exclude && !withStronger) parts.push(sql`NOT (${condition(tier.exclude)})`);
  if (filters.listedOnly) parts.push(sql`listed = 1`);
  if (filters.specialty !== null) parts.push(sql`specialty = ${filters.specialty}`);
  if (filters.organisationId !== null) parts.push(sql`organisation_id = ${filters.organisationId}`);
  if (filters.departement !== null) parts.push(sql`departement = ${filters.departement}`);
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` AND `);
}

/** PostgreSQL sorts a tier's matches by `order_key` (top-N); there is no latency target on it. */
export const postgresSearch: SearchBackend = (reader: Reader, filters: SearchFilters) => ({
  async count(tier, cap) {
    const [row] = await selectRaw<{ n: number | string }>(
      reader,
      sql`SELECT count(*) AS n FROM (
            SELECT 1 FROM directory_search_docs WHERE ${where(tier, filters, true)} LIMIT ${cap}
          ) AS capped`,
    );
    return Number(row?.n ?? 0);
  },

  async page(tier, limit, offset) {
    const rows = await selectRaw<RankedRow>(
      reader,
      sql`SELECT entry_id AS "entryId", words, order_key AS rank
          FROM directory_search_docs WHERE ${where(tier, filters, false)}
          ORDER BY order_key LIMIT ${limit} OFFSET ${offset}`,
      'rank',
    );
    return rows.map(withoutRank);
  },
});
