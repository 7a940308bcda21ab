import type { Database } from '../../src/db/index.ts';
import { recordExchanged } from '../../src/stats/record.ts';

/**
 * A small, fixed platform for the statistics suites, loaded with direct inserts, every counted message
 * then recorded with `recordExchanged` in the order and transaction shape submission and release use.
 *
 * Periods used by the tests: previous 2026-01-04..2026-01-31 and current 2026-02-01..2026-02-28 (28
 * days each). Keys are readable names; `ids` maps them to the UUIDs the API wants.
 */

type OrgKey =
  'alpha' | 'beta' | 'gamma' | 'delta' | 'epsilon' | 'zeta' | 'eta' | 'lab' | 'pharmacy' | 'practice';

export const ORGANISATIONS: Record<OrgKey, { kind: string; name: string; beds?: number; createdAt: string }> =
  {
    alpha: { kind: 'hospital', name: 'Alpha Hospital', createdAt: '2024-01-01T00:00:00.000Z' },
    beta: { kind: 'hospital', name: 'Beta Hospital', createdAt: '2024-01-01T00:00:00.000Z' },
    gamma: { kind: 'clinic', name: 'Gamma Clinic', createdAt: '2024-01-01T00:00:00.000Z' },
    // EHPAD: on the platform before both periods (80 beds), on the last instant of the current period
    // (120 beds), during the previous period without a bed count, and just after the current period.
    delta: { kind: 'ehpad', name: 'Delta EHPAD', beds: 80, createdAt: '2025-06-01T10:00:00.000Z' },
    epsilon: { kind: 'ehpad', name: 'Epsilon EHPAD', beds: 120, createdAt: '2026-02-28T23:59:59.000Z' },
    zeta: { kind: 'ehpad', name: 'Zeta EHPAD', createdAt: '2026-01-15T00:00:00.000Z' },
    eta: { kind: 'ehpad', name: 'Eta EHPAD', beds: 50, createdAt: '2026-03-01T00:00:00.000Z' },
    lab: { kind: 'lab', name: 'Lab Biologie', createdAt: '2024-01-01T00:00:00.000Z' },
    pharmacy: { kind: 'pharmacy', name: 'Pharmacie du Centre', createdAt: '2024-01-01T00:00:00.000Z' },
    practice: { kind: 'practice', name: 'Cabinet du Parc', createdAt: '2024-01-01T00:00:00.000Z' },
  };

type PersonKey =
  | 'hdoc1'
  | 'hdoc2'
  | 'hsec'
  | 'bdoc'
  | 'bidle'
  | 'cdoc'
  | 'enurse'
  | 'biologist'
  | 'pharmacist'
  | 'gp'
  | 'midwife'
  | 'freePharmacist'
  | 'nurse';

/** TRE_G15 professions: 10 physician, 21 pharmacist, 50 midwife, 60 nurse. */
export const PEOPLE: Record<PersonKey, { profession: string | null; organisation: OrgKey | null }> = {
  hdoc1: { profession: '10', organisation: 'alpha' },
  hdoc2: { profession: '10', organisation: 'alpha' },
  hsec: { profession: null, organisation: 'alpha' },
  bdoc: { profession: '10', organisation: 'beta' },
  bidle: { profession: '10', organisation: 'beta' }, // never writes nor receives
  cdoc: { profession: '10', organisation: 'gamma' },
  enurse: { profession: '60', organisation: 'delta' },
  biologist: { profession: '21', organisation: 'lab' }, // a pharmacist-biologist counts as lab
  pharmacist: { profession: '21', organisation: 'pharmacy' },
  gp: { profession: '10', organisation: 'practice' },
  midwife: { profession: '50', organisation: null },
  freePharmacist: { profession: '21', organisation: null },
  nurse: { profession: '60', organisation: null }, // no organisation, not a listed profession: other
};

type MailboxKey = PersonKey | 'alphaCardio';

/** One personal mailbox per person, in their organisation; plus Alpha's cardiology service (ORG). */
export const MAILBOXES: Record<
  MailboxKey,
  { kind: 'PER' | 'ORG'; organisation: OrgKey | null; members: PersonKey[] }
> = {
  ...(Object.fromEntries(
    Object.entries(PEOPLE).map(([key, p]) => [
      key,
      { kind: 'PER', organisation: p.organisation, members: [key as PersonKey] },
    ]),
  ) as Record<PersonKey, { kind: 'PER'; organisation: OrgKey | null; members: PersonKey[] }>),
  alphaCardio: { kind: 'ORG', organisation: 'alpha', members: ['hdoc1', 'hsec'] },
};

