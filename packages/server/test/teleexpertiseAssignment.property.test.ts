import type { SubmittedMessage } from '@liaison/core/api/mail';
import type { Availability, WeeklySlot } from '@liaison/core/api/teleexpertise';
import { generateEncryptionKeyPair, type WebCryptoKeyPair } from '@liaison/core/crypto/index';
import { isFinal, OPEN_ASSIGNED_STATUSES, type TaskStatus } from '@liaison/core/teleexpertise/task';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onDuty } from '../src/teleexpertise/availability.ts';
import { testBackends } from './support/databases.ts';
import { sealFor as sealLetter, type MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';
import {
  ALWAYS,
  asService,
  FORM,
  makeService,
  professionals,
  sealFor,
  type ServiceFixture,
} from './support/teleexpertise.ts';

/**
 * The assignment rules against the real service and database, under random experts (weekly slots,
 * absences, capacities), arrivals, clock moves, declines, completions and ticks. After every step:
 * nobody was handed a request while off duty, at capacity or after declining it; no request is lost
 * or held by two experts; and after a tick nothing waits in the queue while someone could take it.
 */

const HOUR = 3_600_000;

type Step =
  | { op: 'arrive' }
  | { op: 'advance'; minutes: number }
  | { op: 'tick' }
  | { op: 'accept'; pick: number }
  | { op: 'decline'; pick: number }
  | { op: 'complete'; pick: number };

interface Scenario {
  availabilities: Availability[];
  slaHours: number;
  acceptTimeoutHours: number;
  steps: Step[];
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const slot: fc.Arbitrary<WeeklySlot> = fc
  .record({
    weekday: fc.integer({ min: 1, max: 7 }),
    start: fc.integer({ min: 0, max: 23 * 4 }).map((q) => q * 15),
    length: fc.integer({ min: 1, max: 10 * 4 }).map((q) => q * 15),
  })
  .map(({ weekday, start, length }) => ({
    weekday,
    start: hhmm(start),
    end: hhmm(Math.min(24 * 60, start + length)),
  }));

function availability(origin: number): fc.Arbitrary<Availability> {
  const absence = fc
    .record({ from: fc.integer({ min: -24, max: 96 }), hours: fc.integer({ min: 1, max: 48 }) })
    .map(({ from, hours }) => ({
      from: new Date(origin + from * HOUR).toISOString(),
      to: new Date(origin + (from + hours) * HOUR).toISOString(),
    }));
  return fc.record({
    capacity: fc.integer({ min: 0, max: 3 }),
    // Often on duty all week, so that requests do get assigned and declined.
    slots: fc.oneof(fc.constant(ALWAYS), fc.array(slot, { maxLength: 4 })),
    absences: fc.array(absence, { maxLength: 2 }),
  });
}

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ op: 'arrive' as const }) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 1, max: 600 }).map((minutes) => ({ op: 'advance' as const, minutes })),
  },
  { weight: 2, arbitrary: fc.constant({ op: 'tick' as const }) },
  { weight: 1, arbitrary: fc.nat(20).map((pick) => ({ op: 'accept' as const, pick })) },
  { weight: 2, arbitrary: fc.nat(20).map((pick) => ({ op: 'decline' as const, pick })) },
  { weight: 2, arbitrary: fc.nat(20).map((pick) => ({ op: 'complete' as const, pick })) },
);

