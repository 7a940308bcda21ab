import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from './support/databases.ts';
import type { MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';
import {
  act,
  ALWAYS,
  auditActions,
  createRequest,
  makeService,
  pass,
  professionals,
  REQUESTS,
  sealFor,
  setAvailability,
  type Detail,
} from './support/teleexpertise.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

for (const backend of testBackends()) {
  describe(`tele-expertise deadlines on ${backend.name}`, () => {
    let t: PkiInstance;
    let anne: MailUser;
    let bruno: MailUser;
    let chloe: MailUser;
    let requester: MailUser;
    const everyone = () => [anne, bruno, chloe, requester];
    const detail = async (id: string) => (await requester.client.get<Detail>(`${REQUESTS}/${id}`)).body;
    const tick = () => t.ctx.teleexpertise.tick();

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      [anne, bruno, chloe, requester] = await professionals(t, ['Anne', 'Bruno', 'Chloé', 'Rémi']);
      for (const expert of [anne, bruno, chloe]) {
        await setAvailability(expert, { capacity: 20, slots: ALWAYS, absences: [] });
      }
    });
    // Web sessions last 12 hours: each test starts again from the same instant, so together they never
    // outlive them (sessions seen "later" stay valid; every request of a test lives in its own service).
    let start: Date;
    beforeAll(() => {
      start = t.clock.now();
    });
    beforeEach(() => {
      t.clock.set(start);
    });
    afterAll(async () => {
      await t.close();
    });

    it('skips an expert who does not accept in time, goes round again, and rejects only on declines', async () => {
      const service = await makeService(t, [anne, bruno], { acceptTimeoutHours: 2 });
      const { id, assigneeUserId } = (await createRequest(service, requester)).body;
      expect(assigneeUserId).toBe(anne.userId);
      await pass(t, everyone(), 2 * HOUR - MINUTE);
      await tick();
      expect((await detail(id)).assigneeUserId).toBe(anne.userId);

      await pass(t, everyone(), MINUTE);
      await tick();
      let now = await detail(id);
      expect(now.status).toBe('received');
      expect(now.assigneeUserId).toBe(bruno.userId);
      expect(now.timeline.slice(-2).map((e) => [e.kind, e.expertUserId, e.actorUserId])).toEqual([
        ['skipped', anne.userId, null],
        ['assigned', bruno.userId, null],
      ]);

      // Bruno does not accept either: everyone has been skipped, so the round starts again.
      await pass(t, everyone(), 2 * HOUR);
      await tick();
      now = await detail(id);
      expect(now.assigneeUserId).toBe(anne.userId);
      expect(now.timeline.slice(-2).map((e) => [e.kind, e.expertUserId])).toEqual([
        ['skipped', bruno.userId],
        ['assigned', anne.userId],
      ]);

      // Anne declines: only Bruno is left, skipped or not, until he declines too.
      expect((await act(anne.client, id, 'decline')).body.assigneeUserId).toBe(bruno.userId);
      await pass(t, everyone(), 2 * HOUR);
      await tick();
      now = await detail(id);
      expect(now.status).toBe('received');
      expect(now.assigneeUserId).toBe(bruno.userId);
      const rejected = await act(bruno.client, id, 'decline');
      expect(rejected.body.status).toBe('rejected');
      expect(await auditActions(t, id)).toContain('teleexpertise.skipped');
    });

    it('reminds the assignee once at 75 % of the deadline', async () => {
      const service = await makeService(t, [chloe], { slaHours: 8, acceptTimeoutHours: 168 });
      const { id } = (await createRequest(service, requester)).body;
      await act(chloe.client, id, 'accept');
      await pass(t, everyone(), 6 * HOUR - 2 * MINUTE);
      await tick();
      expect((await detail(id)).timeline.map((e) => e.kind)).not.toContain('reminded');
      await pass(t, everyone(), 2 * MINUTE);
      await tick();
      await tick();
      const reminded = (await detail(id)).timeline.filter((e) => e.kind === 'reminded');
      expect(reminded).toHaveLength(1);
      expect(reminded[0]).toMatchObject({
        expertUserId: chloe.userId,
        actorUserId: null,
        status: 'accepted',
      });
      expect(await auditActions(t, id)).toContain('teleexpertise.reminded');
      await act(requester.client, id, 'cancel');
    });

    it('does not remind while on hold, and counts from the deadline pushed back', async () => {
      const service = await makeService(t, [chloe], { slaHours: 8, acceptTimeoutHours: 168 });
      const created = (await createRequest(service, requester)).body;
      await act(chloe.client, created.id, 'accept');
      await act(chloe.client, created.id, 'ask', { envelope: await sealFor(service, requester) });
      await pass(t, everyone(), 3 * HOUR);
      await tick();
      expect((await detail(created.id)).timeline.map((e) => e.kind)).not.toContain('reminded');
      const resumed = await act(requester.client, created.id, 'provide', {
        envelope: await sealFor(service, requester),
      });
      expect(Date.parse(resumed.body.dueAt) - Date.parse(created.dueAt)).toBe(3 * HOUR);
      await pass(t, everyone(), 6 * HOUR - 2 * MINUTE);
      await tick();
      expect((await detail(created.id)).timeline.map((e) => e.kind)).not.toContain('reminded');
      await pass(t, everyone(), 2 * MINUTE);
      await tick();
      expect((await detail(created.id)).timeline.map((e) => e.kind).slice(-1)).toEqual(['reminded']);
      await act(requester.client, created.id, 'cancel');
    });
  });
}
