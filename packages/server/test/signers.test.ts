import { serverTrustHooks, type GetJson } from '@liaison/core/client/index';
import {
  createCsr,
  generateSigningKeyPair,
  isCryptoError,
  sign,
  utf8,
  verify,
  type WebCryptoKeyPair,
} from '@liaison/core/crypto/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR } from '../src/auth/actor.ts';
import { MAIL_DOMAIN, staffUser, type Client } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { approvedProfessional, startPkiInstance, type PkiInstance } from './support/pki.ts';

interface Signer {
  client: Client;
  userId: string;
  keys: WebCryptoKeyPair;
  certificatePem: string;
  serial: string;
}

async function withSigningCertificate(
  client: Client,
  userId: string,
  keys: WebCryptoKeyPair,
): Promise<Signer> {
  const subject = await client.get<{ commonName: string; serialNumber: string | null; emails: string[] }>(
    '/api/pki/subject?usage=signing',
  );
  const csrPem = await createCsr({
    keyPair: keys,
    usage: 'signing',
    subject: {
      commonName: subject.body.commonName,
      ...(subject.body.serialNumber ? { serialNumber: subject.body.serialNumber } : {}),
      email: subject.body.emails[0]!,
    },
  });
  const cert = await client.post<{ certificatePem: string; serial: string }>('/api/pki/csr', {
    usage: 'signing',
    csrPem,
  });
  if (cert.status !== 201) throw new Error(cert.text);
  return { client, userId, keys, certificatePem: cert.body.certificatePem, serial: cert.body.serial };
}

function getJson(client: Client): GetJson {
  return async (path) => {
    const res = await client.get(path);
    if (res.status !== 200) throw new Error(`${path}: ${res.text}`);
    return res.body;
  };
}

for (const backend of testBackends()) {
  describe(`who may sign for a mailbox, and when, on ${backend.name}`, () => {
    let t: PkiInstance;
    let owner: Signer;
    let delegate: Signer;
    let mailboxId: string;
    let chain: string[];
    const address = `accueil@${MAIL_DOMAIN}`;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      const technician = await staffUser(t, 'technician');
      const [k1, k2] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
      const a = await approvedProfessional(t, technician.client, 'Agnès', 'Titulaire');
      const b = await approvedProfessional(t, technician.client, 'Basile', 'Remplaçant');
      owner = await withSigningCertificate(a.client, a.userId, k1);
      delegate = await withSigningCertificate(b.client, b.userId, k2);
      const org = await t.ctx.organisations.create(CONSOLE_ACTOR, {
        kind: 'practice',
        name: 'Cabinet du Port',
      });
      const box = await t.ctx.mailboxes.create(CONSOLE_ACTOR, {
        address,
        kind: 'CAB',
        organisationId: org.id,
        acceptsAttachments: true,
      });
      mailboxId = box.id;
      const { addMembership } = await import('../src/mailboxes/store.ts');
      await t.ctx.db.transaction((tx) =>
        addMembership(tx, mailboxId, owner.userId, 'owner', t.clock.now().toISOString()),
      );
      const pem = await owner.client.call('GET', '/pki/ca.pem');
      chain = [pem.text];
    });
    afterAll(async () => t.close());

    async function signAsNow(signer: Signer, text: string): Promise<Uint8Array> {
      return sign({
        content: utf8(`Content-Type: text/plain\r\n\r\n${text}`),
        signer: { privateKey: signer.keys.privateKey, certificatePem: signer.certificatePem },
        signingTime: t.clock.now(),
      });
    }

    async function verifyFor(signed: Uint8Array, reader: Client): Promise<string> {
      try {
        await verify({
          signed,
          trust: { caCertificatesPem: chain, ...serverTrustHooks(getJson(reader), address) },
          now: t.clock.now(),
        });
        return 'valid';
      } catch (err) {
        if (isCryptoError(err)) return err.code;
        throw err;
      }
    }

    it('accepts a delegate signing while a member, refuses the same person after removal', async () => {
      expect(await verifyFor(await signAsNow(delegate, 'avant'), owner.client)).toBe('SIGNER_NOT_ALLOWED');

      t.clock.advance(20 * 60_000);
      expect(
        (await owner.client.post(`/api/mailboxes/${mailboxId}/members`, { userId: delegate.userId })).status,
      ).toBe(204);
      t.clock.advance(60_000);
      const whileMember = await signAsNow(delegate, 'pendant le remplacement');
      expect(await verifyFor(whileMember, owner.client)).toBe('valid');

      t.clock.advance(20 * 60_000);
      expect(
        (await owner.client.delete(`/api/mailboxes/${mailboxId}/members/${delegate.userId}`)).status,
      ).toBe(204);
      // Sessions end after an hour idle, so "later" is 40 minutes here; the rule is the same a day on.
      t.clock.advance(40 * 60_000);
      const later = await signAsNow(delegate, 'après le départ');
      expect(await verifyFor(later, owner.client)).toBe('SIGNER_NOT_ALLOWED');
      // What they signed while they were a member stays valid.
      expect(await verifyFor(whileMember, owner.client)).toBe('valid');
    });

    it('refuses signatures made after a revocation for compromise, keeps earlier ones', async () => {
      const before = await signAsNow(owner, 'avant la compromission');
      t.clock.advance(60_000);
      const revoked = await owner.client.post(`/api/pki/certificates/${owner.serial}/revoke`, {
        reason: 'keyCompromise',
      });
      expect(revoked.status).toBe(200);
      t.clock.advance(60_000);
      const after = await signAsNow(owner, 'après la compromission');
      expect(await verifyFor(after, owner.client)).toBe('CERT_REVOKED');
      expect(await verifyFor(before, owner.client)).toBe('valid');
    });

    it('answers the signer check only to signed-in users, with clear refusals', async () => {
      const query = `address=${encodeURIComponent(address)}&serial=${owner.serial}&at=${encodeURIComponent(t.clock.now().toISOString())}`;
      const { Client: C } = await import('./support/app.ts');
      expect((await new C(t.app).get(`/api/mailboxes/signer-check?${query}`)).status).toBe(401);
      const unknown = await owner.client.get(
        `/api/mailboxes/signer-check?address=nobody%40${MAIL_DOMAIN}&serial=${owner.serial}&at=${encodeURIComponent(t.clock.now().toISOString())}`,
      );
      expect(unknown.body).toMatchObject({ error: { code: 'MAILBOX_NOT_FOUND' } });
      const badTime = await owner.client.get(
        `/api/mailboxes/signer-check?address=${encodeURIComponent(address)}&serial=${owner.serial}&at=yesterday`,
      );
      expect(badTime.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    });
  });
}
