import type { TeleexpertiseFigures } from '@liaison/core/api/stats';
import type { TaskStatus } from '@liaison/core/teleexpertise/task';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR } from '../src/auth/actor.ts';
import { durations, nearestRank } from '../src/stats/teleexpertisePercentiles.ts';
import { Client, startInstance, staffUser, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { DERMATOLOGY_REF, hospital, insertRequest, sharedMailbox } from './support/teleexpertiseAdmin.ts';

/**
 * Tele-expertise delays in the statistics: te_requests rows with known durations written directly,
 * so the medians and 90th percentiles (nearest rank) are known exactly.
 */
const HOUR = 3600_000;
const FEBRUARY = 'from=2026-02-01&to=2026-02-28';
const URL = '/api/stats/teleexpertise';

type Refusal = { error: { code: string } };

const after = (start: string, hours: number) => new Date(Date.parse(start) + hours * HOUR).toISOString();

describe('nearest-rank percentiles', () => {
  it('takes the value at rank ⌈p·n⌉, an observed one', () => {
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(durations(ten)).toEqual({ count: 10, medianMs: 5, p90Ms: 9 });
    expect(durations([7])).toEqual({ count: 1, medianMs: 7, p90Ms: 7 });
    expect(durations([])).toEqual({ count: 0, medianMs: null, p90Ms: null });
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2); // lower middle for an even count
  });
});

