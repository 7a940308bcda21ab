/**
 * Establishments of the synthetic platform. The mix follows the brief of issue 7: about a quarter are
 * hospitals and clinics, with a Zipf-like skew so that a few university hospitals send most of the
 * establishment mail; about 40 % are nursing homes (EHPAD, 40 to 150 beds, the national average being
 * about 80); then labs, practices and pharmacies. Names are made from the synthetic surname list and
 * FINESS numbers are random with valid keys (core's synthetic/ids.ts).
 */
import type { OrganisationKind } from '../../packages/core/src/api/common.ts';
import { randomFiness } from '../../packages/core/src/synthetic/ids.ts';
import { SURNAMES } from '../../packages/core/src/synthetic/names.ts';
import { pick, type Rng } from '../../packages/core/src/synthetic/rng.ts';
import { activity, apportion, between, seededUuid } from './sample.ts';
import { joinDay, type Org, type WorldOptions } from './world.ts';

const MIX: ReadonlyArray<readonly [OrganisationKind, number, string]> = [
  ['hospital', 0.15, 'Centre hospitalier'],
  ['clinic', 0.1, 'Clinique'],
  ['ehpad', 0.42, 'EHPAD'],
  ['lab', 0.08, 'Laboratoire de biologie médicale'],
  ['practice', 0.15, 'Maison de santé'],
  ['pharmacy', 0.08, 'Pharmacie'],
  ['other', 0.02, 'Centre de santé'],
];

/** Relative traffic and beds of one establishment, by kind and by its rank among its kind. */
function sizeOf(rng: Rng, kind: OrganisationKind, rank: number): { weight: number; beds: number | null } {
  switch (kind) {
    case 'hospital': {
      // Rank 0 is a large university hospital; by rank 20 a local hospital sends a twentieth of it.
      const weight = 1 / Math.pow(rank + 1, 1.1);
      return { weight, beds: Math.round(150 + 2800 * weight * (0.8 + 0.4 * rng())) };
    }
    case 'clinic':
      return { weight: 0.04 * activity(rng, 0.5), beds: between(rng, 50, 300) };
    case 'ehpad':
      return { weight: 1, beds: between(rng, 40, 150) };
    case 'lab':
      return { weight: activity(rng, 0.8), beds: null };
    case 'practice':
    case 'pharmacy':
    case 'other':
      return { weight: 1, beds: null };
  }
}

export function buildOrganisations(rng: Rng, options: WorldOptions): Org[] {
  const counts = apportion(
    options.organisations,
    MIX.map(([, share]) => share),
  );
  const finessTaken = new Set<string>();
  const orgs: Org[] = [];
  MIX.forEach(([kind, , label], k) => {
    for (let rank = 0; rank < counts[k]!; rank++) {
      let finess: string | null = null;
      if (kind !== 'practice' && kind !== 'other') {
        do finess = randomFiness(rng);
        while (finessTaken.has(finess));
        finessTaken.add(finess);
      }
      const { weight, beds } = sizeOf(rng, kind, rank);
      orgs.push({
        id: seededUuid(rng),
        kind,
        name: `${label} ${pick(rng, SURNAMES)} ${rank + 1}`,
        finess,
        beds,
        // The ten largest hospitals were there from the start: they are why the others joined.
        createdDay: kind === 'hospital' && rank < 10 ? -1000 - rank : joinDay(rng, options.days, 0.7),
        weight,
      });
    }
  });
  return orgs;
}
