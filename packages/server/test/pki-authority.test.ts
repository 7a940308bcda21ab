import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../src/auth/secretBox.ts';
import { PkiService, type CertificateView } from '../src/pki/index.ts';
import { SIGNING_ALGORITHM, x509, type CryptoKeyPair } from '../src/pki/x509.ts';
import { Client, staffUser, TEST_SECRET } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import {
  approvedProfessional,
  crlNumberOf,
  makeCsr,
  opensslAt,
  opensslVerify,
  rsaKeys,
  startPkiInstance,
  twoNodes,
  type PkiInstance,
  type Professional,
} from './support/pki.ts';

// Revocation, CRLs, CA key storage and bootstrap. Client keys (RSA 3072) are made once per file.
let keys: Record<'signing' | 'encryption' | 'other', CryptoKeyPair>;
beforeAll(async () => {
  const [signing, encryption, other] = await Promise.all([rsaKeys(3072), rsaKeys(3072), rsaKeys(3072)]);
  keys = { signing, encryption, other };
}, 120_000);

async function issue(
  pro: Professional,
  usage: 'signing' | 'encryption',
  key: CryptoKeyPair,
  commonName: string,
): Promise<CertificateView> {
  const res = await pro.client.post<CertificateView>('/api/pki/csr', {
    usage,
    csrPem: await makeCsr(key, { commonName, serialNumber: `8${pro.rpps}` }),
  });
  if (res.status !== 201) throw new Error(`issuance failed: ${res.text}`);
  return res.body;
}