export interface FixtureMessage {
  key: string;
  sender: PersonKey;
  via: MailboxKey;
  to: MailboxKey[];
  submittedAt: string;
  /** A bulk-mail hold: its state at the end, and when it was decided (released or rejected). */
  hold?: { state: 'held' | 'released' | 'rejected'; decidedAt?: string };
}

export const MESSAGES: FixtureMessage[] = [
  // The day before the previous period, and the day after the current one: in neither.
  { key: 'X1', sender: 'hdoc1', via: 'hdoc1', to: ['gp'], submittedAt: '2026-01-03T23:59:59.000Z' },
  { key: 'X2', sender: 'hdoc1', via: 'hdoc1', to: ['gp'], submittedAt: '2026-03-01T00:00:00.000Z' },
  // Previous period.
  { key: 'P1', sender: 'hdoc1', via: 'hdoc1', to: ['gp'], submittedAt: '2026-01-05T09:00:00.000Z' },
  { key: 'P2', sender: 'gp', via: 'gp', to: ['hdoc1'], submittedAt: '2026-01-05T10:00:00.000Z' },
  { key: 'P3', sender: 'cdoc', via: 'cdoc', to: ['pharmacist'], submittedAt: '2026-01-20T09:00:00.000Z' },
  {
    key: 'P4',
    sender: 'bdoc',
    via: 'bdoc',
    to: ['gp', 'pharmacist', 'midwife'],
    submittedAt: '2026-01-25T09:00:00.000Z',
    hold: { state: 'released', decidedAt: '2026-02-02T08:00:00.000Z' },
  },
  {
    key: 'P5',
    sender: 'pharmacist',
    via: 'pharmacist',
    to: ['freePharmacist'],
    submittedAt: '2026-01-31T23:00:00.000Z',
  },
  // Current period.
  { key: 'M1', sender: 'hdoc1', via: 'hdoc1', to: ['gp'], submittedAt: '2026-02-02T09:00:00.000Z' },
  { key: 'M2', sender: 'gp', via: 'gp', to: ['alphaCardio'], submittedAt: '2026-02-02T10:00:00.000Z' },
  // Beta to Alpha, two recipients in Alpha.
  { key: 'M3', sender: 'bdoc', via: 'bdoc', to: ['hdoc1', 'hdoc2'], submittedAt: '2026-02-03T08:00:00.000Z' },
  { key: 'M4', sender: 'cdoc', via: 'cdoc', to: ['bdoc'], submittedAt: '2026-02-05T14:00:00.000Z' },
  {
    key: 'M5',
    sender: 'enurse',
    via: 'enurse',
    to: ['pharmacist', 'midwife'],
    submittedAt: '2026-02-05T15:00:00.000Z',
  },
  {
    key: 'M6',
    sender: 'biologist',
    via: 'biologist',
    to: ['hdoc2', 'freePharmacist'],
    submittedAt: '2026-02-09T11:00:00.000Z',
  },
  {
    key: 'M7',
    sender: 'hdoc1',
    via: 'hdoc1',
    to: ['enurse', 'pharmacist', 'biologist'],
    submittedAt: '2026-02-10T09:00:00.000Z',
    hold: { state: 'held' },
  },
  {
    key: 'M8',
    sender: 'gp',
    via: 'gp',
    to: ['midwife', 'freePharmacist', 'nurse'],
    submittedAt: '2026-02-11T09:00:00.000Z',
    hold: { state: 'rejected', decidedAt: '2026-02-11T12:00:00.000Z' },
  },
  {
    key: 'M9',
    sender: 'cdoc',
    via: 'cdoc',
    to: ['gp', 'pharmacist', 'nurse'],
    submittedAt: '2026-02-12T09:00:00.000Z',
    hold: { state: 'released', decidedAt: '2026-02-13T09:00:00.000Z' },
  },
  { key: 'M10', sender: 'hdoc2', via: 'hdoc2', to: ['bdoc'], submittedAt: '2026-02-12T16:00:00.000Z' },
  { key: 'M11', sender: 'midwife', via: 'midwife', to: ['hdoc1'], submittedAt: '2026-02-20T23:59:59.000Z' },
  { key: 'M13', sender: 'bdoc', via: 'bdoc', to: ['biologist'], submittedAt: '2026-02-25T08:00:00.000Z' },
  // Within Alpha: sent and received by it.
  { key: 'M12', sender: 'hsec', via: 'alphaCardio', to: ['hdoc1'], submittedAt: '2026-02-28T12:00:00.000Z' },
];

