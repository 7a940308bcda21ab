import { randomRpps } from '@liaison/core/synthetic/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../src/accounts/userStore.ts';
import { CONSOLE_ACTOR } from '../src/auth/actor.ts';
import { AppError } from '../src/errors.ts';
import type { CertificateView } from '../src/pki/index.ts';
import { x509, type CryptoKeyPair } from '../src/pki/x509.ts';
import { Client, MAIL_DOMAIN, staffUser } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import {
  approvedProfessional,
  makeCsr,
  opensslAt,
  opensslVerify,
  PASSWORD,
  rsaKeys,
  startPkiInstance,
  tamperSignature,
  type PkiInstance,
  type Professional,
} from './support/pki.ts';

// Client keys are slow to make (RSA 3072): made once for the whole file, shared by both databases.
let keys: Record<'signing' | 'renewed' | 'encryption' | 'other' | 'mailbox', CryptoKeyPair>;
let weak: CryptoKeyPair;
beforeAll(async () => {
  const [signing, renewed, encryption, other, mailbox, small] = await Promise.all([
    rsaKeys(3072),
    rsaKeys(3072),
    rsaKeys(3072),
    rsaKeys(3072),
    rsaKeys(3072),
    rsaKeys(2048),
  ]);
  keys = { signing, renewed, encryption, other, mailbox };
  weak = small;
}, 120_000);

const parse = (view: CertificateView) => new x509.X509Certificate(view.certificatePem);

