import { SubmitMessageRequest, type MailList } from '@liaison/core/api/mail';
import type { RuleTrip } from '@liaison/core/api/mailHold';
import type { SenderLimit } from '@liaison/core/api/usage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailService } from '../src/mail/service.ts';
import { MAIL_DOMAIN, staffUser, type Client } from './support/app.ts';
import { appMailbox, countRows, elapse, precheck, seal, send } from './support/bulk.ts';
import { testBackends } from './support/databases.ts';
import { box, mailUser, type MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';

/**
 * The bulk-mail rules (charter article 5) as senders meet them. Limits are lowered through the
 * configuration (3 recipients per message, 4 per hour) so that seven keyed people are enough.
 */
const MINUTE = 60_000;

function trip(
  rule: RuleTrip['rule'],
  limit: number,
  observed: number,
  source: RuleTrip['source'] = 'default',
) {
  return { rule, charterArticle: 5, limit, observed, source };
}

for (const backend of testBackends()) {
  describe(`bulk-mail rules on ${backend.name}`, () => {
    let t: PkiInstance;
    let technician: Client;
    let alice: MailUser, bob: MailUser, carol: MailUser, dan: MailUser;
    let erin: MailUser, fay: MailUser, gus: MailUser;
    let everyone: Client[];

    beforeAll(async () => {
      t = await startPkiInstance(backend, {
        env: { LIAISON_BULK_MESSAGE_RECIPIENTS: '3', LIAISON_BULK_HOURLY_RECIPIENTS: '4' },
      });
      technician = (await staffUser(t, 'technician')).client;
      alice = await mailUser(t, technician, 'Alice', 'Arnaud');
      bob = await mailUser(t, technician, 'Bob', 'Bernard');
      carol = await mailUser(t, technician, 'Carole', 'Caron');
      dan = await mailUser(t, technician, 'Daniel', 'Dupuis');
      erin = await mailUser(t, technician, 'Érine', 'Éluard');
      fay = await mailUser(t, technician, 'Fanny', 'Fabre');
      gus = await mailUser(t, technician, 'Gustave', 'Girard');
      everyone = [technician, ...[alice, bob, carol, dan, erin, fay, gus].map((u) => u.client)];
    });
    afterAll(async () => t.close());

    const info = (sender: MailUser, to: MailUser[], cc: MailUser[] = []) =>
      send(sender, { to, cc, category: 'information' });

    async function setLimit(address: string, limits: Partial<Record<keyof SenderLimit, unknown>>) {
      const answer = await technician.put<SenderLimit>(
        `/api/admin/sender-limits/${encodeURIComponent(address)}`,
        {
          messageRecipients: null,
          hourlyRecipients: null,
          hourlyExempt: null,
          ...limits,
        },
      );
      expect(answer.status).toBe(200);
      return answer.body;
    }

    it('holds a message over the per-message limit, To and Cc counted together; the limit itself passes', async () => {
      const atLimit = await send(alice, { to: [bob], cc: [carol, dan] });
      expect(atLimit.status).toBe(201);
      expect(atLimit.body.hold).toBeNull();

      const over = await send(alice, { to: [bob, carol], cc: [dan, erin] });
      expect(over.status).toBe(202);
      expect(over.body.hold).toEqual({
        state: 'held',
        trips: [trip('message_recipients', 3, 4)],
        heldAt: t.clock.now().toISOString(),
        decidedAt: null,
        reason: null,
      });
      const inbox = await erin.client.get<MailList>(`${box(erin.address)}?since=0`);
      expect(inbox.body.items.map((i) => i.id)).not.toContain(over.body.id);
    });

    it('counts an address once whatever its case or spaces, and refuses accents that name no mailbox', async () => {
      const twice = await seal(alice, { to: [bob], cc: [bob] });
      const refused = await alice.client.post('/api/mail/messages', {
        ...twice,
        to: [bob.address.toUpperCase()],
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: 'RECIPIENT_DUPLICATE' } });

      const sameThree = await precheck(alice, {
        to: [bob.address.toUpperCase(), carol.address, ` ${bob.address} `],
        cc: [dan.address, carol.address.toUpperCase()],
      });
      expect(sameThree.status).toBe(200);
      expect(sameThree.body.trips).toEqual([]);
      const four = await precheck(alice, {
        to: [bob.address.toUpperCase(), carol.address, dan.address, erin.address],
      });
      expect(four.body.trips).toEqual([trip('message_recipients', 3, 4)]);

      const accented = await seal(alice, { to: [bob] });
      const [local, domain] = bob.address.split('@');
      const answer = await alice.client.post('/api/mail/messages', {
        ...accented,
        to: [`${local}é@${domain}`],
      });
      expect(answer.status).toBe(400);
    });

    it('holds information messages past the hourly limit, however small, and forgets what is over an hour old', async () => {
      expect((await info(bob, [carol])).status).toBe(201);
      expect((await info(bob, [dan])).status).toBe(201);
      expect((await info(bob, [carol])).status).toBe(201); // the same recipient again: still two
      await elapse(t, everyone, 30 * MINUTE);
      expect((await info(bob, [erin], [fay])).status).toBe(201); // four: the limit
      const fifth = await info(bob, [gus]);
      expect(fifth.status).toBe(202);
      expect(fifth.body.hold!.trips).toEqual([trip('hourly_recipients', 4, 5)]);

      // The held attempt counts too: asking again for Carole still shows five.
      const asked = await precheck(bob, { to: [carol.address], category: 'information' });
      expect(asked.body).toMatchObject({ hourlyRecipients: 5, trips: [trip('hourly_recipients', 4, 5)] });

      // An hour after the first messages, Carole and Daniel are out of the window: three remain.
      await elapse(t, everyone, 31 * MINUTE);
      expect((await info(bob, [carol])).status).toBe(201);
      const again = await info(bob, [dan]);
      expect(again.status).toBe(202);
      expect(again.body.hold!.trips).toEqual([trip('hourly_recipients', 4, 5)]);
    });

    it('lets one-patient letters through whatever their number, and counts letters about several patients', async () => {
      expect((await send(carol, { to: [dan, erin, fay] })).status).toBe(201);
      expect((await send(carol, { to: [gus, alice] })).status).toBe(201);
      expect((await send(carol, { to: [bob], patients: 1 })).status).toBe(201); // six people, all exempt
      expect((await send(carol, { to: [dan], patients: 2 })).status).toBe(201); // counted: one
      expect((await send(carol, { to: [erin, fay, gus], patients: 2 })).status).toBe(201); // four
      const fifth = await send(carol, { to: [alice], patients: 3 });
      expect(fifth.status).toBe(202);
      expect(fifth.body.hold!.trips).toEqual([trip('hourly_recipients', 4, 5)]);
    });

    it('refuses a patient count that contradicts the category, and stores nothing', async () => {
      const before = await countRows(t, 'mail_messages');
      for (const [category, patients] of [
        ['information', 1],
        ['patient', 0],
      ] as const) {
        const answer = await send(dan, { to: [alice], category, patients });
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ error: { code: 'PATIENT_COUNT_INVALID' } });
        const asked = await precheck(dan, { to: [alice.address], category, patients });
        expect(asked.body).toMatchObject({ error: { code: 'PATIENT_COUNT_INVALID' } });
      }
      expect(await countRows(t, 'mail_messages')).toBe(before);
    });

    it('exempts APP mailboxes from the hourly rule by default; a technician removes or grants the exemption', async () => {
      const robot = await appMailbox(t, dan, 'automate-labo');
      expect((await info(robot, [alice, bob, carol])).status).toBe(201);
      expect((await info(robot, [erin, fay])).status).toBe(201); // five in the hour
      const asked = await precheck(robot, { to: [gus.address], category: 'information' });
      expect(asked.body).toMatchObject({
        trips: [],
        hourlyRecipients: 6,
        limits: { messageRecipients: 3, hourlyRecipients: 4, hourlyExempt: true },
      });
      // The per-message rule still applies to a robot.
      const wide = await info(robot, [alice, bob], [carol, erin]);
      expect(wide.status).toBe(202);
      expect(wide.body.hold!.trips).toEqual([trip('message_recipients', 3, 4)]);

      const removed = await setLimit(robot.address, { hourlyExempt: false });
      expect(removed.effective).toEqual({ messageRecipients: 3, hourlyRecipients: 4, hourlyExempt: false });
      const now = await info(robot, [gus]);
      expect(now.status).toBe(202);
      expect(now.body.hold!.trips).toEqual([trip('hourly_recipients', 4, 6)]);

      const granted = await setLimit(erin.address, { hourlyExempt: true });
      expect(granted.effective.hourlyExempt).toBe(true);
      expect((await info(erin, [alice, bob, carol])).status).toBe(201);
      expect((await info(erin, [dan, fay])).status).toBe(201);
    });

    it("applies a technician's own limits for a sender, lower or higher than the defaults", async () => {
      await setLimit(fay.address, { messageRecipients: 2 });
      const lower = await send(fay, { to: [alice, bob, carol] });
      expect(lower.status).toBe(202);
      expect(lower.body.hold!.trips).toEqual([trip('message_recipients', 2, 3, 'sender')]);
      await setLimit(fay.address, { messageRecipients: 5 });
      expect((await send(fay, { to: [alice, bob, carol], cc: [dan, erin] })).status).toBe(201);

      await setLimit(gus.address, { hourlyRecipients: 1 });
      expect((await info(gus, [alice])).status).toBe(201);
      const second = await info(gus, [bob]);
      expect(second.status).toBe(202);
      expect(second.body.hold!.trips).toEqual([trip('hourly_recipients', 1, 2, 'sender')]);
    });

    it('prechecks the way submission judges, storing nothing, for members of the From mailbox only', async () => {
      const notMine = await alice.client.post('/api/mail/precheck', {
        from: bob.address,
        to: [carol.address],
        category: 'information',
      });
      expect(notMine.status).toBe(403);
      expect(notMine.body).toMatchObject({ error: { code: 'NOT_A_MEMBER' } });

      const before = await countRows(t, 'mail_messages');
      const unknown = await precheck(alice, {
        to: [bob.address, `personne@${MAIL_DOMAIN}`, carol.address, dan.address],
        category: 'information',
      });
      expect(unknown.body).toEqual({
        trips: [trip('message_recipients', 3, 4)], // an unknown address counts while it is typed
        limits: { messageRecipients: 3, hourlyRecipients: 4, hourlyExempt: false },
        hourlyRecipients: 4,
      });
      expect(await countRows(t, 'mail_messages')).toBe(before);

      const cases = [
        { to: [bob, carol], cc: [], category: 'information' as const, status: 201 },
        { to: [dan, erin], cc: [fay], category: 'information' as const, status: 202 },
        { to: [bob, carol], cc: [dan, erin], category: 'patient' as const, status: 202 },
        { to: [gus], cc: [], category: 'patient' as const, status: 201 },
      ];
      for (const c of cases) {
        const asked = await precheck(alice, {
          to: c.to.map((u) => u.address),
          cc: c.cc.map((u) => u.address),
          category: c.category,
        });
        const sent = await send(alice, { to: c.to, cc: c.cc, category: c.category });
        expect(sent.status).toBe(c.status);
        expect(sent.body.hold?.trips ?? []).toEqual(asked.body.trips);
      }
    });

    it('does not let simultaneous messages slip under the hourly limit together', async () => {
      // One service (one group-commit batcher) per message: on PostgreSQL each submission is then its
      // own transaction on its own pooled connection, racing the others for real.
      const session = await t.ctx.sessions.resolve(fay.client.cookie);
      const services = [alice, bob, carol, dan, erin, gus].map(() => new MailService(t.ctx, t.ctx.devices));
      const sealed = await Promise.all(
        [alice, bob, carol, dan, erin, gus].map((r) => seal(fay, { to: [r], category: 'information' })),
      );
      const answers = await Promise.all(
        sealed.map((s, i) => services[i]!.submit(session, SubmitMessageRequest.parse(s))),
      );
      const holds = answers.map((a) => a.message.hold).filter((h) => h !== null);
      expect(holds.map((h) => h.trips[0]!.observed).sort()).toEqual([5, 6]);
    });
  });
}
