import type { SubmittedMessage } from '@liaison/core/api/mail';
import type { TeleexpertiseRequestSummary } from '@liaison/core/api/teleexpertise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localWeekTime } from '../src/teleexpertise/availability.ts';
import { TELEEXPERTISE_REQUEST, type TeleexpertiseBusEvent } from '../src/teleexpertise/events.ts';
import { testBackends } from './support/databases.ts';
import { sealFor as sealLetter, type MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';
import {
  act,
  ALWAYS,
  asService,
  auditActions,
  createRequest,
  FORM,
  makeService,
  pass,
  professionals,
  REQUESTS,
  sealFor,
  sealTo,
  setAvailability,
  type Detail,
  type Refusal,
  type ServiceFixture,
} from './support/teleexpertise.ts';

const kinds = (d: Detail) => d.timeline.map((e) => e.kind);

for (const backend of testBackends()) {
  describe(`tele-expertise requests on ${backend.name}`, () => {
    let t: PkiInstance;
    let anne: MailUser;
    let bruno: MailUser;
    let chloe: MailUser;
    let requester: MailUser;
    let outsider: MailUser;

    const everyone = () => [anne, bruno, chloe, requester, outsider];

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      [anne, bruno, chloe, requester, outsider] = await professionals(t, [
        'Anne',
        'Bruno',
        'Chloé',
        'Rémi',
        'Oscar',
      ]);
      for (const expert of [anne, bruno, chloe])
        await setAvailability(expert, { capacity: 20, slots: ALWAYS, absences: [] });
    });
    afterAll(async () => {
      await t.close();
    });

    async function letterFrom(expert: MailUser, service: ServiceFixture, to: MailUser): Promise<string> {
      const sent = await expert.client.post<SubmittedMessage>(
        '/api/mail/messages',
        await sealLetter(asService(expert, service), { to: [to] }),
      );
      if (sent.status !== 201) throw new Error(`letter refused: ${sent.text}`);
      return sent.body.id;
    }

    it('walks a request from creation to the answer letter, with its timeline and audit', async () => {
      const service = await makeService(t, [anne, bruno]);
      const events: TeleexpertiseBusEvent[] = [];
      const unsubscribe = t.ctx.bus.subscribe(TELEEXPERTISE_REQUEST, (p) => {
        events.push(p as TeleexpertiseBusEvent);
      });
      const created = await createRequest(service, requester);
      expect(created.status).toBe(201);
      expect(created.body.status).toBe('received');
      expect(created.body.assigneeUserId).toBe(anne.userId);
      expect(created.body.assigneeName).toBe('Anne Test');
      expect(created.body.requesterAddress).toBe(requester.address);
      expect(Date.parse(created.body.dueAt) - Date.parse(created.body.createdAt)).toBe(48 * 3_600_000);
      const id = created.body.id;

      const accepted = await act(anne.client, id, 'accept');
      expect(accepted.body.status).toBe('accepted');
      expect(accepted.body.firstAcceptedAt).not.toBeNull();

      const question = await sealFor(service, requester, 'une photo de plus ?');
      const asked = await act(anne.client, id, 'ask', { envelope: question });
      expect(asked.body.status).toBe('on-hold');
      expect(asked.body.pausedSince).not.toBeNull();

      await pass(t, everyone(), 3 * 3_600_000);
      const provided = await act(requester.client, id, 'provide', {
        envelope: await sealFor(service, requester),
      });
      expect(provided.body.status).toBe('in-progress');
      expect(provided.body.pausedSince).toBeNull();
      // Pushed back by exactly the time on hold.
      expect(Date.parse(provided.body.dueAt) - Date.parse(created.body.dueAt)).toBe(3 * 3_600_000);

      // A letter from the requester's own mailbox is not the service's answer.
      const ownLetter = await requester.client.post<SubmittedMessage>(
        '/api/mail/messages',
        await sealLetter(requester, { to: [anne] }),
      );
      const wrongLetter = await act(anne.client, id, 'answer', {
        letterMessageId: ownLetter.body.id,
        envelope: await sealFor(service, requester),
      });
      expect((wrongLetter.body as Refusal).error.code).toBe('TE_ANSWER_LETTER_NOT_FOUND');

      const letterId = await letterFrom(anne, service, requester);
      const answerEnvelope = await sealFor(service, requester, 'avis');
      const answered = await act(anne.client, id, 'answer', {
        letterMessageId: letterId,
        envelope: answerEnvelope,
      });
      expect(answered.status).toBe(200);
      expect(answered.body.status).toBe('completed');
      expect(answered.body.answerMessageId).toBe(letterId);
      expect(answered.body.answerEnvelope).toBe(answerEnvelope);
      expect(answered.body.answeredAt).not.toBeNull();

      const seen = await requester.client.get<Detail>(`${REQUESTS}/${id}`);
      const order = ['created', 'assigned', 'accepted', 'info-requested', 'info-provided', 'answered'];
      expect(kinds(seen.body)).toEqual(order);
      expect(seen.body.timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(seen.body.timeline[3]!.envelope).toBe(question);
      expect(seen.body.timeline[1]!.expertName).toBe('Anne Test');
      expect(seen.body.timeline[1]!.actorUserId).toBeNull();
      expect(seen.body.timeline[2]!.actorName).toBe('Anne Test');
      expect(await auditActions(t, id)).toEqual(order.map((k) => `teleexpertise.${k}`));
      // The other expert of the service sees it; someone else does not.
      expect((await bruno.client.get<Detail>(`${REQUESTS}/${id}`)).status).toBe(200);
      const hidden = await outsider.client.get<Refusal>(`${REQUESTS}/${id}`);
      expect(hidden.status).toBe(404);
      expect(hidden.body.error.code).toBe('TE_REQUEST_NOT_FOUND');

      // Every transition was pushed to the requester, the assignee and the service's experts.
      unsubscribe();
      const mine = events.filter((e) => e.event.requestId === id);
      expect(mine.map((e) => e.event.kind)).toEqual(order);
      for (const e of mine)
        expect(e.userIds).toEqual(expect.arrayContaining([requester.userId, anne.userId, bruno.userId]));
      expect(mine.some((e) => e.userIds.includes(outsider.userId))).toBe(false);

      const lists = {
        requester: await requester.client.get<TeleexpertiseRequestSummary[]>(`${REQUESTS}?role=requester`),
        expert: await anne.client.get<TeleexpertiseRequestSummary[]>(
          `${REQUESTS}?role=expert&status=completed`,
        ),
        service: await bruno.client.get<TeleexpertiseRequestSummary[]>(
          `${REQUESTS}?role=service&serviceId=${service.id}`,
        ),
        outsider: await outsider.client.get<Refusal>(`${REQUESTS}?role=service&serviceId=${service.id}`),
      };
      expect(lists.requester.body.map((r) => r.id)).toContain(id);
      expect(lists.expert.body.map((r) => r.id)).toContain(id);
      expect(lists.service.body.map((r) => r.id)).toEqual([id]);
      expect(lists.outsider.body.error.code).toBe('TE_NOT_EXPERT');
    });

    it('hands requests round-robin: the expert who waited longest first', async () => {
      const service = await makeService(t, [anne, bruno, chloe]);
      const assignees: Array<string | null> = [];
      for (let i = 0; i < 4; i++)
        assignees.push((await createRequest(service, requester)).body.assigneeUserId);
      expect(assignees).toEqual([anne.userId, bruno.userId, chloe.userId, anne.userId]);
      const open = await requester.client.get<TeleexpertiseRequestSummary[]>(
        `${REQUESTS}?role=requester&status=received`,
      );
      for (const r of open.body)
        expect((await act(requester.client, r.id, 'cancel')).body.status).toBe('cancelled');
    });

    it('sends a declined request to the next expert, never back, and rejects it when all declined', async () => {
      const service = await makeService(t, [anne, bruno, chloe]);
      const { id } = (await createRequest(service, requester)).body;
      const afterAnne = await act(anne.client, id, 'decline');
      expect(afterAnne.body.status).toBe('received');
      expect(afterAnne.body.assigneeUserId).toBe(bruno.userId);
      expect((await act(anne.client, id, 'accept')).body.error?.code).toBe('TE_NOT_ASSIGNEE');
      expect((await act(bruno.client, id, 'accept')).body.status).toBe('accepted');
      const afterBruno = await act(bruno.client, id, 'decline');
      expect(afterBruno.body.assigneeUserId).toBe(chloe.userId);
      const afterChloe = await act(chloe.client, id, 'decline');
      expect(afterChloe.body.status).toBe('rejected');
      expect(afterChloe.body.assigneeUserId).toBeNull();
      expect(kinds(afterChloe.body)).toEqual([
        'created',
        'assigned',
        'declined',
        'assigned',
        'accepted',
        'declined',
        'assigned',
        'declined',
        'rejected',
      ]);
      const assigned = afterChloe.body.timeline
        .filter((e) => e.kind === 'assigned')
        .map((e) => e.expertUserId);
      expect(assigned).toEqual([anne.userId, bruno.userId, chloe.userId]);
      // A rejected request takes no more action.
      const again = await act(chloe.client, id, 'decline');
      expect(again.body.error?.code).toBe('TE_NOT_ASSIGNEE');
    });

    it('keeps a declined request queued rather than give it back to the decliner', async () => {
      const service = await makeService(t, [anne, bruno]);
      await setAvailability(bruno, { capacity: 0, slots: ALWAYS, absences: [] });
      try {
        const { id, assigneeUserId } = (await createRequest(service, requester)).body;
        expect(assigneeUserId).toBe(anne.userId);
        const declined = await act(anne.client, id, 'decline');
        expect(declined.body.status).toBe('requested');
        expect(kinds(declined.body).slice(-2)).toEqual(['declined', 'queued']);
        await t.ctx.teleexpertise.tick();
        expect((await anne.client.get<Detail>(`${REQUESTS}/${id}`)).body.status).toBe('requested');
        // Bruno takes requests again: saving his availability hands him the queued one.
        await setAvailability(bruno, { capacity: 20, slots: ALWAYS, absences: [] });
        const now = await anne.client.get<Detail>(`${REQUESTS}/${id}`);
        expect(now.body.status).toBe('received');
        expect(now.body.assigneeUserId).toBe(bruno.userId);
        await act(requester.client, id, 'cancel');
      } finally {
        await setAvailability(bruno, { capacity: 20, slots: ALWAYS, absences: [] });
      }
    });

    it('queues a request while nobody is on duty and assigns it when a slot begins', async () => {
      const service = await makeService(t, [chloe]);
      const inAnHour = localWeekTime(new Date(t.clock.now().getTime() + 3_600_000));
      const end =
        inAnHour.time < '22:00'
          ? `${String(Number(inAnHour.time.slice(0, 2)) + 2).padStart(2, '0')}:00`
          : '24:00';
      await setAvailability(chloe, {
        capacity: 5,
        slots: [{ weekday: inAnHour.weekday, start: inAnHour.time, end }],
        absences: [],
      });
      try {
        const created = await createRequest(service, requester);
        expect(created.body.status).toBe('requested');
        expect(kinds(created.body)).toEqual(['created', 'queued']);
        const view = await chloe.client.get<{ availableNow: boolean; timeZone: string }>(
          '/api/teleexpertise/availability',
        );
        expect(view.body).toMatchObject({ availableNow: false, timeZone: 'Europe/Paris' });
        await t.ctx.teleexpertise.tick();
        expect((await requester.client.get<Detail>(`${REQUESTS}/${created.body.id}`)).body.status).toBe(
          'requested',
        );
        await pass(t, everyone(), 3_600_000);
        await t.ctx.teleexpertise.tick();
        const assigned = await requester.client.get<Detail>(`${REQUESTS}/${created.body.id}`);
        expect(assigned.body.status).toBe('received');
        expect(assigned.body.assigneeUserId).toBe(chloe.userId);
        expect(kinds(assigned.body)).toEqual(['created', 'queued', 'assigned']);
        const onDuty = await chloe.client.get<{ availableNow: boolean }>('/api/teleexpertise/availability');
        expect(onDuty.body.availableNow).toBe(true);
        await act(requester.client, created.body.id, 'cancel');
      } finally {
        await setAvailability(chloe, { capacity: 20, slots: ALWAYS, absences: [] });
      }
    });

    it('refuses actions by the wrong person or in the wrong status, changing nothing', async () => {
      const service = await makeService(t, [anne, bruno]);
      const { id } = (await createRequest(service, requester)).body;
      const state = async () => {
        const d = (await requester.client.get<Detail>(`${REQUESTS}/${id}`)).body;
        return { status: d.status, events: d.timeline.length, assignee: d.assigneeUserId, due: d.dueAt };
      };
      const before = await state();
      const refusals: Array<[MailUser, string, unknown, number, string]> = [
        [bruno, 'accept', {}, 403, 'TE_NOT_ASSIGNEE'],
        [requester, 'accept', {}, 403, 'TE_NOT_ASSIGNEE'],
        [outsider, 'accept', {}, 404, 'TE_REQUEST_NOT_FOUND'],
        [outsider, 'cancel', {}, 404, 'TE_REQUEST_NOT_FOUND'],
        [anne, 'start', {}, 409, 'TE_TRANSITION_NOT_ALLOWED'],
        [anne, 'cancel', {}, 403, 'TE_NOT_REQUESTER'],
        [
          requester,
          'provide',
          { envelope: await sealFor(service, requester) },
          409,
          'TE_TRANSITION_NOT_ALLOWED',
        ],
        [anne, 'ask', { envelope: await sealFor(service, requester) }, 409, 'TE_TRANSITION_NOT_ALLOWED'],
      ];
      for (const [who, action, body, status, code] of refusals) {
        const refused = await act(who.client, id, action, body);
        expect({ action, status: refused.status, code: refused.body.error?.code }).toEqual({
          action,
          status,
          code,
        });
        expect(await state()).toEqual(before);
      }
      const notAllowed = await act(anne.client, id, 'start');
      expect(notAllowed.body.error?.details).toEqual({ status: 'received' });

      await act(anne.client, id, 'accept');
      const accepted = await state();
      const wrongNote = await act(anne.client, id, 'ask', {
        envelope: await sealTo([service.certificatePem, outsider.encryptionCertificatePem]),
      });
      expect(wrongNote.body.error?.code).toBe('TE_RECIPIENTS_MISMATCH');
      expect((await act(anne.client, id, 'accept')).body.error?.code).toBe('TE_TRANSITION_NOT_ALLOWED');
      expect(await state()).toEqual(accepted);

      expect((await act(requester.client, id, 'cancel')).body.status).toBe('cancelled');
      const cancelled = await state();
      const late = await act(anne.client, id, 'start');
      expect(late.body.error).toMatchObject({
        code: 'TE_TRANSITION_NOT_ALLOWED',
        details: { status: 'cancelled' },
      });
      expect((await act(requester.client, id, 'cancel')).body.error?.code).toBe('TE_TRANSITION_NOT_ALLOWED');
      expect(await state()).toEqual(cancelled);
    });

    it('returns the stored request on a retry and refuses another request under the same id', async () => {
      const service = await makeService(t, [anne]);
      const id = crypto.randomUUID();
      const envelope = await sealFor(service, requester);
      const first = await createRequest(service, requester, { id, envelope });
      expect(first.status).toBe(201);
      const retry = await createRequest(service, requester, { id, envelope });
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      const other = await createRequest(service, requester, { id });
      expect(other.status).toBe(409);
      expect(other.body.error?.code).toBe('TE_REQUEST_CONFLICT');
      const stranger = await createRequest(service, outsider, { id });
      expect(stranger.body.error?.code).toBe('TE_REQUEST_CONFLICT');
      // A follow-up of one's own request is accepted.
      const followUp = await createRequest(service, requester, { followsRequestId: id });
      expect(followUp.status).toBe(201);
      expect(followUp.body.followsRequestId).toBe(id);
      const elsewhere = await createRequest(service, outsider, { followsRequestId: id });
      expect(elsewhere.body.error?.code).toBe('TE_FOLLOW_UP_NOT_FOUND');
      for (const r of [id, followUp.body.id]) await act(requester.client, r, 'cancel');
    });

    it("gives an expert the month's billing data, Paris month boundaries", async () => {
      const service = await makeService(t, [bruno], { name: 'Dermatologie facturée' });
      const { id } = (await createRequest(service, requester)).body;
      await act(bruno.client, id, 'accept');
      const letterMessageId = await letterFrom(bruno, service, requester);
      const done = await act(bruno.client, id, 'answer', {
        letterMessageId,
        envelope: await sealFor(service, requester),
      });
      expect(done.body.status).toBe('completed');
      const month = (offset: number) => {
        const parts = new Intl.DateTimeFormat('en-CA', {
          timeZone: 'Europe/Paris',
          year: 'numeric',
          month: '2-digit',
        })
          .format(t.clock.now())
          .split('-')
          .map(Number) as [number, number];
        const d = new Date(Date.UTC(parts[0], parts[1] - 1 + offset, 1));
        return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
      };
      type Billing = { entries: Array<Record<string, unknown>>; yearEntries: Array<{ requestId: string }> };
      const now = await bruno.client.get<Billing>(`/api/teleexpertise/billing?month=${month(0)}`);
      expect(now.status).toBe(200);
      const entry = now.body.entries.find((e) => e.requestId === id);
      expect(entry).toMatchObject({
        serviceId: service.id,
        serviceName: 'Dermatologie facturée',
        expertUserId: bruno.userId,
        expertName: 'Bruno Test',
        expertRpps: bruno.rpps,
        requesterName: 'Rémi Test',
        requesterRpps: requester.rpps,
        answeredAt: done.body.answeredAt,
        envelope: done.body.envelope,
      });
      expect(now.body.yearEntries.map((e) => e.requestId)).toContain(id);
      const before = await bruno.client.get<Billing>(`/api/teleexpertise/billing?month=${month(-1)}`);
      expect(before.body.entries.map((e) => e.requestId)).not.toContain(id);
      const next = await bruno.client.get<Billing>(`/api/teleexpertise/billing?month=${month(1)}`);
      expect(next.body.entries.map((e) => e.requestId)).not.toContain(id);
      expect(next.body.yearEntries.map((e) => e.requestId)).toContain(id);
      const notExpert = await requester.client.get<Refusal>(`/api/teleexpertise/billing?month=${month(0)}`);
      expect(notExpert.status).toBe(403);
      expect(notExpert.body.error.code).toBe('TE_NOT_EXPERT');
      expect((await bruno.client.get<Refusal>('/api/teleexpertise/billing?month=2026-13')).status).toBe(400);
    });

    it("keeps each expert's availability and refuses a slot that ends before it starts", async () => {
      const availability = {
        capacity: 3,
        slots: [{ weekday: 2, start: '09:00', end: '12:30' }],
        absences: [{ from: '2026-08-01T00:00:00.000Z', to: '2026-08-15T00:00:00.000Z', label: 'Congés' }],
      };
      const put = await outsider.client.put<Record<string, unknown>>(
        '/api/teleexpertise/availability',
        availability,
      );
      expect(put.status).toBe(200);
      const got = await outsider.client.get<Record<string, unknown>>('/api/teleexpertise/availability');
      expect(got.body).toMatchObject({ ...availability, timeZone: 'Europe/Paris' });
      const bad = await outsider.client.put<Refusal>('/api/teleexpertise/availability', {
        capacity: 3,
        slots: [{ weekday: 2, start: '12:00', end: '09:00' }],
        absences: [],
      });
      expect(bad.status).toBe(400);
      expect(
        (await outsider.client.get<Record<string, unknown>>('/api/teleexpertise/availability')).body,
      ).toEqual(got.body);
    });

    it('refuses bad requests with a stable code and stores nothing', async () => {
      const service = await makeService(t, [anne]);
      const count = async () =>
        Number(
          (
            await t.ctx.db.read
              .selectFrom('te_requests')
              .select((eb) => eb.fn.countAll<number | string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      const envelope = await sealFor(service, requester);
      const post = (body: Record<string, unknown>) =>
        requester.client.post<Refusal>(REQUESTS, {
          id: crypto.randomUUID(),
          serviceId: service.id,
          form: FORM,
          envelope,
          ...body,
        });
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ serviceId: crypto.randomUUID() }, 404, 'TE_SERVICE_NOT_FOUND'],
        [{ form: { url: FORM.url, version: '9.9.9' } }, 400, 'TE_FORM_NOT_ACCEPTED'],
        [{ followsRequestId: crypto.randomUUID() }, 400, 'TE_FOLLOW_UP_NOT_FOUND'],
        [{ envelope: await sealTo([service.certificatePem]) }, 400, 'TE_RECIPIENTS_MISMATCH'],
        [{ envelope: await sealTo([requester.encryptionCertificatePem]) }, 400, 'TE_RECIPIENTS_MISMATCH'],
        [
          {
            envelope: await sealTo([
              service.certificatePem,
              requester.encryptionCertificatePem,
              outsider.encryptionCertificatePem,
            ]),
          },
          400,
          'TE_RECIPIENTS_MISMATCH',
        ],
        [{ envelope: Buffer.from('pas une enveloppe CMS').toString('base64') }, 400, 'TE_ENVELOPE_INVALID'],
      ];
      for (const [body, status, code] of cases) {
        const refused = await post(body);
        expect({ code: refused.body.error?.code, status: refused.status }).toEqual({ code, status });
      }
      expect(await count()).toBe(before);
    });
  });
}
