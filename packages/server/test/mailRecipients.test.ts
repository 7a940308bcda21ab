import type { MailRecipient } from '@liaison/core/api/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR } from '../src/auth/actor.ts';
import { staffUser, type Client } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { publish } from './support/directory.ts';
import { mailUser, type MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';

for (const backend of testBackends()) {
  describe(`compose recipient search from the directory on ${backend.name}`, () => {
    let t: PkiInstance;
    let technician: Client;
    let cardiologist: MailUser;
    let gp: MailUser;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      technician = (await staffUser(t, 'technician')).client;
      cardiologist = await mailUser(t, technician, 'Paul', 'Martin');
      gp = await mailUser(t, technician, 'Gaston', 'Généraliste');
      const org = await t.ctx.organisations.create(CONSOLE_ACTOR, {
        kind: 'hospital',
        name: 'Centre hospitalier de Calais',
      });
      // The directory names the cardiologist as the establishment knows him, not as his account does.
      await publish(t, org.id, {
        lastName: 'Lefèvre',
        firstName: 'Jean-Pierre',
        specialty: 'SM04',
        mailboxes: [{ address: cardiologist.address, kind: 'PER' }],
      });
      // An entry whose address is no Liaison mailbox: nothing can be encrypted to it.
      await publish(t, org.id, {
        lastName: 'Lefèbvre',
        firstName: 'Anne',
        specialty: 'SM04',
        mailboxes: [{ address: 'secretariat.cardio@ch-calais.fr', kind: 'PER' }],
      });
    });
    afterAll(async () => t.close());

    it('finds a published entry without accents or with one typo, shown with its directory name', async () => {
      for (const q of ['lefevre', 'LEFÈVRE', 'jean pierre', 'lefevbre']) {
        const found = await gp.client.get<MailRecipient[]>(`/api/mail/recipients?q=${encodeURIComponent(q)}`);
        expect(found.status).toBe(200);
        expect(
          found.body.map((r) => r.address),
          q,
        ).toEqual([cardiologist.address]);
        expect(found.body[0]).toMatchObject({
          displayName: 'Lefèvre Jean-Pierre',
          organisationName: 'Centre hospitalier de Calais',
          kind: 'PER',
        });
      }
    });

    it('still finds verified accounts that are not in the directory yet', async () => {
      const found = await cardiologist.client.get<MailRecipient[]>('/api/mail/recipients?q=gaston');
      expect(found.body.map((r) => r.address)).toEqual([gp.address]);
    });
  });
}
