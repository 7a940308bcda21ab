import {
  createCsr,
  decrypt,
  encrypt,
  exportPkcs8,
  generateEncryptionKeyPair,
  base64Encode,
  base64Decode,
  type WebCryptoKeyPair,
} from '@liaison/core/crypto/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_DOMAIN, staffUser, type Client } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import {
  approvedProfessional,
  startPkiInstance,
  type PkiInstance,
  type Professional,
} from './support/pki.ts';

interface Holder {
  client: Client;
  userId: string;
  keys: WebCryptoKeyPair;
  certificatePem: string;
}

/** A professional with an enrolled device and a personal encryption certificate. */
async function withEncryptionCertificate(p: Professional, keys: WebCryptoKeyPair): Promise<Holder> {
  const subject = await p.client.get<{ commonName: string; serialNumber: string | null; emails: string[] }>(
    '/api/pki/subject?usage=encryption',
  );
  const csrPem = await createCsr({
    keyPair: keys,
    usage: 'encryption',
    subject: {
      commonName: subject.body.commonName,
      serialNumber: subject.body.serialNumber ?? undefined,
      email: subject.body.emails[0]!,
    },
  });
  const cert = await p.client.post<{ certificatePem: string }>('/api/pki/csr', {
    usage: 'encryption',
    csrPem,
  });
  if (cert.status !== 201) throw new Error(cert.text);
  return { client: p.client, userId: p.userId, keys, certificatePem: cert.body.certificatePem };
}

async function wrapFor(
  privateKeyPkcs8: ArrayBuffer,
  member: Holder,
): Promise<{ userId: string; envelope: string }> {
  const envelope = await encrypt({
    content: new Uint8Array(privateKeyPkcs8),
    recipients: [member.certificatePem],
  });
  return { userId: member.userId, envelope: base64Encode(envelope) };
}

