import type { OrganisationMailbox } from '@liaison/core/api/organisations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, MAIL_DOMAIN, staffUser } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { mailUser, type MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';
import { addMembers, certifyMailbox, hospital, sharedMailbox } from './support/teleexpertiseAdmin.ts';

type Refusal = { error: { code: string } };
type Staff = Awaited<ReturnType<typeof staffUser>>;

const mailboxesOf = (organisationId: string) => `/api/organisations/${organisationId}/mailboxes`;

for (const backend of testBackends()) {
  describe(`establishment mailboxes on ${backend.name}`, () => {
    let t: PkiInstance;
    let orgA: string;
    let orgB: string;
    let adminA: Staff;
    let adminB: Staff;
    let platformAdmin: Staff;
    let owner: MailUser;
    let delegate: MailUser;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      const technician = (await staffUser(t, 'technician')).client;
      orgA = await hospital(t, 'CHU de Lille');
      orgB = await hospital(t, 'CH de Douai');
      adminA = await staffUser(t, 'establishment_admin', orgA);
      adminB = await staffUser(t, 'establishment_admin', orgB);
      platformAdmin = await staffUser(t, 'platform_admin');
      [owner, delegate] = await Promise.all([
        mailUser(t, technician, 'Élise', 'Propriétaire'),
        mailUser(t, technician, 'Denis', 'Délégué'),
      ]);
      // orgA: a keyed ORG mailbox with an owner and a delegate, a key-less ORG mailbox, an APP one.
      const dermato = await sharedMailbox(t, orgA, 'dermatologie.chu-lille', [owner]);
      await addMembers(t, dermato.id, [delegate], 'delegate');
      await certifyMailbox(owner, dermato);
      await sharedMailbox(t, orgA, 'cardiologie.chu-lille', [owner]);
      await sharedMailbox(t, orgA, 'automate.chu-lille', [], 'APP');
      // A personal mailbox filed under orgA must never be offered as the establishment's.
      await t.ctx.db.transaction((tx) =>
        tx.db
          .insertInto('mailboxes')
          .values({
            id: crypto.randomUUID(),
            address: `agent.personnel@${MAIL_DOMAIN}`,
            kind: 'PER',
            organisation_id: orgA,
            accepts_attachments: 1,
            created_at: t.clock.now().toISOString(),
          })
          .execute(),
      );
      await sharedMailbox(t, orgB, 'dermatologie.ch-douai', [owner]);
    });
    afterAll(() => t.close());

    it("lists the establishment's shared mailboxes, sorted, with members and key state", async () => {
      const list = await adminA.client.get<OrganisationMailbox[]>(mailboxesOf(orgA));
      expect(list.status).toBe(200);
      expect(
        list.body.map(({ address, kind, members, hasKey, acceptsAttachments }) => ({
          address,
          kind,
          members,
          hasKey,
          acceptsAttachments,
        })),
      ).toEqual([
        {
          address: `automate.chu-lille@${MAIL_DOMAIN}`,
          kind: 'APP',
          members: 0,
          hasKey: false,
          acceptsAttachments: true,
        },
        {
          address: `cardiologie.chu-lille@${MAIL_DOMAIN}`,
          kind: 'ORG',
          members: 1,
          hasKey: false,
          acceptsAttachments: true,
        },
        {
          address: `dermatologie.chu-lille@${MAIL_DOMAIN}`,
          kind: 'ORG',
          members: 2,
          hasKey: true,
          acceptsAttachments: true,
        },
      ]);
      expect(list.body.every((m) => typeof m.id === 'string' && m.id.length > 0)).toBe(true);
    });

    it('shows each establishment only its own mailboxes; a platform admin sees any', async () => {
      const own = await adminB.client.get<OrganisationMailbox[]>(mailboxesOf(orgB));
      expect(own.body.map((m) => m.address)).toEqual([`dermatologie.ch-douai@${MAIL_DOMAIN}`]);
      const byPlatform = await platformAdmin.client.get<OrganisationMailbox[]>(mailboxesOf(orgA));
      expect(byPlatform.status).toBe(200);
      expect(byPlatform.body).toHaveLength(3);
    });

    it("refuses professionals and another establishment's admin", async () => {
      const byProfessional = await owner.client.get<Refusal>(mailboxesOf(orgA));
      expect(byProfessional.status).toBe(403);
      expect(byProfessional.body.error.code).toBe('FORBIDDEN');
      const byOtherAdmin = await adminB.client.get<Refusal>(mailboxesOf(orgA));
      expect(byOtherAdmin.status).toBe(403);
      expect(byOtherAdmin.body.error.code).toBe('OUTSIDE_ESTABLISHMENT');
      expect((await new Client(t.app).get(mailboxesOf(orgA))).status).toBe(401);
    });

    it('says when the establishment does not exist', async () => {
      const unknown = await platformAdmin.client.get<Refusal>(mailboxesOf(crypto.randomUUID()));
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('ORGANISATION_NOT_FOUND');
    });
  });
}
