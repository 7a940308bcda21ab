/**
 * People of the synthetic platform: hospital staff spread over establishments by size, nursing-home
 * and lab staff, then the city (physicians, pharmacists, nurses, midwives, a few others), some of
 * whom work in a practice or a pharmacy. Names come from core's synthetic lists, RPPS numbers are random
 * with valid keys and start with 99, so none is anybody's. Application accounts stand for a lab's
 * result robot and a large hospital's patient-record system.
 */
import { randomRpps } from '../../packages/core/src/synthetic/ids.ts';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from '../../packages/core/src/synthetic/names.ts';
import { pick, type Rng } from '../../packages/core/src/synthetic/rng.ts';
import { apportion, seededUuid } from './sample.ts';
import { joinDay, type Org, type Person, type PersonRole, type WorldOptions } from './world.ts';

const SEGMENTS = {
  hospital: 0.35,
  ehpad: 0.05,
  lab: 0.03,
  cityPhysician: 0.3,
  pharmacist: 0.1,
  cityNurse: 0.12,
  midwife: 0.04,
  other: 0.01,
} as const;
type Segment = keyof typeof SEGMENTS;

const SPECIALISTS = ['SM04', 'SM15', 'SM38', 'SM26', 'SM40', 'SM53', 'SM42'];
/** Hospital staff by profession; null is a medical secretary (no profession, works in service mailboxes). */
const HOSPITAL_MIX: ReadonlyArray<readonly [string | null, number]> = [
  ['10', 0.55],
  ['60', 0.28],
  ['50', 0.05],
  ['21', 0.04],
  [null, 0.08],
];
const SHARE_JOINED_BEFORE = 0.65;

function drawMix(rng: Rng, mix: ReadonlyArray<readonly [string | null, number]>): string | null {
  let r = rng();
  for (const [code, share] of mix) if ((r -= share) < 0) return code;
  return mix[mix.length - 1]![0];
}

/** `n` parts following `weights`, each at least `floor` (a hospital has more than a handful of staff). */
function spread(n: number, weights: readonly number[], floor: number): number[] {
  const reserved = Math.min(n, floor * weights.length);
  const base = Math.floor(reserved / Math.max(1, weights.length));
  return apportion(n - base * weights.length, weights).map((c) => c + base);
}

export function buildPeople(
  rng: Rng,
  orgs: readonly Org[],
  options: WorldOptions,
): { people: Person[]; technician: number } {
  const people: Person[] = [];
  const rppsTaken = new Set<string>();
  const add = (role: PersonRole, profession: string | null, org: number | null, createdDay?: number) => {
    const female = rng() < 0.6;
    let rpps: string | null = null;
    if (role === 'professional') {
      do rpps = randomRpps(rng);
      while (rppsTaken.has(rpps));
      rppsTaken.add(rpps);
    }
    const city = org === null || orgs[org]!.kind === 'practice';
    const specialty = profession === '10' ? (city && rng() < 0.6 ? 'SM54' : pick(rng, SPECIALISTS)) : null;
    const orgDay = org === null ? -Infinity : orgs[org]!.createdDay;
    people.push({
      id: seededUuid(rng),
      firstName:
        role === 'application' ? 'Application' : pick(rng, female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
      lastName: role === 'application' ? `${orgs[org!]!.name}` : pick(rng, SURNAMES),
      role,
      profession,
      specialty,
      rpps,
      org,
      createdDay: createdDay ?? Math.max(orgDay, joinDay(rng, options.days, SHARE_JOINED_BEFORE)),
      deviceId: seededUuid(rng),
    });
    return people.length - 1;
  };

  const counts = Object.fromEntries(
    apportion(options.users, Object.values(SEGMENTS)).map((c, i) => [Object.keys(SEGMENTS)[i], c]),
  ) as Record<Segment, number>;
  const byKind = (...kinds: Org['kind'][]) => orgs.flatMap((o, i) => (kinds.includes(o.kind) ? [i] : []));
  const establishments = byKind('hospital', 'clinic');
  const ehpads = byKind('ehpad');
  const labs = byKind('lab');
  const practices = byKind('practice');
  const pharmacies = byKind('pharmacy');

  // Staff grows slower than traffic: a large hospital also sends more per person (robots, services).
  spread(
    counts.hospital,
    establishments.map((i) => Math.pow(orgs[i]!.weight, 0.8)),
    4,
  ).forEach((n, k) => {
    for (let j = 0; j < n; j++) {
      const profession = drawMix(rng, HOSPITAL_MIX);
      add(profession === null ? 'secretary' : 'professional', profession, establishments[k]!);
    }
  });
  spread(
    counts.ehpad,
    ehpads.map((i) => orgs[i]!.beds ?? 1),
    1,
  ).forEach((n, k) => {
    for (let j = 0; j < n; j++) add('professional', rng() < 0.7 ? '60' : '10', ehpads[k]!);
  });
  spread(
    counts.lab,
    labs.map((i) => orgs[i]!.weight),
    1,
  ).forEach((n, k) => {
    for (let j = 0; j < n; j++) add('professional', rng() < 0.6 ? '10' : '21', labs[k]!);
  });
  const inCity = (n: number, profession: string, places: number[], share: number) => {
    for (let j = 0; j < n; j++)
      add('professional', profession, places.length > 0 && rng() < share ? pick(rng, places) : null);
  };
  inCity(counts.cityPhysician, '10', practices, 0.25);
  inCity(counts.pharmacist, '21', pharmacies, 0.3);
  inCity(counts.cityNurse, '60', practices, 0.1);
  inCity(counts.midwife, '50', practices, 0.1);
  for (let j = 0; j < counts.other; j++) add('professional', rng() < 0.5 ? '40' : '70', null);

  // Robots: every lab's result server and the ten largest hospitals' patient-record systems.
  for (const i of [...labs, ...establishments.slice(0, 10)]) add('application', null, i, orgs[i]!.createdDay);
  const technician = add('technician', null, null, -1095);
  return { people, technician };
}
