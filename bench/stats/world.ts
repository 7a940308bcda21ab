/**
 * The synthetic population behind a year of messages: establishments, the people who work in them or
 * in the city, and their mailboxes. Pure data from the seed; rows.ts turns it into table rows.
 *
 * Days are numbered from the first day of the generated year (day 0) to its last (days - 1); anything
 * with a negative day was on the platform before the year started. People and establishments joining
 * during the year is what makes the platform grow.
 */
import type { OrganisationKind } from '../../packages/core/src/api/common.ts';
import type { Rng } from '../../packages/core/src/synthetic/rng.ts';
import { buildMailboxes } from './mailboxes.ts';
import { buildOrganisations } from './organisations.ts';
import { buildPeople } from './people.ts';

/** Where a mailbox sits in the flows: establishments, nursing homes, labs, everyone else in the city. */
export type Side = 'hospital' | 'ehpad' | 'lab' | 'city';

export interface Org {
  id: string;
  kind: OrganisationKind;
  name: string;
  finess: string | null;
  beds: number | null;
  createdDay: number;
  /** Relative traffic of the establishment (a few large hospitals dominate). */
  weight: number;
}

export type PersonRole = 'professional' | 'secretary' | 'application' | 'technician';

export interface Person {
  id: string;
  firstName: string;
  lastName: string;
  role: PersonRole;
  /** TRE_G15 code: 10 physician, 21 pharmacist, 40 dentist, 50 midwife, 60 nurse, 70 physiotherapist. */
  profession: string | null;
  specialty: string | null;
  rpps: string | null;
  org: number | null;
  createdDay: number;
  deviceId: string;
}

export interface Mailbox {
  id: string;
  address: string;
  kind: 'PER' | 'ORG' | 'APP';
  org: number | null;
  side: Side;
  createdDay: number;
  /** Person indices; the first is the owner and was there from the mailbox's first day. */
  members: number[];
  /** Day each member joined (same order as members). */
  memberDays: number[];
  /** How much this mailbox sends and receives compared with its peers. */
  sendWeight: number;
  receiveWeight: number;
}

export interface World {
  orgs: Org[];
  people: Person[];
  mailboxes: Mailbox[];
  /** The technician who decides on held messages. */
  technician: number;
  domain: string;
}

export interface WorldOptions {
  users: number;
  organisations: number;
  /** Length of the generated period: joins are spread over it. */
  days: number;
}

export const MAIL_DOMAIN = 'bench.liaison.test';

export function sideOf(kind: OrganisationKind | undefined): Side {
  if (kind === 'hospital' || kind === 'clinic') return 'hospital';
  if (kind === 'ehpad') return 'ehpad';
  if (kind === 'lab') return 'lab';
  return 'city';
}

/** A day on which something joined: most before the year (up to three years back), some during it. */
export function joinDay(rng: Rng, days: number, shareBefore: number): number {
  if (rng() < shareBefore) return -1 - Math.floor(rng() * 1095);
  // In the year, but early enough that the newcomer still shows up in the figures.
  return Math.floor(rng() * days * 0.9);
}

export function buildWorld(rng: Rng, options: WorldOptions): World {
  const orgs = buildOrganisations(rng, options);
  const { people, technician } = buildPeople(rng, orgs, options);
  const mailboxes = buildMailboxes(rng, orgs, people);
  return { orgs, people, mailboxes, technician, domain: MAIL_DOMAIN };
}