for (const backend of testBackends()) {
  describe(`certificate authority: revocation and keys on ${backend.name}`, () => {
    let t: PkiInstance;
    let technician: Awaited<ReturnType<typeof staffUser>>;
    let elodie: Professional;
    let marc: Professional;
    const get = async (url: string) => (await new Client(t.app).get(url)).text;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      technician = await staffUser(t, 'technician');
      elodie = await approvedProfessional(t, technician.client, 'Élodie', 'Le Gall-Durand');
      marc = await approvedProfessional(t, technician.client, 'Marc', 'Petit');
    }, 120_000);
    afterAll(async () => t.close());

    it('revokes with a reason, publishes the CRL, and OpenSSL then rejects only the revoked one', async () => {
      const signing = await issue(elodie, 'signing', keys.signing, 'Élodie LE GALL-DURAND');
      const encryption = await issue(elodie, 'encryption', keys.encryption, 'Élodie LE GALL-DURAND');
      const marcCert = await issue(marc, 'encryption', keys.other, 'Marc PETIT');
      const crlBefore = new x509.X509Crl(await get('/pki/crl.pem'));
      const revokeUrl = `/api/pki/certificates/${signing.serial}/revoke`;

      const forbidden = await marc.client.post(revokeUrl, { reason: 'keyCompromise' });
      expect(forbidden.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
      const badReason = await elodie.client.post(revokeUrl, { reason: 'certificateHold' });
      expect(badReason.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      expect((await new Client(t.app).post(revokeUrl, { reason: 'unspecified' })).status).toBe(401);
      t.clock.advance(60_000);
      const revoked = await elodie.client.post<CertificateView>(revokeUrl, { reason: 'keyCompromise' });
      expect(revoked.status, revoked.text).toBe(200);
      expect(revoked.body).toMatchObject({
        state: 'revoked',
        status: 'revoked',
        revokedAt: t.clock.now().toISOString(),
        revocationReason: 'keyCompromise',
      });
      const again = await technician.client.post(revokeUrl, { reason: 'superseded' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ error: { code: 'ALREADY_REVOKED' } });
      const unknown = await technician.client.post('/api/pki/certificates/0badc0de/revoke', {
        reason: 'superseded',
      });
      expect(unknown.body).toMatchObject({ error: { code: 'CERT_NOT_FOUND' } });
      const byTechnician = await technician.client.post(`/api/pki/certificates/${marcCert.serial}/revoke`, {
        reason: 'affiliationChanged',
      });
      expect(byTechnician.status).toBe(200);
      // A revoked encryption certificate is no longer handed to senders.
      const marcNow = await elodie.client.get(`/api/pki/mailboxes/${marc.address}/certificates`);
      expect(marcNow.body).toEqual([]);
      const audit = await t.ctx.db.read
        .selectFrom('audit_events')
        .select(['action', 'target'])
        .where('action', 'like', 'pki.certificate.%')
        .execute();
      expect(audit).toEqual(
        expect.arrayContaining([
          { action: 'pki.certificate.issued', target: signing.serial },
          { action: 'pki.certificate.revoked', target: signing.serial },
          { action: 'pki.certificate.revoked', target: marcCert.serial },
        ]),
      );

      const der = await t.app.inject({ method: 'GET', url: '/pki/crl.der' });
      expect(der.statusCode).toBe(200);
      expect(der.headers['content-type']).toBe('application/pkix-crl');
      const pem = await get('/pki/crl.pem');
      const crl = new x509.X509Crl(pem);
      expect(Buffer.from(crl.rawData)).toEqual(der.rawPayload);
      expect(crl.version).toBe(1); // X.509 v2, encoded as INTEGER 1
      expect(crlNumberOf(crl)).toBe(crlNumberOf(crlBefore) + 2);
      expect(crl.findRevoked(signing.serial)).toMatchObject({ reason: x509.X509CrlReason.keyCompromise });
      expect(crl.findRevoked(signing.serial)?.revocationDate.toISOString()).toBe(
        new Date(Math.floor(t.clock.now().getTime() / 1000) * 1000).toISOString(),
      );
      expect(crl.findRevoked(marcCert.serial)?.reason).toBe(x509.X509CrlReason.affiliationChanged);
      expect(crl.findRevoked(encryption.serial)).toBeNull();
      expect((crl.nextUpdate?.getTime() ?? 0) - crl.thisUpdate.getTime()).toBe(7 * 24 * 3600_000);

      const files = {
        'chain.pem': await get('/pki/ca.pem'),
        'crl.pem': pem,
        'crls.pem': pem + (await get('/pki/root-crl.pem')),
        'revoked.pem': signing.certificatePem,
        'good.pem': encryption.certificatePem,
      };
      const verify = (crlCheck: string, crlFile: string, cert: string) =>
        opensslVerify(files, [
          ...opensslAt(t.clock),
          crlCheck,
          '-CAfile',
          'chain.pem',
          '-CRLfile',
          crlFile,
          cert,
        ]);
      const rejected = await verify('-crl_check', 'crl.pem', 'revoked.pem');
      expect(rejected.code).not.toBe(0);
      expect(rejected.output).toContain('certificate revoked');
      expect((await verify('-crl_check', 'crl.pem', 'good.pem')).output).toContain('good.pem: OK');
      // The whole chain, root CRL included.
      expect((await verify('-crl_check_all', 'crls.pem', 'good.pem')).output).toContain('good.pem: OK');
    });

    it('re-signs a CRL that is a day old when it is fetched', async () => {
      const first = new x509.X509Crl(await get('/pki/crl.pem'));
      expect(crlNumberOf(new x509.X509Crl(await get('/pki/crl.pem')))).toBe(crlNumberOf(first));
      t.clock.advance(25 * 3600_000);
      const fresh = new x509.X509Crl(await get('/pki/crl.pem'));
      expect(crlNumberOf(fresh)).toBe(crlNumberOf(first) + 1);
      expect(fresh.thisUpdate.getTime()).toBeGreaterThan(first.thisUpdate.getTime());
      expect(fresh.entries.map((e) => e.serialNumber).sort()).toEqual(
        first.entries.map((e) => e.serialNumber).sort(),
      );
    });

    it('keeps the CA private keys out of the database in any readable form', async () => {
      const dump: string[] = [];
      for (const table of await t.ctx.db.raw.introspection.getTables()) {
        const rows = await sql`select * from ${sql.table(table.name)}`.execute(t.ctx.db.raw);
        dump.push(JSON.stringify(rows.rows));
      }
      const text = dump.join('\n');
      expect(text).toContain('BEGIN CERTIFICATE');
      expect(text).not.toContain('PRIVATE KEY');
      const authorities = await t.ctx.db.read.selectFrom('pki_authorities').selectAll().execute();
      expect(authorities.map((a) => a.role).sort()).toEqual(['issuing', 'root']);
      for (const authority of authorities) {
        // Open the sealed key as the server does, to know exactly what must not appear in clear.
        const pkcs8 = new SecretBox(TEST_SECRET, `pki ${authority.role} ca key`).open(authority.sealed_key);
        const der = Buffer.from(pkcs8, 'base64');
        expect(der.subarray(4, 22).toString('hex')).toBe('020100300d06092a864886f70d0101010500');
        const hex = der.toString('hex');
        for (const needle of [
          pkcs8.slice(0, 24),
          pkcs8.slice(600, 664),
          hex.slice(0, 64),
          hex.slice(1200, 1264),
        ]) {
          expect(text).not.toContain(needle);
        }
        // …and the sealed key really is this authority's key.
        const key = await crypto.subtle.importKey('pkcs8', der, SIGNING_ALGORITHM, false, ['sign']);
        const data = new TextEncoder().encode('proof');
        const signature = await crypto.subtle.sign(SIGNING_ALGORITHM, key, data);
        const certificate = new x509.X509Certificate(authority.certificate_pem);
        const publicKey = await crypto.subtle.importKey(
          'spki',
          certificate.publicKey.rawData,
          SIGNING_ALGORITHM,
          false,
          ['verify'],
        );
        expect(await crypto.subtle.verify(SIGNING_ALGORITHM, publicKey, signature, data)).toBe(true);
        expect(certificate.publicKey.algorithm).toMatchObject({
          modulusLength: authority.role === 'root' ? 4096 : 3072,
        });
      }
    });

    it('creates one CA when two nodes start at the same time', async () => {
      const cluster = await twoNodes(backend);
      try {
        const [a, b] = cluster.nodes.map((ctx) => new PkiService(ctx));
        const [fromA, fromB] = await Promise.all([a!.ensureAuthority(), b!.ensureAuthority()]);
        expect(fromA).toEqual(fromB);
        const rows = await cluster.nodes[0].db.read
          .selectFrom('pki_authorities')
          .select(['role', 'serial'])
          .execute();
        expect(rows.map((r) => r.role).sort()).toEqual(['issuing', 'root']);
        expect(rows.find((r) => r.role === 'root')?.serial).toBe(fromA.root.serial);
        expect(await b!.ensureAuthority()).toEqual(fromA);
        const created = await cluster.nodes[0].db.read
          .selectFrom('audit_events')
          .select('seq')
          .where('action', '=', 'pki.authority.created')
          .execute();
        expect(created).toHaveLength(1);
      } finally {
        await cluster.close();
      }
    }, 60_000);
  });
}
