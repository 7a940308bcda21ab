/**
 * The two promises of secure mail, checked against real peers: OpenSSL decrypts and verifies a letter
 * that went through the service, and nothing the sender wrote (subject, patient, text, attachment)
 * can be found in the database files or the server's logs.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MailMessage, SubmittedMessage } from '@liaison/core/api/mail';
import { exportPkcs8, pkcs8ToPem } from '@liaison/core/crypto/index';
import { buildHprim } from '@liaison/core/hprim/index';
import { openLetter, parseLetterEntity, sealLetter, type Letter } from '@liaison/core/mail/index';
import { serverTrustHooks } from '@liaison/core/client/index';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACT_PATHS } from '../src/logger.ts';
import { staffUser } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { box, mailUser, type MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';
import { opensslOk, tempDir, type TempDir } from '../../core/test/crypto/helpers/openssl.ts';

for (const backend of testBackends()) {
  describe(`the secure-mail promise on ${backend.name}`, () => {
    const marker = `MARQUEUR${crypto.randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}`;
    let dir: TempDir;
    let logFile: string;
    let t: PkiInstance;
    let hospital: MailUser;
    let gp: MailUser;
    let letter: Letter;
    let fetched: MailMessage;
    let caPem: string;

    beforeAll(async () => {
      dir = tempDir('liaison-mail-promise-');
      logFile = dir.file('server.log');
      // Everything the server logs, at the most verbose level, with production redaction.
      const logger = pino(
        { level: 'trace', redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
        pino.destination({ dest: logFile, sync: true }),
      );
      t = await startPkiInstance(backend, { logger });
      const technician = (await staffUser(t, 'technician')).client;
      hospital = await mailUser(t, technician, 'Hélène', 'Hôpital');
      gp = await mailUser(t, technician, 'Gaston', 'Généraliste');
      caPem = (await t.app.inject({ method: 'GET', url: '/pki/ca.pem' })).body;

      const text = buildHprim([
        {
          header: {
            patientId: '12345',
            lastName: `DUPONT${marker}`,
            firstName: 'Jeanne',
            birthDate: '1950-04-12',
            documentDate: '2026-03-01',
            sender: 'Service de cardiologie',
            recipient: 'Dr Généraliste',
          },
          text: `Compte rendu d'hospitalisation. ${marker}\nTraitement inchangé.`,
          results: [],
        },
      ]);
      letter = {
        messageId: crypto.randomUUID(),
        from: hospital.address,
        to: [gp.address],
        cc: [],
        subject: `Sortie d'hospitalisation ${marker}`,
        date: new Date(),
        inReplyTo: null,
        replyTo: null,
        text,
        attachments: [
          {
            filename: `ordonnance-${marker}.pdf`,
            contentType: 'application/pdf',
            content: new TextEncoder().encode(`%PDF-1.4\n% ${marker}\n%%EOF\n`),
          },
        ],
      };
      const submission = await sealLetter({
        letter,
        category: 'patient',
        patient: { lastName: `DUPONT${marker}`, firstName: 'Jeanne', birthDate: '1950-04-12' },
        signer: { privateKey: hospital.signing.privateKey, certificatePem: hospital.signingCertificatePem },
        recipientCertificatesPem: [hospital.encryptionCertificatePem, gp.encryptionCertificatePem],
      });
      const sent = await hospital.client.post<SubmittedMessage>('/api/mail/messages', submission);
      expect(sent.status).toBe(201);
      const answer = await gp.client.get<MailMessage>(`${box(gp.address)}/${letter.messageId}`);
      expect(answer.status).toBe(200);
      fetched = answer.body;
      expect((await gp.client.patch(`${box(gp.address)}/${letter.messageId}`, { read: true })).status).toBe(
        200,
      );
    });
    afterAll(async () => {
      await t.close();
      dir.remove();
    });

    it('the recipient opens it in core: signature verified against the server, letter intact', async () => {
      const get = async (path: string): Promise<unknown> => (await gp.client.get(path)).body;
      const opened = await openLetter({
        body: fetched.body,
        recipient: {
          certificatePem: gp.encryptionCertificatePem,
          privateKeyPkcs8: new Uint8Array(await exportPkcs8(gp.encryption.privateKey)),
        },
        trust: { caCertificatesPem: [caPem], ...serverTrustHooks(get, fetched.from) },
        envelope: { from: fetched.from, to: fetched.to, cc: fetched.cc },
      });
      expect(opened.letter.subject).toBe(letter.subject);
      expect(opened.letter.text).toBe(letter.text.replace(/\r\n/g, '\n')); // letters carry LF text
      expect(opened.signer.emails).toContain(hospital.address);
    });

    it('OpenSSL decrypts and verifies it with the recipient key', async () => {
      dir.file('letter.der', Buffer.from(fetched.body, 'base64'));
      dir.file('gp.key', pkcs8ToPem(await exportPkcs8(gp.encryption.privateKey)));
      dir.file('gp.crt', gp.encryptionCertificatePem);
      dir.file('ca.pem', caPem);
      const inner = opensslOk([
        'cms',
        '-decrypt',
        '-inform',
        'DER',
        '-in',
        join(dir.path, 'letter.der'),
        '-inkey',
        join(dir.path, 'gp.key'),
        '-recip',
        join(dir.path, 'gp.crt'),
      ]);
      const verified = opensslOk(
        ['cms', '-verify', '-CAfile', join(dir.path, 'ca.pem'), '-purpose', 'any'],
        inner,
      );
      const read = parseLetterEntity(new Uint8Array(verified));
      expect(read.subject).toBe(letter.subject);
      expect(read.text).toBe(letter.text.replace(/\r\n/g, '\n'));
      expect(read.attachments[0]?.filename).toBe(letter.attachments[0]!.filename);
      expect(Buffer.from(read.attachments[0]!.content).toString()).toContain(marker);
    });

    it('leaves no trace of the subject, patient, text or attachment in the database or the logs', () => {
      const haystacks: Array<[string, Buffer]> = [['server log', readFileSync(logFile)]];
      const database = t.ctx.config.database;
      if (database.kind === 'sqlite') {
        const folder = dirname(database.path);
        for (const name of readdirSync(folder)) haystacks.push([name, readFileSync(join(folder, name))]);
      } else {
        haystacks.push([
          'pg_dump',
          execFileSync('pg_dump', ['--data-only', database.url], { maxBuffer: 1 << 28 }),
        ]);
      }
      expect(readFileSync(logFile, 'utf8')).toContain(letter.messageId); // the log is really written
      for (const [name, bytes] of haystacks) {
        for (const needle of [marker, marker.toLowerCase(), `DUPONT${marker}`]) {
          expect({ name, found: bytes.includes(Buffer.from(needle, 'utf8')) }).toEqual({
            name,
            found: false,
          });
          expect({ name, found: bytes.includes(Buffer.from(needle, 'utf16le')) }).toEqual({
            name,
            found: false,
          });
        }
      }
      // The letter is really in there, as ciphertext.
      const sizes = haystacks.reduce((n, [, b]) => n + b.length, 0);
      expect(sizes).toBeGreaterThan(fetched.bodyBytes);
    });
  });
}