for (const backend of testBackends()) {
  describe(`shared mailbox keys on ${backend.name}`, () => {
    let t: PkiInstance;
    let owner: Holder;
    let delegate: Holder;
    let outsider: Holder;
    let mailboxId: string;
    let mailboxKeys: WebCryptoKeyPair;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      const technician = await staffUser(t, 'technician');
      // Key generation is the slow part: one encryption pair per person, made in parallel.
      const [k1, k2, k3, k4] = await Promise.all([1, 2, 3, 4].map(() => generateEncryptionKeyPair()));
      owner = await withEncryptionCertificate(
        await approvedProfessional(t, technician.client, 'Anne', 'Secrétariat'),
        k1!,
      );
      delegate = await withEncryptionCertificate(
        await approvedProfessional(t, technician.client, 'Bruno', 'Délégué'),
        k2!,
      );
      outsider = await withEncryptionCertificate(
        await approvedProfessional(t, technician.client, 'Chloé', 'Ailleurs'),
        k3!,
      );
      mailboxKeys = k4!;
      const created = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(created.statusCode).toBe(200);
      const { CONSOLE_ACTOR } = await import('../src/auth/actor.ts');
      const org = await t.ctx.organisations.create(CONSOLE_ACTOR, {
        kind: 'practice',
        name: 'Cabinet des Tilleuls',
      });
      const box = await t.ctx.mailboxes.create(CONSOLE_ACTOR, {
        address: `secretariat@${MAIL_DOMAIN}`,
        kind: 'CAB',
        organisationId: org.id,
        acceptsAttachments: true,
      });
      mailboxId = box.id;
      await t.ctx.db.transaction((tx) =>
        tx.db
          .insertInto('mailbox_members')
          .values({ mailbox_id: mailboxId, user_id: owner.userId, access: 'owner', created_at: 'x' })
          .execute(),
      );
    });
    afterAll(async () => t.close());

    async function certifyMailboxKey(keys: WebCryptoKeyPair): Promise<string> {
      const csrPem = await createCsr({
        keyPair: keys,
        usage: 'encryption',
        subject: { commonName: 'secretariat', email: `secretariat@${MAIL_DOMAIN}` },
      });
      const cert = await owner.client.post<{ serial: string }>('/api/pki/csr', {
        usage: 'encryption',
        csrPem,
        mailboxId,
      });
      if (cert.status !== 201) throw new Error(cert.text);
      return cert.body.serial;
    }

    it('stores the mailbox key only wrapped for each member, and each member opens their own', async () => {
      const serial = await certifyMailboxKey(mailboxKeys);
      const pkcs8 = await exportPkcs8(mailboxKeys.privateKey);
      const v1 = await owner.client.post<{ version: number }>(`/api/mailboxes/${mailboxId}/keys`, {
        certificateSerial: serial,
        wraps: [await wrapFor(pkcs8, owner)],
      });
      expect(v1.status).toBe(201);
      expect(v1.body.version).toBe(1);

      // The delegate joins: not a member before, can't read keys; an owner's device wraps v1 for them.
      expect((await delegate.client.get(`/api/mailboxes/${mailboxId}/keys`)).body).toMatchObject({
        error: { code: 'NOT_A_MEMBER' },
      });
      expect(
        (await owner.client.post(`/api/mailboxes/${mailboxId}/members`, { userId: delegate.userId })).status,
      ).toBe(204);
      const members = await owner.client.get<{ members: Array<{ userId: string; missingWraps: number[] }> }>(
        `/api/mailboxes/${mailboxId}/members`,
      );
      expect(members.body.members.find((m) => m.userId === delegate.userId)?.missingWraps).toEqual([1]);
      const ownerKeys = await owner.client.get<Array<{ keyId: string; envelope: string }>>(
        `/api/mailboxes/${mailboxId}/keys`,
      );
      const opened = await decrypt({
        envelope: base64Decode(ownerKeys.body[0]!.envelope),
        recipient: {
          certificatePem: owner.certificatePem,
          privateKeyPkcs8: new Uint8Array(await exportPkcs8(owner.keys.privateKey)),
        },
      });
      expect(Buffer.from(opened).equals(Buffer.from(pkcs8))).toBe(true);

      // A wrap addressed to someone else is refused, and nothing is stored.
      const misfiled = { userId: delegate.userId, envelope: (await wrapFor(pkcs8, outsider)).envelope };
      const refused = await owner.client.post(
        `/api/mailboxes/${mailboxId}/keys/${ownerKeys.body[0]!.keyId}/wraps`,
        { wraps: [misfiled] },
      );
      expect(refused.body).toMatchObject({ error: { code: 'ENVELOPE_WRONG_RECIPIENT' } });
      const forOutsider = await owner.client.post(
        `/api/mailboxes/${mailboxId}/keys/${ownerKeys.body[0]!.keyId}/wraps`,
        {
          wraps: [await wrapFor(pkcs8, outsider)],
        },
      );
      expect(forOutsider.body).toMatchObject({ error: { code: 'WRAPS_INCOMPLETE' } });
      const garbage = await owner.client.post(
        `/api/mailboxes/${mailboxId}/keys/${ownerKeys.body[0]!.keyId}/wraps`,
        {
          wraps: [{ userId: delegate.userId, envelope: base64Encode(new Uint8Array(64).fill(7)) }],
        },
      );
      expect(garbage.body).toMatchObject({ error: { code: 'ENVELOPE_INVALID' } });

      const added = await owner.client.post(
        `/api/mailboxes/${mailboxId}/keys/${ownerKeys.body[0]!.keyId}/wraps`,
        {
          wraps: [await wrapFor(pkcs8, delegate)],
        },
      );
      expect(added.status).toBe(204);
      const delegateKeys = await delegate.client.get<Array<{ envelope: string; version: number }>>(
        `/api/mailboxes/${mailboxId}/keys`,
      );
      expect(delegateKeys.body.map((k) => k.version)).toEqual([1]);
      const theirs = await decrypt({
        envelope: base64Decode(delegateKeys.body[0]!.envelope),
        recipient: {
          certificatePem: delegate.certificatePem,
          privateKeyPkcs8: new Uint8Array(await exportPkcs8(delegate.keys.privateKey)),
        },
      });
      expect(Buffer.from(theirs).equals(Buffer.from(pkcs8))).toBe(true);
      // A delegate cannot manage members.
      expect(
        (await delegate.client.post(`/api/mailboxes/${mailboxId}/members`, { userId: outsider.userId }))
          .status,
      ).toBe(403);
    });

    it('rotates after a delegate leaves: they lose every envelope, the owner keeps old and new', async () => {
      expect(
        (await owner.client.delete(`/api/mailboxes/${mailboxId}/members/${delegate.userId}`)).status,
      ).toBe(204);
      expect((await delegate.client.get(`/api/mailboxes/${mailboxId}/keys`)).body).toMatchObject({
        error: { code: 'NOT_A_MEMBER' },
      });
      const state = await owner.client.get<{ rotationRequired: boolean }>(
        `/api/mailboxes/${mailboxId}/members`,
      );
      expect(state.body.rotationRequired).toBe(true);
      expect(
        await t.ctx.db.read
          .selectFrom('mailbox_key_wraps')
          .select('user_id')
          .where('user_id', '=', delegate.userId)
          .execute(),
      ).toEqual([]);

      const next = await generateEncryptionKeyPair();
      const serial = await certifyMailboxKey(next);
      const pkcs8 = await exportPkcs8(next.privateKey);
      // The new version must be wrapped for exactly the remaining members.
      const incomplete = await owner.client.post(`/api/mailboxes/${mailboxId}/keys`, {
        certificateSerial: serial,
        wraps: [await wrapFor(pkcs8, owner), await wrapFor(pkcs8, outsider)],
      });
      expect(incomplete.body).toMatchObject({ error: { code: 'WRAPS_INCOMPLETE' } });
      const v2 = await owner.client.post<{ version: number }>(`/api/mailboxes/${mailboxId}/keys`, {
        certificateSerial: serial,
        wraps: [await wrapFor(pkcs8, owner)],
      });
      expect(v2.body.version).toBe(2);
      const mine = await owner.client.get<Array<{ version: number }>>(`/api/mailboxes/${mailboxId}/keys`);
      expect(mine.body.map((k) => k.version)).toEqual([1, 2]);
      const after = await owner.client.get<{ rotationRequired: boolean }>(
        `/api/mailboxes/${mailboxId}/members`,
      );
      expect(after.body.rotationRequired).toBe(false);
      // The last owner stays.
      expect(
        (await owner.client.delete(`/api/mailboxes/${mailboxId}/members/${owner.userId}`)).body,
      ).toMatchObject({
        error: { code: 'LAST_OWNER' },
      });
    });
  });
}
