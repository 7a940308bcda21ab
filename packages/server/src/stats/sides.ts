import { sql, type RawBuilder } from 'kysely';

/**
 * The two sides of the statistics: healthcare establishments (organisation kinds hospital and clinic)
 * and the city (every other kind, and mailboxes without an organisation).
 */
export const ESTABLISHMENT_KINDS = ['hospital', 'clinic'] as const;

export function isEstablishmentKind(kind: string | null | undefined): boolean {
  return kind === 'hospital' || kind === 'clinic';
}

/** SQL for that test on an organisation kind column: 1 for an establishment, 0 otherwise (NULL too). */
export function establishmentFlag(kindColumn: string): RawBuilder<number> {
  const kinds = sql.join(ESTABLISHMENT_KINDS.map((kind) => sql.lit(kind)));
  return sql<number>`case when ${sql.ref(kindColumn)} in (${kinds}) then 1 else 0 end`;
}

/** An organisation id as the rollups key it: '' for none, so it can sit in a primary key. */
export function organisationKey(column: string): RawBuilder<string> {
  return sql<string>`coalesce(${sql.ref(column)}, '')`;
}

/** The UTC day (YYYY-MM-DD) of an ISO-8601 UTC timestamp column, the same text on both dialects. */
export function dayOf(column: string): RawBuilder<string> {
  return sql<string>`substr(${sql.ref(column)}, 1, 10)`;
}
