import type { SubmittedMessage } from '@liaison/core/api/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR } from '../src/auth/actor.ts';
import { MAIL_DOMAIN, staffUser, type Client } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { box, mailUser, sealFor, type MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';

/**
 * Charter article 4 on the server: no mailbox may be created under a no-reply spelling, and no letter
 * may leave from one, even a mailbox that got such an address before the rule (an old import, a
 * rename in the database). Spellings vary by case, accents and separators; the answer does not.
 */
for (const backend of testBackends()) {
  describe(`no-reply addresses refused on ${backend.name}`, () => {
    let t: PkiInstance;
    let admin: Client;
    let organisationId: string;
    let sender: MailUser;
    let recipient: MailUser;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      organisationId = (
        await t.ctx.organisations.create(CONSOLE_ACTOR, { kind: 'hospital', name: 'CH de la Côte' })
      ).id;
      admin = (await staffUser(t, 'establishment_admin', organisationId)).client;
      const technician = (await staffUser(t, 'technician')).client;
      sender = await mailUser(t, technician, 'Ronan', 'Le Goff');
      recipient = await mailUser(t, technician, 'Soizic', 'Tanguy');
    });
    afterAll(async () => t.close());

    it.each(['NePasRepondre', 'ne.pas.repondre-labo', 'No_Reply-Cardio', 'DoNotReply2', 'pas-de-reponse'])(
      'refuses the shared mailbox %s, citing article 4, and creates nothing',
      async (local) => {
        const before = await t.ctx.db.read.selectFrom('mailboxes').select('id').execute();
        const refused = await admin.post('/api/mailboxes', {
          address: `${local}@${MAIL_DOMAIN}`,
          kind: 'APP',
          organisationId,
        });
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({ error: { code: 'NO_REPLY_FORBIDDEN' } });
        expect(refused.text).toContain('article 4');
        expect(await t.ctx.db.read.selectFrom('mailboxes').select('id').execute()).toHaveLength(
          before.length,
        );
      },
    );

    it('refuses a letter from a mailbox whose address is a no-reply one, and stores nothing', async () => {
      const legacy = `Ne-Pas-Repondre.${sender.rpps}@${MAIL_DOMAIN}`.toLowerCase();
      await t.ctx.db.raw
        .updateTable('mailboxes')
        .set({ address: legacy })
        .where('address', '=', sender.address)
        .execute();
      const submission = { ...(await sealFor(sender, { to: [recipient] })), from: legacy };
      const refused = await sender.client.post<SubmittedMessage>('/api/mail/messages', submission);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: 'NO_REPLY_FORBIDDEN' } });
      expect(refused.text).toContain('article 4');
      const stored = await t.ctx.db.read
        .selectFrom('mail_messages')
        .select('id')
        .where('id', '=', submission.id)
        .execute();
      expect(stored).toEqual([]);
      const inbox = await recipient.client.get<{ items: unknown[] }>(`${box(recipient.address)}?since=0`);
      expect(inbox.body.items).toEqual([]);
    });
  });
}