for (const backend of testBackends()) {
  describe(`certificate authority on ${backend.name}`, () => {
    let t: PkiInstance;
    let technician: Awaited<ReturnType<typeof staffUser>>;
    let elodie: Professional;
    let marc: Professional;
    const issued: Record<string, CertificateView> = {};
    const at = () => opensslAt(t.clock);
    const chain = async () => (await new Client(t.app).get('/pki/ca.pem')).text;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      technician = await staffUser(t, 'technician');
      elodie = await approvedProfessional(t, technician.client, 'Élodie', 'Le Gall-Durand');
      marc = await approvedProfessional(t, technician.client, 'Marc', 'Petit');
    }, 120_000);
    afterAll(async () => t.close());

    it('issues signing and encryption certificates to the approved identity, per the profile', async () => {
      const expected = await elodie.client.get('/api/pki/subject?usage=signing');
      expect(expected.body).toEqual({
        commonName: 'Élodie LE GALL-DURAND',
        serialNumber: `8${elodie.rpps}`,
        emails: [elodie.address],
      });
      for (const usage of ['signing', 'encryption'] as const) {
        const res = await elodie.client.post<CertificateView>('/api/pki/csr', {
          usage,
          csrPem: await makeCsr(keys[usage], {
            commonName: 'Élodie LE GALL-DURAND',
            serialNumber: `8${elodie.rpps}`,
            emails: [elodie.address],
          }),
        });
        expect(res.status, res.text).toBe(201);
        expect(res.body).toMatchObject({ usage, state: 'active', status: 'good', userId: elodie.userId });
        issued[usage] = res.body;
      }
      const [issuing, root] = x509.PemConverter.decode(await chain()).map(
        (der) => new x509.X509Certificate(der),
      );
      for (const usage of ['signing', 'encryption'] as const) {
        const cert = parse(issued[usage]!);
        expect(cert.serialNumber).toBe(issued[usage]!.serial);
        expect(cert.serialNumber).toMatch(/^(0[1-9a-f]|[1-7][0-9a-f])[0-9a-f]{30}$/);
        expect(cert.subjectName.getField('CN')).toEqual(['Élodie LE GALL-DURAND']);
        expect(cert.subjectName.getField('2.5.4.5')).toEqual([`8${elodie.rpps}`]);
        expect(cert.issuer).toBe(issuing!.subject);
        expect(cert.signatureAlgorithm).toMatchObject({
          name: 'RSASSA-PKCS1-v1_5',
          hash: { name: 'SHA-256' },
        });
        const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
        expect(san?.names.items.map((n) => [n.type, n.value])).toEqual([['email', elodie.address]]);
        const ku = cert.getExtension(x509.KeyUsagesExtension);
        expect(ku?.critical).toBe(true);
        expect(ku?.usages).toBe(
          usage === 'signing' ? x509.KeyUsageFlags.digitalSignature : x509.KeyUsageFlags.keyEncipherment,
        );
        expect(cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([
          x509.ExtendedKeyUsage.emailProtection,
        ]);
        expect(cert.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(false);
        const ski = await x509.SubjectKeyIdentifierExtension.create(keys[usage].publicKey);
        expect(cert.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId).toBe(ski.keyId);
        expect(cert.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId).toBe(
          issuing!.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId,
        );
        const dp = cert.getExtension(x509.CRLDistributionPointsExtension);
        expect(dp?.distributionPoints[0]?.distributionPoint?.fullName?.[0]?.uniformResourceIdentifier).toBe(
          'http://localhost:8080/pki/crl.der',
        );
        const years = (cert.notAfter.getTime() - cert.notBefore.getTime()) / (365.25 * 24 * 3600_000);
        expect(years).toBeCloseTo(2, 1);
        expect(await cert.verify({ publicKey: issuing!.publicKey, signatureOnly: true })).toBe(true);
      }
      expect(root!.subject).toBe(`CN=Liaison Root CA – ${MAIL_DOMAIN}`);
      expect(root!.getExtension(x509.BasicConstraintsExtension)).toMatchObject({ ca: true, critical: true });
      expect(issuing!.getExtension(x509.BasicConstraintsExtension)).toMatchObject({
        ca: true,
        pathLength: 0,
      });
      expect(issuing!.getExtension(x509.KeyUsagesExtension)?.usages).toBe(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
      );

      const files = { 'chain.pem': await chain(), 'sig.pem': issued.signing!.certificatePem };
      const sig = await opensslVerify({ ...files, 'enc.pem': issued.encryption!.certificatePem }, [
        ...at(),
        '-x509_strict',
        '-purpose',
        'smimesign',
        '-CAfile',
        'chain.pem',
        'sig.pem',
      ]);
      expect(sig.output).toContain('sig.pem: OK');
      expect(sig.code).toBe(0);
      const enc = await opensslVerify(
        { 'chain.pem': await chain(), 'enc.pem': issued.encryption!.certificatePem },
        [...at(), '-x509_strict', '-purpose', 'smimeencrypt', '-CAfile', 'chain.pem', 'enc.pem'],
      );
      expect(enc.output).toContain('enc.pem: OK');
    });

    it('refuses CSRs that do not match what was approved, each with its code, storing nothing', async () => {
      const count = async (table: 'pki_certificates' | 'audit_events') =>
        Number(
          (
            await t.ctx.db.read
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      // A pending registration cannot sign in at all; the service refuses it too, for any caller path.
      const pending = await new Client(t.app).post<{ userId: string }>('/api/registrations', {
        email: 'attente@cabinet.test',
        password: PASSWORD,
        firstName: 'Paul',
        lastName: 'Attente',
        nationalIdKind: 'rpps',
        nationalId: randomRpps(),
        profession: '10',
        charterVersion: 1,
      });
      expect(pending.status, pending.text).toBe(201);
      const pendingId = pending.body.userId;
      const before = [await count('pki_certificates'), await count('audit_events')];
      const good = {
        commonName: 'Élodie LE GALL-DURAND',
        serialNumber: `8${elodie.rpps}`,
        emails: [elodie.address],
      };
      const cases: Array<[string, Record<string, unknown>, string, string?]> = [
        [
          'wrong name',
          { csrPem: await makeCsr(keys.other, { ...good, commonName: 'Élodie Le Gall-Durand' }) },
          'CSR_IDENTITY_MISMATCH',
          'commonName',
        ],
        [
          'wrong serialNumber',
          { csrPem: await makeCsr(keys.other, { ...good, serialNumber: `0${elodie.rpps}` }) },
          'CSR_IDENTITY_MISMATCH',
          'serialNumber',
        ],
        [
          'no serialNumber',
          { csrPem: await makeCsr(keys.other, { ...good, serialNumber: undefined }) },
          'CSR_IDENTITY_MISMATCH',
          'serialNumber',
        ],
        [
          "someone else's mailbox",
          { csrPem: await makeCsr(keys.other, { ...good, emails: [marc.address] }) },
          'CSR_IDENTITY_MISMATCH',
          'email',
        ],
        [
          'extra subject attribute',
          { csrPem: await makeCsr(keys.other, { ...good, extra: { O: 'Clinique' } }) },
          'CSR_IDENTITY_MISMATCH',
          'subject',
        ],
        ['2048-bit key', { csrPem: await makeCsr(weak, good) }, 'WEAK_KEY'],
        [
          'bad signature',
          { csrPem: tamperSignature(await makeCsr(keys.other, good)) },
          'CSR_SIGNATURE_INVALID',
        ],
        [
          'not a CSR',
          { csrPem: '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----' },
          'CSR_INVALID',
        ],
        [
          'unknown mailbox',
          { mailboxId: crypto.randomUUID(), csrPem: await makeCsr(keys.other, good) },
          'MAILBOX_NOT_FOUND',
        ],
      ];
      for (const [label, body, code, field] of cases) {
        const res = await elodie.client.post('/api/pki/csr', { usage: 'signing', ...body });
        expect(res.status, label).toBeGreaterThanOrEqual(400);
        expect(res.status, label).toBeLessThan(500);
        expect(res.body, label).toMatchObject({ error: { code, ...(field ? { details: { field } } : {}) } });
      }
      const anonymous = await new Client(t.app).post('/api/pki/csr', { usage: 'signing', csrPem: 'x' });
      expect(anonymous.body).toMatchObject({ error: { code: 'NOT_AUTHENTICATED' } });

      const refused = await t.pki
        .issue(await actorFor(t.ctx.db.read, pendingId), {
          usage: 'signing',
          csrPem: await makeCsr(keys.other, { commonName: 'Paul ATTENTE', emails: [] }),
        })
        .catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('ACCOUNT_PENDING');
      expect([await count('pki_certificates'), await count('audit_events')]).toEqual(before);
    });
    it('renews: the new certificate supersedes the old one, which stays listed and valid', async () => {
      const renewed = await elodie.client.post<CertificateView>('/api/pki/csr', {
        usage: 'signing',
        csrPem: await makeCsr(keys.renewed, {
          commonName: 'Élodie LE GALL-DURAND',
          serialNumber: `8${elodie.rpps}`,
        }),
      });
      expect(renewed.status, renewed.text).toBe(201);
      expect(renewed.body.emails).toEqual([elodie.address]);
      const old = await elodie.client.get<CertificateView>(`/api/pki/certificates/${issued.signing!.serial}`);
      expect(old.body).toMatchObject({
        state: 'superseded',
        status: 'superseded',
        supersededAt: t.clock.now().toISOString(),
        supersededBy: renewed.body.serial,
        revokedAt: null,
      });
      issued.renewed = renewed.body;

      const history = await marc.client.get<CertificateView[]>(
        `/api/pki/users/${elodie.userId}/certificates`,
      );
      expect(history.status).toBe(200);
      expect(history.body.map((c) => [c.serial, c.usage, c.state]).sort()).toEqual(
        [
          [issued.signing!.serial, 'signing', 'superseded'],
          [issued.encryption!.serial, 'encryption', 'active'],
          [renewed.body.serial, 'signing', 'active'],
        ].sort(),
      );
      expect(history.body.every((c) => c.certificatePem.startsWith('-----BEGIN CERTIFICATE-----'))).toBe(
        true,
      );
      // Superseded is not revoked: signatures made before the renewal still verify.
      const crl = (await new Client(t.app).get('/pki/crl.pem')).text;
      const check = await opensslVerify(
        { 'chain.pem': await chain(), 'crl.pem': crl, 'old.pem': issued.signing!.certificatePem },
        [...at(), '-crl_check', '-CAfile', 'chain.pem', '-CRLfile', 'crl.pem', 'old.pem'],
      );
      expect(check.output).toContain('old.pem: OK');
    });

    it('finds the current encryption certificate of a mailbox and a certificate by serial', async () => {
      const anonymous = await new Client(t.app).get(`/api/pki/mailboxes/${elodie.address}/certificates`);
      expect(anonymous.status).toBe(401);
      const current = await marc.client.get<CertificateView[]>(
        `/api/pki/mailboxes/${elodie.address.toUpperCase()}/certificates`,
      );
      expect(current.status).toBe(200);
      expect(current.body.map((c) => c.serial)).toEqual([issued.encryption!.serial]);
      const none = await elodie.client.get<CertificateView[]>(
        `/api/pki/mailboxes/${marc.address}/certificates`,
      );
      expect(none.body).toEqual([]);
      const unknown = await elodie.client.get(`/api/pki/mailboxes/personne@${MAIL_DOMAIN}/certificates`);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ error: { code: 'MAILBOX_NOT_FOUND' } });
      const bySerial = await marc.client.get<CertificateView>(
        `/api/pki/certificates/${issued.encryption!.serial.toUpperCase().replace(/(..)(?!$)/g, '$1:')}`,
      );
      expect(bySerial.body).toMatchObject({ serial: issued.encryption!.serial, status: 'good' });
      const missing = await marc.client.get('/api/pki/certificates/0badc0de');
      expect(missing.body).toMatchObject({ error: { code: 'CERT_NOT_FOUND' } });
      expect((await marc.client.get(`/api/pki/users/${crypto.randomUUID()}/certificates`)).status).toBe(404);
    });

    it('certifies a shared mailbox key for one of its owners only', async () => {
      const org = await t.ctx.organisations.create(CONSOLE_ACTOR, {
        kind: 'hospital',
        name: 'CH de Dunkerque',
      });
      const admin = await staffUser(t, 'establishment_admin', org.id);
      await admin.client.post('/api/devices', { name: 'Poste DSI' });
      const address = `cardiologie@${MAIL_DOMAIN}`;
      const mailbox = await admin.client.post<{ id: string }>('/api/mailboxes', {
        address,
        kind: 'ORG',
        organisationId: org.id,
      });
      expect(mailbox.status, mailbox.text).toBe(201);
      const expected = await admin.client.get(
        `/api/pki/subject?usage=encryption&mailboxId=${mailbox.body.id}`,
      );
      expect(expected.body).toEqual({ commonName: 'cardiologie', serialNumber: null, emails: [address] });
      const csrPem = await makeCsr(keys.mailbox, { commonName: 'cardiologie', emails: [address] });
      const outsider = await elodie.client.post('/api/pki/csr', {
        usage: 'encryption',
        mailboxId: mailbox.body.id,
        csrPem,
      });
      expect(outsider.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
      const signing = await admin.client.post('/api/pki/csr', {
        usage: 'signing',
        mailboxId: mailbox.body.id,
        csrPem,
      });
      expect(signing.body).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: { field: 'usage' } },
      });
      const personal = await admin.client.post('/api/pki/csr', { usage: 'encryption', csrPem });
      expect(personal.body).toMatchObject({
        error: { code: 'CSR_IDENTITY_MISMATCH', details: { field: 'commonName' } },
      });

      const res = await admin.client.post<CertificateView>('/api/pki/csr', {
        usage: 'encryption',
        mailboxId: mailbox.body.id,
        csrPem,
      });
      expect(res.status, res.text).toBe(201);
      expect(res.body).toMatchObject({ mailboxId: mailbox.body.id, userId: admin.id, emails: [address] });
      expect(parse(res.body).subject).toBe('CN=cardiologie');
      const lookup = await elodie.client.get<CertificateView[]>(`/api/pki/mailboxes/${address}/certificates`);
      expect(lookup.body.map((c) => c.serial)).toEqual([res.body.serial]);
      const ok = await opensslVerify({ 'chain.pem': await chain(), 'box.pem': res.body.certificatePem }, [
        ...at(),
        '-x509_strict',
        '-purpose',
        'smimeencrypt',
        '-CAfile',
        'chain.pem',
        'box.pem',
      ]);
      expect(ok.output).toContain('box.pem: OK');
    });
  });
}
