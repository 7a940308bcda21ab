import type { DirectoryEntryFields, RppsRecord } from '@liaison/core/api/directory';
import { normaliseForSearch } from '@liaison/core/directory/searchText';
import { iso } from '../clock.ts';
import type { Reader, Tx } from '../db/index.ts';

export interface ReferenceCheck {
  code: 'RPPS_NOT_IN_REFERENCE' | 'RPPS_LEFT_REFERENCE' | 'RPPS_NAME_MISMATCH';
  message: string;
}

/** Names compared as search compares them: case, accents and hyphens do not count. */
function sameName(a: string, b: string): boolean {
  return normaliseForSearch(a) === normaliseForSearch(b);
}

/**
 * What the national RPPS reference says about an entry's identity. Soft: the reference is a day old
 * at best and carries test identities, so these are findings for the technician, not refusals. No
 * finding when no reference has ever been imported (a fresh instance).
 */
export async function referenceChecks(
  db: Reader,
  fields: Pick<DirectoryEntryFields, 'nationalIdKind' | 'nationalId' | 'lastName' | 'firstName'>,
): Promise<ReferenceCheck[]> {
  if (fields.nationalIdKind !== 'rpps' || fields.nationalId === null) return [];
  const row = await db
    .selectFrom('rpps_reference')
    .select(['last_name', 'first_name', 'left_at'])
    .where('rpps', '=', fields.nationalId)
    .executeTakeFirst();
  if (row === undefined) {
    const anyImport = await db.selectFrom('rpps_reference').select('rpps').limit(1).executeTakeFirst();
    return anyImport === undefined ? [] : [notInReference(fields.nationalId)];
  }
  return findings(fields, row);
}

/** `referenceChecks` for many entries in a few queries (file imports): same findings, same order. */
export async function referenceChecksMany(
  db: Reader,
  list: readonly Pick<DirectoryEntryFields, 'nationalIdKind' | 'nationalId' | 'lastName' | 'firstName'>[],
): Promise<ReferenceCheck[][]> {
  const rpps = [
    ...new Set(
      list.flatMap((f) => (f.nationalIdKind === 'rpps' && f.nationalId !== null ? [f.nationalId] : [])),
    ),
  ];
  if (rpps.length === 0) return list.map(() => []);
  const anyImport = await db.selectFrom('rpps_reference').select('rpps').limit(1).executeTakeFirst();
  if (anyImport === undefined) return list.map(() => []);
  const known = new Map<string, { last_name: string; first_name: string; left_at: string | null }>();
  for (let start = 0; start < rpps.length; start += 500) {
    const rows = await db
      .selectFrom('rpps_reference')
      .select(['rpps', 'last_name', 'first_name', 'left_at'])
      .where('rpps', 'in', rpps.slice(start, start + 500))
      .execute();
    for (const row of rows) known.set(row.rpps, row);
  }
  return list.map((fields) => {
    if (fields.nationalIdKind !== 'rpps' || fields.nationalId === null) return [];
    const row = known.get(fields.nationalId);
    return row === undefined ? [notInReference(fields.nationalId)] : findings(fields, row);
  });
}

function notInReference(rpps: string): ReferenceCheck {
  return { code: 'RPPS_NOT_IN_REFERENCE', message: `RPPS ${rpps} is not in the national reference.` };
}

function findings(
  fields: Pick<DirectoryEntryFields, 'nationalId' | 'lastName' | 'firstName'>,
  row: { last_name: string; first_name: string; left_at: string | null },
): ReferenceCheck[] {
  const checks: ReferenceCheck[] = [];
  if (row.left_at !== null) {
    checks.push({
      code: 'RPPS_LEFT_REFERENCE',
      message: `RPPS ${fields.nationalId} left the national reference on ${row.left_at.slice(0, 10)}.`,
    });
  }
  if (!sameName(row.last_name, fields.lastName ?? '') || !sameName(row.first_name, fields.firstName ?? '')) {
    checks.push({
      code: 'RPPS_NAME_MISMATCH',
      message: `The national reference names RPPS ${fields.nationalId} ${row.first_name} ${row.last_name}.`,
    });
  }
  return checks;
}

/**
 * Flags published entries whose RPPS has left the national reference (retirement, death, struck
 * off) and clears the flag of those whose RPPS came back. Runs in the transaction that closes a
 * reference import, so the flags always match the reference. Returns how many entries were flagged.
 */
export async function syncRetirementFlags(tx: Tx, now: Date): Promise<number> {
  const left = tx.db.selectFrom('rpps_reference').select('rpps').where('left_at', 'is not', null);
  const present = tx.db.selectFrom('rpps_reference').select('rpps').where('left_at', 'is', null);
  const flagged = await tx.db
    .updateTable('directory_entries')
    .set({ rpps_left_at: iso(now) })
    .where('state', '=', 'published')
    .where('national_id_kind', '=', 'rpps')
    .where('rpps_left_at', 'is', null)
    .where('national_id', 'in', left)
    .executeTakeFirst();
  await tx.db
    .updateTable('directory_entries')
    .set({ rpps_left_at: null })
    .where('rpps_left_at', 'is not', null)
    .where('national_id', 'in', present)
    .execute();
  return Number(flagged.numUpdatedRows);
}

/** What the national reference knows of one RPPS, to pre-fill a registration or an entry. */
export type RppsLookup = RppsRecord;

export async function lookupRpps(db: Reader, rpps: string): Promise<RppsLookup | null> {
  const row = await db.selectFrom('rpps_reference').selectAll().where('rpps', '=', rpps).executeTakeFirst();
  if (row === undefined) return null;
  return {
    rpps: row.rpps,
    lastName: row.last_name,
    firstName: row.first_name,
    professionCode: row.profession_code,
    professionLabel: row.profession_label,
    specialty: row.specialty,
    activities: JSON.parse(row.activities) as unknown[],
    leftAt: row.left_at,
  };
}