for (const backend of testBackends()) {
  describe(`tele-expertise figures on ${backend.name}`, () => {
    let t: TestInstance;
    let platform: Client;
    let adminA: Client;
    let professional: Client;
    let orgA: string;
    let orgB: string;
    const services = { derm: '', cardio: '', ophtalmo: '' };
    const experts = { first: '', second: '', third: '' };

    async function person(firstName: string, lastName: string): Promise<string> {
      return t.ctx.users.create(CONSOLE_ACTOR, {
        email: `${firstName.toLowerCase()}@chu.test`,
        password: 'une phrase de passe solide',
        firstName,
        lastName,
        role: 'professional',
      });
    }

    async function service(organisationId: string, localPart: string, name: string): Promise<string> {
      const mailbox = await sharedMailbox(t, organisationId, localPart);
      const created = await t.ctx.teleexpertiseAdmin.createService(CONSOLE_ACTOR, {
        organisationId,
        mailboxId: mailbox.id,
        name,
        specialty: 'SM15',
        slaHours: 48,
        acceptTimeoutHours: 4,
        forms: [DERMATOLOGY_REF],
      });
      return created.id;
    }

    beforeAll(async () => {
      t = await startInstance(backend);
      platform = (await staffUser(t, 'platform_admin')).client;
      professional = (await staffUser(t, 'professional')).client;
      orgA = await hospital(t, 'CHU de Lille');
      orgB = await hospital(t, 'CH de Douai');
      adminA = (await staffUser(t, 'establishment_admin', orgA)).client;
      services.derm = await service(orgA, 'dermatologie', 'Dermatologie');
      services.cardio = await service(orgA, 'cardiologie', 'Cardiologie');
      services.ophtalmo = await service(orgB, 'ophtalmologie', 'Ophtalmologie');
      experts.first = await person('Agathe', 'Première');
      experts.second = await person('Bruno', 'Second');
      experts.third = await person('Chloé', 'Troisième');
      const requester = await person('Rémi', 'Requérant');
      const requesterMailbox = (await sharedMailbox(t, orgB, 'secretariat')).id;

      const add = (
        serviceId: string,
        createdAt: string,
        status: TaskStatus,
        assignee: string | null,
        acceptHours: number | null,
        answerHours: number | null,
      ) =>
        insertRequest(t, {
          serviceId,
          requesterUserId: requester,
          requesterMailboxId: requesterMailbox,
          status,
          createdAt,
          assigneeUserId: assignee,
          firstAcceptedAt: acceptHours === null ? null : after(createdAt, acceptHours),
          answeredAt: answerHours === null ? null : after(createdAt, answerHours),
        });

      // Dermatology, first expert: five answered; the first one on the period's very first instant.
      const answered: Array<[string, number, number]> = [
        ['2026-02-01T00:00:00.000Z', 1, 10],
        ['2026-02-03T10:00:00.000Z', 2, 20],
        ['2026-02-10T10:00:00.000Z', 3, 30],
        ['2026-02-17T10:00:00.000Z', 4, 40],
        ['2026-02-28T23:59:59.000Z', 10, 100],
      ];
      for (const [at, accept, answer] of answered) {
        await add(services.derm, at, 'completed', experts.first, accept, answer);
      }
      // Second expert: two accepted, not answered yet.
      await add(services.derm, '2026-02-05T08:00:00.000Z', 'accepted', experts.second, 6, null);
      await add(services.derm, '2026-02-06T08:00:00.000Z', 'in-progress', experts.second, 8, null);
      // Queued, rejected by everyone, cancelled by the requester: none accepted.
      await add(services.derm, '2026-02-07T08:00:00.000Z', 'requested', null, null, null);
      await add(services.derm, '2026-02-08T08:00:00.000Z', 'rejected', null, null, null);
      await add(services.derm, '2026-02-09T08:00:00.000Z', 'cancelled', null, null, null);
      // Just outside the period on both sides: not counted.
      await add(services.derm, '2026-01-31T23:59:59.999Z', 'completed', experts.first, 500, 900);
      await add(services.derm, '2026-03-01T00:00:00.000Z', 'completed', experts.first, 500, 900);
      // Another establishment's service.
      await add(services.ophtalmo, '2026-02-12T08:00:00.000Z', 'completed', experts.third, 2, 12);
    });
    afterAll(() => t.close());

    it('gives a platform admin every service, with exact medians and 90th percentiles', async () => {
      const answer = await platform.get<TeleexpertiseFigures>(`${URL}?${FEBRUARY}`);
      expect(answer.status).toBe(200);
      const figures = answer.body;
      expect(figures.scope).toEqual({ kind: 'platform' });
      expect(figures.period).toEqual({ from: '2026-02-01', to: '2026-02-28', days: 28 });
      expect(figures.services.map((s) => s.name)).toEqual(['Ophtalmologie', 'Cardiologie', 'Dermatologie']);

      const derm = figures.services.find((s) => s.id === services.derm)!;
      expect(derm.counts).toEqual({
        requests: 10,
        accepted: 7,
        completed: 5,
        rejected: 1,
        cancelled: 1,
        open: 3,
      });
      // Acceptance: 1 2 3 4 6 8 10 h → rank 4 of 7 is 4 h, rank 7 is 10 h.
      expect(derm.toAcceptance).toEqual({ count: 7, medianMs: 4 * HOUR, p90Ms: 10 * HOUR });
      // Answers: 10 20 30 40 100 h → rank 3 of 5 is 30 h, rank 5 is 100 h.
      expect(derm.toAnswer).toEqual({ count: 5, medianMs: 30 * HOUR, p90Ms: 100 * HOUR });

      const cardio = figures.services.find((s) => s.id === services.cardio)!;
      expect(cardio.counts.requests).toBe(0);
      expect(cardio.toAnswer).toEqual({ count: 0, medianMs: null, p90Ms: null });

      expect(figures.experts).toEqual([
        {
          userId: experts.first,
          displayName: 'Agathe Première',
          serviceId: services.derm,
          serviceName: 'Dermatologie',
          accepted: 5,
          completed: 5,
          toAcceptance: { count: 5, medianMs: 3 * HOUR, p90Ms: 10 * HOUR },
          toAnswer: { count: 5, medianMs: 30 * HOUR, p90Ms: 100 * HOUR },
        },
        {
          userId: experts.second,
          displayName: 'Bruno Second',
          serviceId: services.derm,
          serviceName: 'Dermatologie',
          accepted: 2,
          completed: 0,
          toAcceptance: { count: 2, medianMs: 6 * HOUR, p90Ms: 8 * HOUR },
          toAnswer: { count: 0, medianMs: null, p90Ms: null },
        },
        expect.objectContaining({ userId: experts.third, serviceName: 'Ophtalmologie', completed: 1 }),
      ]);
    });

    it("gives an establishment admin their establishment's services only", async () => {
      const answer = await adminA.get<TeleexpertiseFigures>(`${URL}?${FEBRUARY}&establishment=${orgA}`);
      expect(answer.status).toBe(200);
      expect(answer.body.scope).toMatchObject({ kind: 'establishment', id: orgA, name: 'CHU de Lille' });
      expect(answer.body.services.map((s) => s.id).sort()).toEqual([services.derm, services.cardio].sort());
      expect(answer.body.experts.map((e) => e.userId)).toEqual([experts.first, experts.second]);
    });

    it('refuses other establishments, the whole platform to non-platform admins, and bad periods', async () => {
      const refusals: Array<[Client, string, string]> = [
        [adminA, `${FEBRUARY}&establishment=${orgB}`, 'OUTSIDE_ESTABLISHMENT'],
        [adminA, `${FEBRUARY}&establishment=${crypto.randomUUID()}`, 'OUTSIDE_ESTABLISHMENT'],
        [adminA, FEBRUARY, 'FORBIDDEN'],
        [professional, `${FEBRUARY}&establishment=${orgA}`, 'FORBIDDEN'],
        [platform, `${FEBRUARY}&establishment=${crypto.randomUUID()}`, 'ORGANISATION_NOT_FOUND'],
        [platform, 'from=2026-02-10&to=2026-02-01', 'STATS_PERIOD_INVALID'],
        [platform, 'from=2026-02-01&to=2026-02-30', 'STATS_PERIOD_INVALID'],
        [platform, 'from=2023-01-01&to=2026-01-01', 'STATS_PERIOD_TOO_LONG'],
      ];
      for (const [client, query, code] of refusals) {
        const answer = await client.get<Refusal>(`${URL}?${query}`);
        expect(answer.body.error?.code, query).toBe(code);
      }
      expect((await new Client(t.app).get(`${URL}?${FEBRUARY}`)).status).toBe(401);
      const malformed = await platform.get<Refusal>(`${URL}?from=février&to=2026-02-28`);
      expect(malformed.status).toBe(400);
    });
  });
}
