import type {
  MailItem,
  MailList,
  MailMessage,
  SubmitMessageRequest,
  SubmittedMessage,
} from '@liaison/core/api/mail';
import type { QuarantineItem, QuarantineList, SenderLimit } from '@liaison/core/api/usage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDelivery } from '../src/mail/delivery.ts';
import { MAIL_CHANGED, type MailChangedEvent } from '../src/mail/events.ts';
import { MAIL_DOMAIN, staffUser, type Client } from './support/app.ts';
import { seal } from './support/bulk.ts';
import { testBackends } from './support/databases.ts';
import { box, mailUser, type MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';

/** Held messages and the technicians' review (charter article 5); the limit is 2 recipients a message. */
for (const backend of testBackends()) {
  describe(`quarantine on ${backend.name}`, () => {
    let t: PkiInstance;
    let technician: Client;
    let colleague: Client;
    let alice: MailUser, bob: MailUser, carol: MailUser, dan: MailUser;
    let recipients: MailUser[];
    const events: string[] = [];
    let ordinary: SubmittedMessage;
    let first: SubmitMessageRequest;
    let firstAnswer: SubmittedMessage;

    beforeAll(async () => {
      t = await startPkiInstance(backend, { env: { LIAISON_BULK_MESSAGE_RECIPIENTS: '2' } });
      technician = (await staffUser(t, 'technician')).client;
      colleague = (await staffUser(t, 'technician')).client;
      alice = await mailUser(t, technician, 'Alice', 'Arnaud');
      bob = await mailUser(t, technician, 'Bob', 'Bernard');
      carol = await mailUser(t, technician, 'Carole', 'Caron');
      dan = await mailUser(t, technician, 'Daniel', 'Dupuis');
      recipients = [bob, carol, dan];
      t.ctx.bus.subscribe(MAIL_CHANGED, (p) => void events.push((p as MailChangedEvent).address));
    });
    afterAll(async () => t.close());

    const url = (id: string) => `/api/admin/quarantine/${id}`;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
    const idsIn = async (user: MailUser, query: string) =>
      (await user.client.get<MailList>(`${box(user.address)}?${query}`)).body.items.map((i) => i.id);
    const sentItem = async (id: string) =>
      (await alice.client.get<MailList>(`${box(alice.address)}?view=sent`)).body.items.find(
        (i) => i.id === id,
      )!;
    const auditCount = async (action: string, target: string) =>
      (
        await t.ctx.db.read
          .selectFrom('audit_events')
          .select('seq')
          .where('action', '=', action)
          .where('target', '=', target)
          .execute()
      ).length;

    async function expectInvisible(id: string): Promise<void> {
      for (const r of recipients) {
        expect(await idsIn(r, 'since=0')).not.toContain(id);
        expect(await idsIn(r, 'view=inbox')).not.toContain(id);
        for (const [method, path, body] of [
          ['GET', `${box(r.address)}/${id}`, undefined],
          ['GET', `${box(r.address)}/${id}?folder=inbox`, undefined],
          ['PATCH', `${box(r.address)}/${id}`, { read: true }],
          ['POST', `${box(r.address)}/${id}/ack`, {}],
        ] as const) {
          const answer = await r.client.call(method, path, body);
          expect(answer.status).toBe(404);
          expect(answer.body).toMatchObject({ error: { code: 'MESSAGE_NOT_FOUND' } });
        }
        // Nothing can record a delivery of it either, even called directly.
        const mailbox = await t.ctx.db.read
          .selectFrom('mailboxes')
          .select('id')
          .where('address', '=', r.address)
          .executeTakeFirstOrThrow();
        await recordDelivery(t.ctx, id, mailbox.id, 'read');
      }
      const rows = await t.ctx.db.read
        .selectFrom('mail_recipients')
        .selectAll()
        .where('message_id', '=', id)
        .execute();
      expect(rows.map((r) => r.delivered_at ?? r.read_at)).toEqual([null, null, null]);
    }

    it('keeps a held message from every recipient and shows the sender why', async () => {
      ordinary = (
        await alice.client.post<SubmittedMessage>('/api/mail/messages', await seal(alice, { to: [bob] }))
      ).body;
      const before = await Promise.all(
        recipients.map((r) => r.client.get<MailList>(`${box(r.address)}?since=0`)),
      );
      await settle();
      events.length = 0;

      first = await seal(alice, { to: [bob, carol], cc: [dan] });
      const held = await alice.client.post<SubmittedMessage>('/api/mail/messages', first);
      expect(held.status).toBe(202);
      firstAnswer = held.body;
      expect(held.body.hold).toMatchObject({
        state: 'held',
        trips: [{ rule: 'message_recipients', charterArticle: 5, limit: 2, observed: 3, source: 'default' }],
      });
      await settle();
      expect(events).toEqual([alice.address]);

      await expectInvisible(first.id);
      for (const [i, r] of recipients.entries()) {
        const now = await r.client.get<MailList>(`${box(r.address)}?since=0`);
        expect(now.body.seq).toBe(before[i]!.body.seq);
        expect(now.body.unread).toBe(before[i]!.body.unread);
      }

      const status = await alice.client.get<SubmittedMessage>(`/api/mail/messages/${first.id}/status`);
      expect(status.body).toEqual(held.body);
      expect((await sentItem(first.id)).hold).toEqual(held.body.hold);
      const retry = await alice.client.post<SubmittedMessage>('/api/mail/messages', first);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(held.body);
      expect(await auditCount('mail.held', first.id)).toBe(1);
    });

    it("shows technicians the held message's metadata and its sender's history, with counts", async () => {
      const list = await technician.get<QuarantineList>('/api/admin/quarantine');
      expect(list.status).toBe(200);
      expect(list.body.counts).toEqual({ held: 1, released: 0, rejected: 0 });
      expect(list.body.more).toBe(false);
      const item = list.body.items[0]!;
      expect(item).toEqual({
        messageId: first.id,
        from: alice.address,
        senderName: 'Alice ARNAUD',
        organisationName: null,
        mailboxKind: 'PER',
        category: 'patient',
        patients: 1,
        toCount: 2,
        ccCount: 1,
        bodyBytes: first.declared.bodyBytes,
        attachmentCount: 0,
        attachmentBytes: 0,
        submittedAt: firstAnswer.submittedAt,
        hold: firstAnswer.hold,
        decidedBy: null,
        history: {
          messages30d: 2,
          recipients30d: 4,
          held: 1,
          released: 0,
          rejected: 0,
          firstMessageAt: ordinary.submittedAt,
        },
      });
      expect((await technician.get<QuarantineItem>(url(first.id))).body).toEqual(item);
      const missing = await technician.get(url(crypto.randomUUID()));
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ error: { code: 'HOLD_NOT_FOUND' } });
      expect(JSON.stringify(list.body)).not.toContain(first.body);
    });

    it('releases: every recipient gets it as if just sent, and the sender sees the outcome', async () => {
      const aliceSeq = (await alice.client.get<MailList>(`${box(alice.address)}?since=0`)).body.seq;
      events.length = 0;
      t.clock.advance(5 * 60_000);
      const released = await technician.post<QuarantineItem>(`${url(first.id)}/release`, {
        reason: 'Diffusion acceptée.',
      });
      expect(released.status).toBe(200);
      expect(released.body).toMatchObject({
        decidedBy: 'Camille TECHNICIAN',
        hold: { state: 'released', reason: 'Diffusion acceptée.', decidedAt: t.clock.now().toISOString() },
      });
      await settle();
      expect([...events].sort()).toEqual([alice.address, ...recipients.map((r) => r.address)].sort());

      for (const r of recipients) expect(await idsIn(r, 'view=inbox')).toContain(first.id);
      const fetched = await bob.client.get<MailMessage>(`${box(bob.address)}/${first.id}`);
      expect(fetched.status).toBe(200);
      expect(fetched.body.body).toBe(first.body);
      expect(fetched.body.hold).toBeNull();

      const changes = await alice.client.get<MailList>(`${box(alice.address)}?since=${aliceSeq}`);
      const mine = changes.body.items.find((i) => i.id === first.id)!;
      expect(mine.hold).toMatchObject({ state: 'released', reason: 'Diffusion acceptée.' });
      const status = await alice.client.get<SubmittedMessage>(`/api/mail/messages/${first.id}/status`);
      expect(status.body.hold!.state).toBe('released');
      expect(status.body.recipients.map((r) => r.state)).toEqual(['delivered', 'submitted', 'submitted']);

      for (const decision of ['release', 'reject']) {
        const again = await colleague.post(`${url(first.id)}/${decision}`, { reason: 'Non.' });
        expect(again.status).toBe(409);
        expect(again.body).toMatchObject({ error: { code: 'HOLD_ALREADY_DECIDED' } });
      }
      expect(await auditCount('mail.hold.released', first.id)).toBe(1);
    });

    it('rejects with a reason only: never delivered, the sender keeps the copy and reads why', async () => {
      const second = await seal(alice, { to: [bob, carol, dan], category: 'information' });
      expect((await alice.client.post('/api/mail/messages', second)).status).toBe(202);
      for (const body of [{}, { reason: '   ' }]) {
        const refused = await technician.post(`${url(second.id)}/reject`, body);
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({ error: { code: 'REJECT_REASON_REQUIRED' } });
      }
      const reason = 'Annonce collective : passez par la liste de votre établissement.';
      const rejected = await technician.post<QuarantineItem>(`${url(second.id)}/reject`, { reason });
      expect(rejected.status).toBe(200);
      expect(rejected.body.hold).toMatchObject({ state: 'rejected', reason });

      await expectInvisible(second.id);
      expect((await sentItem(second.id)).hold).toMatchObject({ state: 'rejected', reason });
      const copy = await alice.client.get<MailMessage>(`${box(alice.address)}/${second.id}?folder=sent`);
      expect(copy.body.body).toBe(second.body);
      const late = await colleague.post(`${url(second.id)}/release`, {});
      expect(late.body).toMatchObject({ error: { code: 'HOLD_ALREADY_DECIDED' } });
      await expectInvisible(second.id);
      expect(await auditCount('mail.hold.rejected', second.id)).toBe(1);

      const counts = (await technician.get<QuarantineList>('/api/admin/quarantine')).body.counts;
      expect(counts).toEqual({ held: 0, released: 1, rejected: 1 });
      const byState = async (state: string) =>
        (await technician.get<QuarantineList>(`/api/admin/quarantine?state=${state}`)).body.items.map(
          (i) => i.messageId,
        );
      expect(await byState('rejected')).toEqual([second.id]);
      expect(await byState('released')).toEqual([first.id]);
      expect(await byState('held')).toEqual([]);
    });

    it('lets one of two technicians deciding at once win; the other is told it was decided', async () => {
      const third = await seal(alice, { to: [bob, carol, dan] });
      await alice.client.post('/api/mail/messages', third);
      const [release, reject] = await Promise.all([
        technician.post<QuarantineItem>(`${url(third.id)}/release`, {}),
        colleague.post<QuarantineItem>(`${url(third.id)}/reject`, { reason: 'Trop de destinataires.' }),
      ]);
      expect([release.status, reject.status].sort()).toEqual([200, 409]);
      const state = (await technician.get<QuarantineItem>(url(third.id))).body.hold.state;
      expect(state).toBe(release.status === 200 ? 'released' : 'rejected');
      expect((await idsIn(bob, 'view=inbox')).includes(third.id)).toBe(state === 'released');
    });

    it('pages held messages newest first', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        t.clock.advance(60_000);
        const s = await seal(alice, { to: [bob, carol, dan] });
        await alice.client.post('/api/mail/messages', s);
        ids.push(s.id);
      }
      const page1 = await technician.get<QuarantineList>('/api/admin/quarantine?state=held&limit=1');
      expect(page1.body.items.map((i) => i.messageId)).toEqual([ids[1]]);
      expect(page1.body.more).toBe(true);
      const before = encodeURIComponent(page1.body.items[0]!.hold.heldAt);
      const page2 = await technician.get<QuarantineList>(
        `/api/admin/quarantine?state=held&limit=1&before=${before}`,
      );
      expect(page2.body.items.map((i) => i.messageId)).toEqual([ids[0]]);
      expect(page2.body.more).toBe(false);
      expect(page2.body.counts.held).toBe(2);
    });

    it('is for technicians and platform admins only', async () => {
      const id = crypto.randomUUID();
      const limit = `/api/admin/sender-limits/${encodeURIComponent(alice.address)}`;
      const limits = { messageRecipients: 5, hourlyRecipients: null, hourlyExempt: null };
      for (const [method, path, body] of [
        ['GET', '/api/admin/quarantine', undefined],
        ['GET', url(id), undefined],
        ['POST', `${url(id)}/release`, {}],
        ['POST', `${url(id)}/reject`, { reason: 'x' }],
        ['GET', '/api/admin/sender-limits', undefined],
        ['GET', limit, undefined],
        ['PUT', limit, limits],
        ['DELETE', limit, undefined],
      ] as const) {
        const answer = await bob.client.call(method, path, body);
        expect(answer.status).toBe(403);
        expect(answer.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
      }
      const admin = (await staffUser(t, 'platform_admin')).client;
      expect((await admin.get('/api/admin/quarantine')).status).toBe(200);
    });

    it('keeps per-sender limits: read, set, list and remove, for known mailboxes only', async () => {
      const path = (address: string) => `/api/admin/sender-limits/${encodeURIComponent(address)}`;
      expect((await technician.get<SenderLimit[]>('/api/admin/sender-limits')).body).toEqual([]);
      const unknown = await technician.get(path(`personne@${MAIL_DOMAIN}`));
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ error: { code: 'MAILBOX_NOT_FOUND' } });
      const none = { messageRecipients: null, hourlyRecipients: null, hourlyExempt: null };
      expect((await technician.put(path(`personne@${MAIL_DOMAIN}`), none)).status).toBe(404);

      expect((await technician.get<SenderLimit>(path(alice.address))).body).toMatchObject({
        ...none,
        address: alice.address,
        effective: { messageRecipients: 2, hourlyRecipients: 40, hourlyExempt: false },
      });
      const set = await technician.put<SenderLimit>(path(` ${alice.address.toUpperCase()} `), {
        messageRecipients: 5,
        hourlyRecipients: null,
        hourlyExempt: true,
        note: ' Service de communication ',
      });
      expect(set.status).toBe(200);
      const expected = {
        address: alice.address,
        messageRecipients: 5,
        hourlyRecipients: null,
        hourlyExempt: true,
        note: 'Service de communication',
        setAt: t.clock.now().toISOString(),
        setBy: 'Camille TECHNICIAN',
        effective: { messageRecipients: 5, hourlyRecipients: 40, hourlyExempt: true },
      };
      expect(set.body).toEqual(expected);
      expect((await technician.get<SenderLimit[]>('/api/admin/sender-limits')).body).toEqual([expected]);
      expect((await technician.put(path(alice.address), { ...none, messageRecipients: 0 })).status).toBe(400);
      const wider = await alice.client.post<SubmittedMessage>(
        '/api/mail/messages',
        await seal(alice, { to: [bob, carol, dan] }),
      );
      expect(wider.status).toBe(201);

      expect((await technician.delete(path(alice.address))).status).toBe(204);
      expect((await technician.get<SenderLimit>(path(alice.address))).body).toMatchObject(none);
      expect((await technician.get<SenderLimit[]>('/api/admin/sender-limits')).body).toEqual([]);
      expect((await technician.delete(path(alice.address))).status).toBe(204);
      expect(await auditCount('mail.sender_limit.set', alice.address)).toBe(1);
      expect(await auditCount('mail.sender_limit.removed', alice.address)).toBe(1);
      const items: MailItem[] = (await bob.client.get<MailList>(`${box(bob.address)}?view=inbox`)).body.items;
      expect(items.every((i) => i.hold === null)).toBe(true);
    });
  });
}
