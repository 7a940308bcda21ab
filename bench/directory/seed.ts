/**
 * Published directory entries for the benchmarks (bench/directory, bench/ldap): establishments with
 * FINESS numbers, then entries written straight into the table in batches and indexed as an approval
 * indexes them. Synthetic names only (./names.ts).
 */
import { randomFiness, randomRpps } from '../../packages/core/src/synthetic/ids.ts';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from '../../packages/core/src/synthetic/names.ts';
import { pick, type Rng } from '../../packages/core/src/synthetic/rng.ts';
import { CONSOLE_ACTOR } from '../../packages/server/src/auth/actor.ts';
import type { AppContext } from '../../packages/server/src/context.ts';
import { fieldColumns } from '../../packages/server/src/directory/entryRows.ts';
import { indexEntries } from '../../packages/server/src/directory/search/index.ts';
import { syntheticSurname } from './names.ts';

const SPECIALTIES = ['SM54', 'SM04', 'SM15', 'SM38', 'SM26', 'SM40', 'SM53', 'SM42'];
const DEPARTEMENTS = ['59', '62', '75', '69', '13', '33', '35', '67', '2A', '971'];
const BATCH = 5000;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** One doctor's entry fields (as `checkEntry` would give them back). */
export function entryFields(rng: Rng, surname: string, address: string) {
  const female = rng() < 0.5;
  return {
    lastName: surname,
    firstName: pick(rng, female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
    profession: '10',
    specialty: pick(rng, SPECIALTIES),
    nationalIdKind: 'rpps' as const,
    nationalId: randomRpps(rng),
    serviceName: rng() < 0.3 ? 'Service de cardiologie' : null,
    mailboxes: [{ address, kind: 'PER' as const }],
    departement: pick(rng, DEPARTEMENTS),
    groupName: null,
    proxyUser: false,
    acceptsAttachments: true,
    unlisted: false,
  };
}

export interface SeededEntries {
  surnames: string[];
  addresses: string[];
  organisationIds: string[];
}

export async function seedPublishedEntries(
  ctx: AppContext,
  rng: Rng,
  counts: { entries: number; organisations: number },
): Promise<SeededEntries> {
  const organisationIds: string[] = [];
  const finessTaken = new Set<string>();
  for (let i = 0; i < counts.organisations; i++) {
    let finess = randomFiness(rng);
    while (finessTaken.has(finess)) finess = randomFiness(rng);
    finessTaken.add(finess);
    const org = await ctx.organisations.create(CONSOLE_ACTOR, {
      kind: i % 5 === 0 ? 'ehpad' : 'hospital',
      name: `Centre hospitalier ${syntheticSurname(rng)} ${i}`,
      finess,
      city: `Ville ${i}`,
    });
    organisationIds.push(org.id);
  }
  const surnames: string[] = [];
  const addresses: string[] = [];
  const now = new Date().toISOString();
  for (let start = 0; start < counts.entries; start += BATCH) {
    const ids: string[] = [];
    await ctx.db.transaction(async (tx) => {
      const values = [];
      for (let i = start; i < Math.min(counts.entries, start + BATCH); i++) {
        const surname = syntheticSurname(rng);
        const address = `dr.${i}@bench.liaison.fr`;
        surnames.push(surname);
        addresses.push(address);
        const id = crypto.randomUUID();
        ids.push(id);
        values.push({
          id,
          organisation_id: organisationIds[i % organisationIds.length]!,
          state: 'published' as const,
          version: 1,
          ...fieldColumns(entryFields(rng, surname, address)),
          ldap_rdn: null,
          created_at: now,
          published_at: now,
          modified_at: now,
          retired_at: null,
          rpps_left_at: null,
        });
      }
      // SQLite caps bound parameters per statement: insert in slices.
      for (let j = 0; j < values.length; j += 500)
        await tx.db
          .insertInto('directory_entries')
          .values(values.slice(j, j + 500))
          .execute();
      await indexEntries(tx, ids);
    });
  }
  return { surnames, addresses, organisationIds };
}