for (const backend of testBackends()) {
  const numRuns = backend.name === 'sqlite' ? 20 : 6;
  describe(`tele-expertise assignment properties on ${backend.name}`, () => {
    let t: PkiInstance;
    let pool: MailUser[];
    let requester: MailUser;
    let keys: WebCryptoKeyPair;
    let origin: number;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      const people = await professionals(t, ['Anne', 'Bruno', 'Chloé', 'Denis', 'Rémi']);
      pool = people.slice(0, 4);
      requester = people[4];
      keys = await generateEncryptionKeyPair();
      origin = t.clock.now().getTime();
    });
    afterAll(async () => {
      await t.close();
    });

    /** A service for one run, its availabilities saved, and a real answer letter to reuse. */
    async function setUp(scenario: Scenario) {
      // Every run starts at the same instant (sessions stay valid); earlier runs left nothing open.
      t.clock.set(new Date(origin));
      const experts = pool.slice(0, scenario.availabilities.length);
      const service = await makeService(t, experts, {
        slaHours: scenario.slaHours,
        acceptTimeoutHours: scenario.acceptTimeoutHours,
        keys,
      });
      for (const [i, expert] of experts.entries()) {
        await t.ctx.teleexpertise.setAvailability(expert.userId, scenario.availabilities[i]!);
      }
      const letter = await experts[0]!.client.post<SubmittedMessage>(
        '/api/mail/messages',
        await sealLetter(asService(experts[0]!, service), { to: [requester] }),
      );
      if (letter.status !== 201) throw new Error(`letter refused: ${letter.text}`);
      return { experts, service, envelope: await sealFor(service, requester), letterId: letter.body.id };
    }

    async function requestsOf(service: ServiceFixture) {
      return t.ctx.db.read
        .selectFrom('te_requests')
        .select(['id', 'status', 'assignee_user_id'])
        .where('service_id', '=', service.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    }

    async function apply(run: Awaited<ReturnType<typeof setUp>>, s: Step, created: string[]): Promise<void> {
      const te = t.ctx.teleexpertise;
      const pick = async (statuses: readonly TaskStatus[], index: number) => {
        const open = (await requestsOf(run.service)).filter((r) => statuses.includes(r.status));
        return open.length === 0 ? undefined : open[index % open.length];
      };
      switch (s.op) {
        case 'arrive': {
          const id = crypto.randomUUID();
          await te.create(requester.userId, {
            id,
            serviceId: run.service.id,
            form: FORM,
            envelope: run.envelope,
          });
          created.push(id);
          return;
        }
        case 'advance':
          t.clock.advance(s.minutes * 60_000);
          return;
        case 'tick':
          await te.tick();
          return;
        case 'accept': {
          const r = await pick(['received'], s.pick);
          if (r?.assignee_user_id) await te.act(r.assignee_user_id, r.id, 'accept');
          return;
        }
        case 'decline': {
          const r = await pick(['received', 'accepted'], s.pick);
          if (r?.assignee_user_id) await te.act(r.assignee_user_id, r.id, 'decline');
          return;
        }
        case 'complete': {
          const r = await pick(['received', 'accepted', 'in-progress'], s.pick);
          if (!r?.assignee_user_id) return;
          if (r.status === 'received') await te.act(r.assignee_user_id, r.id, 'accept');
          await te.answer(r.assignee_user_id, r.id, {
            letterMessageId: run.letterId,
            envelope: run.envelope,
          });
          return;
        }
      }
    }

    /** The invariants, read back from the database after a step. */
    async function check(
      run: Awaited<ReturnType<typeof setUp>>,
      scenario: Scenario,
      created: readonly string[],
      afterTick: boolean,
    ): Promise<void> {
      const availabilityOf = new Map(run.experts.map((e, i) => [e.userId, scenario.availabilities[i]!]));
      const requests = await requestsOf(run.service);
      // No request lost, none doubled.
      expect(requests.map((r) => r.id).sort()).toEqual([...created].sort());
      const events = await t.ctx.db.read
        .selectFrom('te_events')
        .innerJoin('te_requests', 'te_requests.id', 'te_events.request_id')
        .select([
          'te_events.request_id',
          'te_events.seq',
          'te_events.kind',
          'te_events.expert_user_id',
          'te_events.at',
        ])
        .where('te_requests.service_id', '=', run.service.id)
        .orderBy('te_events.request_id')
        .orderBy('te_events.seq')
        .execute();
      for (const request of requests) {
        let holder: string | null = null;
        const declined = new Set<string>();
        for (const e of events.filter((x) => x.request_id === request.id)) {
          if (e.kind === 'assigned') {
            const expert = e.expert_user_id!;
            // One assignee at a time, never someone who declined, only someone on duty then.
            expect(holder).toBeNull();
            expect(declined.has(expert)).toBe(false);
            expect(onDuty(availabilityOf.get(expert)!, new Date(e.at))).toBe(true);
            holder = expert;
          } else if (e.kind === 'declined' || e.kind === 'skipped') {
            expect(e.expert_user_id).toBe(holder);
            if (e.kind === 'declined') declined.add(e.expert_user_id!);
            holder = null;
          }
        }
        const open = OPEN_ASSIGNED_STATUSES.includes(request.status);
        if (open) expect(request.assignee_user_id).not.toBeNull();
        if (open) expect(request.assignee_user_id).toBe(holder);
        if (request.status === 'requested') expect(request.assignee_user_id).toBeNull();
      }
      // Never over capacity (capacities do not change during a run, so an assignment at capacity shows).
      const openBy = new Map<string, number>();
      for (const r of requests) {
        if (OPEN_ASSIGNED_STATUSES.includes(r.status) && r.assignee_user_id) {
          openBy.set(r.assignee_user_id, (openBy.get(r.assignee_user_id) ?? 0) + 1);
        }
      }
      for (const [userId, n] of openBy) expect(n).toBeLessThanOrEqual(availabilityOf.get(userId)!.capacity);
      if (!afterTick) return;
      // After a tick, nothing waits while an expert who may take it is on duty and under capacity.
      const now = t.clock.now();
      const marks = await t.ctx.db.read.selectFrom('te_declines').select(['request_id', 'user_id']).execute();
      for (const r of requests.filter((x) => x.status === 'requested')) {
        const eligible = run.experts.filter(
          (e) =>
            onDuty(availabilityOf.get(e.userId)!, now) &&
            (openBy.get(e.userId) ?? 0) < availabilityOf.get(e.userId)!.capacity &&
            !marks.some((m) => m.request_id === r.id && m.user_id === e.userId),
        );
        expect(eligible.map((e) => e.userId)).toEqual([]);
      }
    }

    /** Nothing stays open for the next run (capacity is counted across services). */
    async function tearDown(service: ServiceFixture): Promise<void> {
      for (const r of await requestsOf(service)) {
        if (!isFinal(r.status)) await t.ctx.teleexpertise.act(requester.userId, r.id, 'cancel');
      }
    }

    it('never assigns off duty, over capacity, twice or back to a decliner, and loses nothing', async () => {
      const scenario: fc.Arbitrary<Scenario> = fc.record({
        availabilities: fc.array(availability(Date.now()), { minLength: 2, maxLength: 4 }),
        slaHours: fc.integer({ min: 2, max: 48 }),
        acceptTimeoutHours: fc.integer({ min: 1, max: 6 }),
        steps: fc.array(step, { minLength: 5, maxLength: 25 }),
      });
      await fc.assert(
        fc.asyncProperty(scenario, async (sc) => {
          // Absences were drawn around the wall clock; move them to the instance's instant.
          const shift = origin - Date.now();
          const shifted = sc.availabilities.map((a) => ({
            ...a,
            absences: a.absences.map((x) => ({
              from: new Date(Date.parse(x.from) + shift).toISOString(),
              to: new Date(Date.parse(x.to) + shift).toISOString(),
            })),
          }));
          const fixed = { ...sc, availabilities: shifted };
          const run = await setUp(fixed);
          const created: string[] = [];
          try {
            for (const s of sc.steps) {
              await apply(run, s, created);
              await check(run, fixed, created, s.op === 'tick');
            }
          } finally {
            await tearDown(run.service);
          }
        }),
        { numRuns },
      );
    }, 240_000);

    it('shares requests evenly when everyone is always on duty, under capacity and never declines', async () => {
      const scenario = fc.record({
        experts: fc.integer({ min: 2, max: 4 }),
        steps: fc.array(
          fc.oneof(
            { weight: 4, arbitrary: fc.constant<Step>({ op: 'arrive' }) },
            {
              weight: 1,
              arbitrary: fc
                .integer({ min: 1, max: 120 })
                .map((minutes): Step => ({ op: 'advance', minutes })),
            },
            { weight: 1, arbitrary: fc.constant<Step>({ op: 'tick' }) },
            { weight: 2, arbitrary: fc.nat(20).map((pick): Step => ({ op: 'complete', pick })) },
          ),
          { minLength: 5, maxLength: 25 },
        ),
      });
      await fc.assert(
        fc.asyncProperty(scenario, async ({ experts, steps }) => {
          const sc: Scenario = {
            availabilities: Array.from({ length: experts }, () => ({
              capacity: 100,
              slots: ALWAYS,
              absences: [],
            })),
            // The longest deadline the contract allows: its milliseconds need a bigint on PostgreSQL.
            slaHours: 720,
            acceptTimeoutHours: 168,
            steps,
          };
          const run = await setUp(sc);
          const created: string[] = [];
          try {
            for (const s of steps) {
              await apply(run, s, created);
              await check(run, sc, created, s.op === 'tick');
              const assigned = await t.ctx.db.read
                .selectFrom('te_events')
                .innerJoin('te_requests', 'te_requests.id', 'te_events.request_id')
                .select('te_events.expert_user_id')
                .where('te_requests.service_id', '=', run.service.id)
                .where('te_events.kind', '=', 'assigned')
                .execute();
              const counts = run.experts.map(
                (e) => assigned.filter((a) => a.expert_user_id === e.userId).length,
              );
              expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
            }
          } finally {
            await tearDown(run.service);
          }
        }),
        { numRuns },
      );
    }, 240_000);
  });
}
