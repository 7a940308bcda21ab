import type { DirectoryEntry, DirectorySubmission } from '@liaison/core/api/directory';
import type { TeleexpertiseForm, TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import { BUILT_IN_FORMS } from '@liaison/core/teleexpertise/forms/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, staffUser } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { mailUser, type MailUser } from './support/mail.ts';
import {
  approvedProfessional,
  startPkiInstance,
  twoNodes,
  type PkiInstance,
  type Professional,
} from './support/pki.ts';
import {
  addMembers,
  auditActions,
  certifyMailbox,
  createService,
  DERMATOLOGY_REF,
  hospital,
  insertRequest,
  personalMailboxId,
  sharedMailbox,
  simpleQuestionnaire,
} from './support/teleexpertiseAdmin.ts';

type Refusal = { error: { code: string; message: string; details?: Record<string, unknown> } };
type Staff = Awaited<ReturnType<typeof staffUser>>;

const FORMS = '/api/teleexpertise/forms';
const SERVICES = '/api/teleexpertise/services';

for (const backend of testBackends()) {
  describe(`tele-expertise forms on ${backend.name}`, () => {
    let t: PkiInstance;
    let adminA: Staff;
    let professional: Professional;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      const technician = (await staffUser(t, 'technician')).client;
      adminA = await staffUser(t, 'establishment_admin', await hospital(t, 'CHU de Lille'));
      professional = await approvedProfessional(t, technician, 'Rose', 'Requérante');
    });
    afterAll(() => t.close());

    it('lists the built-in forms to any signed-in user, and only to them', async () => {
      const list = await professional.client.get<TeleexpertiseForm[]>(FORMS);
      expect(list.status).toBe(200);
      const builtIns = list.body.filter((f) => f.builtIn);
      expect(builtIns.map((f) => f.url).sort()).toEqual(
        Object.values(BUILT_IN_FORMS)
          .map((f) => f.url)
          .sort(),
      );
      expect((await new Client(t.app).get(FORMS)).status).toBe(401);
    });

    it('gives one form by url and version, and a clear refusal for an unknown one', async () => {
      const path = `${FORMS}/${encodeURIComponent(DERMATOLOGY_REF.url)}/${DERMATOLOGY_REF.version}`;
      const one = await professional.client.get<TeleexpertiseForm>(path);
      expect(one.status).toBe(200);
      expect(one.body.title).toBe(BUILT_IN_FORMS.dermatology.title);
      expect(one.body.questionnaire.item).toEqual(BUILT_IN_FORMS.dermatology.item);
      const query = await professional.client.get<TeleexpertiseForm>(
        `/api/teleexpertise/form?url=${encodeURIComponent(DERMATOLOGY_REF.url)}&version=1.0.0`,
      );
      expect(query.body.url).toBe(DERMATOLOGY_REF.url);
      const unknown = await professional.client.get<Refusal>(
        `${FORMS}/${encodeURIComponent(DERMATOLOGY_REF.url)}/9.9.9`,
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('TE_FORM_NOT_FOUND');
    });

    it('imports a good form once, audited, and refuses the same version again', async () => {
      const refused = await professional.client.post<Refusal>(FORMS, {
        questionnaire: simpleQuestionnaire(),
      });
      expect(refused.body.error.code).toBe('FORBIDDEN');

      const imported = await adminA.client.post<TeleexpertiseForm>(FORMS, {
        questionnaire: simpleQuestionnaire(),
      });
      expect(imported.status).toBe(201);
      expect(imported.body).toMatchObject({ title: 'Avis rhumatologique', version: '1.0.0', builtIn: false });
      const list = await professional.client.get<TeleexpertiseForm[]>(FORMS);
      expect(list.body.some((f) => f.url === imported.body.url && !f.builtIn)).toBe(true);
      expect(await auditActions(t, `${imported.body.url}|1.0.0`)).toEqual(['teleexpertise.form_imported']);

      const again = await adminA.client.post<Refusal>(FORMS, { questionnaire: simpleQuestionnaire() });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('TE_FORM_EXISTS');
      // A new version of the same form is welcome.
      expect((await adminA.client.post(FORMS, { questionnaire: simpleQuestionnaire('1.1.0') })).status).toBe(
        201,
      );
    });

    it('refuses an open-choice item, naming its linkId and path, and stores nothing', async () => {
      const answer = await adminA.client.post<Refusal>(FORMS, {
        questionnaire: simpleQuestionnaire('2.0.0', [
          { linkId: 'joint', type: 'string', text: 'Articulation' },
          { linkId: 'side', type: 'open-choice', text: 'Côté', answerOption: [{ valueString: 'gauche' }] },
        ]),
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('QUESTIONNAIRE_UNSUPPORTED');
      expect(answer.body.error.details).toEqual({ linkId: 'side', path: 'item[1].type' });
      expect(answer.body.error.message).toContain('side');
      const stored = await professional.client.get(
        `${FORMS}/${encodeURIComponent(String(simpleQuestionnaire().url))}/2.0.0`,
      );
      expect(stored.status).toBe(404);
    });

    it('refuses an enableWhen on an unknown item, naming the item and path', async () => {
      const answer = await adminA.client.post<Refusal>(FORMS, {
        questionnaire: simpleQuestionnaire('3.0.0', [
          { linkId: 'joint', type: 'string', text: 'Articulation' },
          {
            linkId: 'swollen',
            type: 'boolean',
            text: 'Gonflée ?',
            enableWhen: [{ question: 'nowhere', operator: 'exists', answerBoolean: true }],
          },
        ]),
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('QUESTIONNAIRE_INVALID');
      expect(answer.body.error.details).toMatchObject({ linkId: 'swollen' });
      expect(String(answer.body.error.details?.path)).toContain('item[1].enableWhen[0]');
    });
  });

  // Several nodes share one database only on PostgreSQL; a SQLite instance is a single node.
  if (backend.name === 'postgres') {
    it('stores the built-in forms once when two nodes serve their first requests together', async () => {
      const cluster = await twoNodes(backend);
      try {
        const [a, b] = cluster.nodes;
        const [fromA, fromB] = await Promise.all([
          a.teleexpertiseAdmin.listForms(),
          b.teleexpertiseAdmin.listForms(),
        ]);
        const builtIns = Object.values(BUILT_IN_FORMS).length;
        expect(fromA.filter((f) => f.builtIn)).toHaveLength(builtIns);
        expect(fromB.filter((f) => f.builtIn)).toHaveLength(builtIns);
        const rows = await a.db.read.selectFrom('te_forms').select('url').execute();
        expect(rows).toHaveLength(builtIns);
      } finally {
        await cluster.close();
      }
    });
  }

  describe(`tele-expertise services and experts on ${backend.name}`, () => {
    let t: PkiInstance;
    let platformAdmin: Staff;
    let adminA: Staff;
    let adminB: Staff;
    let orgA: string;
    let orgB: string;
    let expert: MailUser;
    let delegate: MailUser;
    let outsider: MailUser;
    let dermato: { id: string; address: string };
    let service: TeleexpertiseService;
    let technician: MailUser['client'];

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      technician = (await staffUser(t, 'technician')).client;
      platformAdmin = await staffUser(t, 'platform_admin');
      orgA = await hospital(t, 'CHU de Lille');
      orgB = await hospital(t, 'CH de Douai');
      adminA = await staffUser(t, 'establishment_admin', orgA);
      adminB = await staffUser(t, 'establishment_admin', orgB);
      [expert, delegate, outsider] = await Promise.all([
        mailUser(t, technician, 'Élise', 'Experte'),
        mailUser(t, technician, 'Denis', 'Délégué'),
        mailUser(t, technician, 'Oscar', 'Dehors'),
      ]);
      dermato = await sharedMailbox(t, orgA, 'dermatologie.chu-lille', [expert]);
      await addMembers(t, dermato.id, [delegate], 'delegate');
    });
    afterAll(() => t.close());

    async function serviceCount(): Promise<number> {
      const row = await t.ctx.db.read
        .selectFrom('te_services')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }

    it('lets only the establishment admins or a platform admin create a service', async () => {
      const byProfessional = await createService(expert.client, {
        organisationId: orgA,
        mailboxId: dermato.id,
      });
      expect((byProfessional.body as unknown as Refusal).error.code).toBe('FORBIDDEN');
      const byOtherAdmin = await createService(adminB.client, {
        organisationId: orgA,
        mailboxId: dermato.id,
      });
      expect(byOtherAdmin.status).toBe(403);
      expect((byOtherAdmin.body as unknown as Refusal).error.code).toBe('OUTSIDE_ESTABLISHMENT');
      expect(await serviceCount()).toBe(0);
    });

    it('refuses unsuitable mailboxes, unknown specialties and unknown forms, leaving nothing behind', async () => {
      const app = await sharedMailbox(t, orgA, 'robot.chu-lille', [], 'APP');
      const otherOrg = await sharedMailbox(t, orgB, 'dermatologie.ch-douai');
      const personal = await personalMailboxId(t, expert.userId);
      for (const mailboxId of [app.id, otherOrg.id, personal, crypto.randomUUID()]) {
        const refused = await createService(adminA.client, { organisationId: orgA, mailboxId });
        expect(refused.status).toBe(400);
        expect((refused.body as unknown as Refusal).error.code).toBe('TE_SERVICE_MAILBOX_UNSUITABLE');
      }
      const badSpecialty = await createService(adminA.client, {
        organisationId: orgA,
        mailboxId: dermato.id,
        specialty: 'SM99',
      });
      expect((badSpecialty.body as unknown as Refusal).error.code).toBe('VALIDATION_FAILED');
      const unknownForm = await createService(adminA.client, {
        organisationId: orgA,
        mailboxId: dermato.id,
        forms: [DERMATOLOGY_REF, { url: 'https://nowhere.example/q', version: '1' }],
      });
      expect(unknownForm.status).toBe(404);
      expect((unknownForm.body as unknown as Refusal).error.code).toBe('TE_FORM_NOT_FOUND');
      expect(await serviceCount()).toBe(0);
    });

    it('creates a service on an ORG mailbox of the establishment, audited, once per mailbox', async () => {
      const created = await createService(adminA.client, {
        organisationId: orgA,
        mailboxId: dermato.id,
        slaHours: 72,
      });
      expect(created.status).toBe(201);
      service = created.body;
      expect(service).toMatchObject({
        organisationName: 'CHU de Lille',
        mailboxAddress: dermato.address,
        specialty: 'SM15',
        slaHours: 72,
        acceptTimeoutHours: 4,
        forms: [DERMATOLOGY_REF],
        active: true,
        experts: [],
        queued: 0,
        encryptionCertificate: null,
      });
      expect(await auditActions(t, service.id)).toEqual(['teleexpertise.service_created']);
      // Its address is proposed to the directory; once a technician publishes it, GPs find the service.
      const proposals = await technician.get<{ submissions: DirectorySubmission[] }>(
        '/api/directory/submissions?status=pending',
      );
      const proposal = proposals.body.submissions.find(
        (p) => p.fields.mailboxes[0]?.address === dermato.address,
      );
      expect(proposal?.fields).toMatchObject({ serviceName: 'Dermatologie', specialty: 'SM15' });
      const decided = await technician.post(`/api/directory/submissions/${proposal!.id}/decision`, {
        decision: 'approve',
      });
      expect(decided.status).toBe(200);
      const found = await expert.client.get<{ results: DirectoryEntry[] }>(
        `/api/directory/search?${new URLSearchParams({ q: 'dermatologie lille' }).toString()}`,
      );
      expect(found.body.results.flatMap((e) => e.fields.mailboxes.map((m) => m.address))).toContain(
        dermato.address,
      );
      const again = await createService(platformAdmin.client, {
        organisationId: orgA,
        mailboxId: dermato.id,
      });
      expect((again.body as unknown as Refusal).error.code).toBe('TE_SERVICE_MAILBOX_UNSUITABLE');
      expect(await serviceCount()).toBe(1);
    });

    it('accepts as experts only active owners or delegates of the service mailbox', async () => {
      const stranger = await adminA.client.post<Refusal>(`${SERVICES}/${service.id}/experts`, {
        userId: outsider.userId,
      });
      expect(stranger.status).toBe(400);
      expect(stranger.body.error.code).toBe('TE_EXPERT_NOT_MEMBER');
      const otherAdmin = await adminB.client.post<Refusal>(`${SERVICES}/${service.id}/experts`, {
        userId: expert.userId,
      });
      expect(otherAdmin.body.error.code).toBe('OUTSIDE_ESTABLISHMENT');

      const owner = await adminA.client.post<TeleexpertiseService>(`${SERVICES}/${service.id}/experts`, {
        userId: expert.userId,
      });
      expect(owner.status).toBe(201);
      expect(owner.body.experts).toEqual([
        expect.objectContaining({
          userId: expert.userId,
          displayName: 'Élise Experte',
          rpps: expert.rpps,
          openRequests: 0,
          capacity: 0,
          availableNow: false,
          lastAssignedAt: null,
        }),
      ]);
      const member = await adminA.client.post<TeleexpertiseService>(`${SERVICES}/${service.id}/experts`, {
        userId: delegate.userId,
      });
      expect(member.body.experts.map((e) => e.userId).sort()).toEqual(
        [expert.userId, delegate.userId].sort(),
      );
      expect(await auditActions(t, service.id)).toEqual([
        'teleexpertise.service_created',
        'teleexpertise.expert_added',
        'teleexpertise.expert_added',
      ]);
    });

    it('shows experts to the service admins and experts only, with their load and availability', async () => {
      const requester = await personalMailboxId(t, outsider.userId);
      const now = t.clock.now().toISOString();
      await insertRequest(t, {
        serviceId: service.id,
        requesterUserId: outsider.userId,
        requesterMailboxId: requester,
        status: 'accepted',
        assigneeUserId: expert.userId,
        createdAt: now,
      });
      await insertRequest(t, {
        serviceId: service.id,
        requesterUserId: outsider.userId,
        requesterMailboxId: requester,
        status: 'requested',
        createdAt: now,
      });
      // Monday 09:00 in Paris at the test clock: inside a Monday 08:00–12:00 slot.
      await t.ctx.db.transaction(async (tx) => {
        await tx.db
          .insertInto('te_availability')
          .values({ user_id: expert.userId, capacity: 2, updated_at: now })
          .execute();
        await tx.db
          .insertInto('te_slots')
          .values({ user_id: expert.userId, weekday: 1, start: '08:00', end: '12:00' })
          .execute();
      });

      for (const viewer of [adminA.client, platformAdmin.client, delegate.client]) {
        const seen = await viewer.get<TeleexpertiseService>(`${SERVICES}/${service.id}`);
        expect(seen.body.queued).toBe(1);
        const mine = seen.body.experts.find((e) => e.userId === expert.userId);
        expect(mine).toMatchObject({ openRequests: 1, capacity: 2, availableNow: true });
      }
      for (const viewer of [outsider.client, adminB.client]) {
        const list = await viewer.get<TeleexpertiseService[]>(SERVICES);
        const seen = list.body.find((s) => s.id === service.id);
        expect(seen?.name).toBe('Dermatologie');
        expect(seen?.experts).toEqual([]);
      }
    });

    it("gives the mailbox's encryption certificate once the mailbox has a key", async () => {
      const pem = await certifyMailbox(expert, dermato);
      const seen = await outsider.client.get<TeleexpertiseService>(`${SERVICES}/${service.id}`);
      expect(seen.body.encryptionCertificate).toBe(pem);
      expect(pem).toContain('BEGIN CERTIFICATE');
    });

    it('updates a service; an inactive one disappears for requesters but not for its admins', async () => {
      const refused = await adminB.client.patch<Refusal>(`${SERVICES}/${service.id}`, { slaHours: 24 });
      expect(refused.body.error.code).toBe('OUTSIDE_ESTABLISHMENT');
      const unknownForm = await adminA.client.patch<Refusal>(`${SERVICES}/${service.id}`, {
        slaHours: 24,
        forms: [{ url: 'https://nowhere.example/q', version: '1' }],
      });
      expect(unknownForm.body.error.code).toBe('TE_FORM_NOT_FOUND');

      const updated = await adminA.client.patch<TeleexpertiseService>(`${SERVICES}/${service.id}`, {
        name: 'Dermatologie adulte',
        active: false,
      });
      expect(updated.status).toBe(200);
      // The refused update changed nothing: the deadline is still the one set at creation.
      expect(updated.body).toMatchObject({ name: 'Dermatologie adulte', active: false, slaHours: 72 });
      const forRequester = await outsider.client.get<TeleexpertiseService[]>(SERVICES);
      expect(forRequester.body.some((s) => s.id === service.id)).toBe(false);
      const one = await outsider.client.get<Refusal>(`${SERVICES}/${service.id}`);
      expect(one.body.error.code).toBe('TE_SERVICE_NOT_FOUND');
      const forAdmin = await adminA.client.get<TeleexpertiseService[]>(SERVICES);
      expect(forAdmin.body.find((s) => s.id === service.id)?.active).toBe(false);
      await adminA.client.patch(`${SERVICES}/${service.id}`, { active: true });
    });

    it('removes an expert, and says so when the person was not one', async () => {
      const removed = await adminA.client.delete<TeleexpertiseService>(
        `${SERVICES}/${service.id}/experts/${delegate.userId}`,
      );
      expect(removed.status).toBe(200);
      expect(removed.body.experts.map((e) => e.userId)).toEqual([expert.userId]);
      const again = await adminA.client.delete<Refusal>(
        `${SERVICES}/${service.id}/experts/${delegate.userId}`,
      );
      expect(again.status).toBe(404);
      const unknown = await adminA.client.get<Refusal>(`${SERVICES}/${crypto.randomUUID()}`);
      expect(unknown.body.error.code).toBe('TE_SERVICE_NOT_FOUND');
      // A former expert no longer sees the experts of the service.
      const seen = await delegate.client.get<TeleexpertiseService>(`${SERVICES}/${service.id}`);
      expect(seen.body.experts).toEqual([]);
    });
  });
}