export interface StatsFixture {
  organisations: Record<OrgKey, string>;
  people: Record<PersonKey, string>;
  mailboxes: Record<MailboxKey, string>;
  messages: Record<string, string>;
}

function idsFor<K extends string>(keys: K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, crypto.randomUUID()])) as Record<K, string>;
}

const keysOf = <K extends string>(record: Record<K, unknown>) => Object.keys(record) as K[];

export async function loadStatsFixture(db: Database): Promise<StatsFixture> {
  const ids: StatsFixture = {
    organisations: idsFor(keysOf(ORGANISATIONS)),
    people: idsFor(keysOf(PEOPLE)),
    mailboxes: idsFor(keysOf(MAILBOXES)),
    messages: idsFor(MESSAGES.map((m) => m.key)),
  };
  const created = '2024-01-01T00:00:00.000Z';
  const address = (key: MailboxKey) => `${key.toLowerCase()}@stats.test`;
  await db.transaction(async (tx) => {
    await tx.db
      .insertInto('organisations')
      .values(
        keysOf(ORGANISATIONS).map((key) => {
          const o = ORGANISATIONS[key];
          return {
            id: ids.organisations[key],
            kind: o.kind,
            name: o.name,
            beds: o.beds ?? null,
            created_at: o.createdAt,
            updated_at: o.createdAt,
          };
        }),
      )
      .execute();
    for (const key of keysOf(PEOPLE)) {
      const p = PEOPLE[key];
      await tx.db
        .insertInto('users')
        .values({
          id: ids.people[key],
          email: `${key.toLowerCase()}@people.test`,
          first_name: key,
          last_name: 'Fixture',
          status: 'active',
          profession: p.profession,
          totp_enabled: 0,
          failed_logins: 0,
          created_at: created,
          updated_at: created,
        })
        .execute();
      await tx.db
        .insertInto('user_roles')
        .values({
          id: crypto.randomUUID(),
          user_id: ids.people[key],
          role: 'professional',
          organisation_id: p.organisation ? ids.organisations[p.organisation] : null,
        })
        .execute();
    }
    for (const key of keysOf(MAILBOXES)) {
      const m = MAILBOXES[key];
      await tx.db
        .insertInto('mailboxes')
        .values({
          id: ids.mailboxes[key],
          address: address(key),
          kind: m.kind,
          organisation_id: m.organisation ? ids.organisations[m.organisation] : null,
          accepts_attachments: 1,
          created_at: created,
        })
        .execute();
      await tx.db
        .insertInto('mailbox_members')
        .values(
          m.members.map((member, i) => ({
            mailbox_id: ids.mailboxes[key],
            user_id: ids.people[member],
            access: i === 0 ? ('owner' as const) : ('delegate' as const),
            created_at: created,
          })),
        )
        .execute();
    }
  });
  // One transaction per message, as a submission; a release later, in its own.
  for (const m of MESSAGES) {
    const id = ids.messages[m.key]!;
    await db.transaction(async (tx) => {
      await tx.db
        .insertInto('mail_messages')
        .values({
          id,
          sender_mailbox_id: ids.mailboxes[m.via],
          sender_user_id: ids.people[m.sender],
          sender_device_id: null,
          from_address: address(m.via),
          category: 'patient',
          body_bytes: 100,
          summary_bytes: 10,
          attachment_count: 0,
          attachment_bytes: 0,
          recipient_count: m.to.length,
          patients: 1,
          fingerprint: id,
          submitted_at: m.submittedAt,
        })
        .execute();
      await tx.db
        .insertInto('mail_recipients')
        .values(
          m.to.map((to, position) => ({
            message_id: id,
            mailbox_id: ids.mailboxes[to],
            address: address(to),
            field: 'to' as const,
            position,
          })),
        )
        .execute();
      if (!m.hold) return recordExchanged(tx, id);
      await tx.db
        .insertInto('mail_holds')
        .values({
          message_id: id,
          sender_mailbox_id: ids.mailboxes[m.via],
          state: 'held',
          rule: 'message_recipients',
          trips: '[]',
          held_at: m.submittedAt,
        })
        .execute();
    });
    const hold = m.hold;
    if (hold && hold.state !== 'held') {
      await db.transaction(async (tx) => {
        await tx.db
          .updateTable('mail_holds')
          .set({ state: hold.state, decided_at: hold.decidedAt ?? null })
          .where('message_id', '=', id)
          .execute();
        if (hold.state === 'released') await recordExchanged(tx, id);
      });
    }
  }
  return ids;
}
