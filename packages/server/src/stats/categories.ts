import type { UserCategory } from '@liaison/core/api/stats';
import { sql, type RawBuilder } from 'kysely';
import type { Reader } from '../db/index.ts';
import { isEstablishmentKind } from './sides.ts';

/**
 * Who a person counts as in the statistics, from the kinds of the organisations they hold a role in
 * and their profession (TRE_G15: 10 physician, 21 pharmacist, 50 midwife). The first rule that applies
 * wins, so a pharmacist working in a hospital counts as hospital staff:
 *
 * 1. any hospital or clinic → hospital;   2. any EHPAD → ehpad;   3. any laboratory → lab;
 * 4. pharmacist, or any pharmacy → pharmacist;   5. midwife → midwife;
 * 6. any practice, or physician → city;   7. anyone else → other.
 *
 * The same rule exists in SQL too, for the reports' GROUP BY (`organisationRanks` joined to the people,
 * then `categoryFromRank`); a test checks both agree on every combination of kinds and professions.
 */
export function userCategory(organisationKinds: readonly string[], profession: string | null): UserCategory {
  const has = (kind: string) => organisationKinds.includes(kind);
  if (organisationKinds.some(isEstablishmentKind)) return 'hospital';
  if (has('ehpad')) return 'ehpad';
  if (has('lab')) return 'lab';
  if (profession === '21' || has('pharmacy')) return 'pharmacist';
  if (profession === '50') return 'midwife';
  if (has('practice') || profession === '10') return 'city';
  return 'other';
}

/**
 * The best (lowest) rank of the organisations a person holds a role in, in the rule's order (kinds
 * outside the rule have none). A person's category is then a CASE over that rank and their profession;
 * a person without any organisation role has a NULL rank and falls through to their profession.
 */
const bestRank = sql<number | null>`min(case o.kind
    when 'hospital' then 1 when 'clinic' then 1 when 'ehpad' then 2 when 'lab' then 3
    when 'pharmacy' then 4 when 'practice' then 6 end)`;

/**
 * Everyone's best organisation rank, one row per person holding an organisation role, to LEFT JOIN
 * to the people counted: one grouped pass over the roles instead of a subquery per person (which also
 * inflated PostgreSQL's cost estimate past its JIT threshold, compiling for longer than it ran).
 */
export function organisationRanks(db: Reader) {
  return db
    .selectFrom('user_roles as cr')
    .innerJoin('organisations as o', 'o.id', 'cr.organisation_id')
    .select(['cr.user_id', bestRank.as('rank')])
    .groupBy('cr.user_id');
}

/** The category from a joined `organisationRanks` row (its rank NULL when the join found none). */
export function categoryFromRank(rankColumn: string, professionColumn: string): RawBuilder<UserCategory> {
  const rank = sql.ref(rankColumn);
  const profession = sql.ref(professionColumn);
  return sql<UserCategory>`case
      when ${rank} = 1 then 'hospital'
      when ${rank} = 2 then 'ehpad'
      when ${rank} = 3 then 'lab'
      when ${profession} = '21' or ${rank} = 4 then 'pharmacist'
      when ${profession} = '50' then 'midwife'
      when ${profession} = '10' or ${rank} = 6 then 'city'
      else 'other' end`;
}
