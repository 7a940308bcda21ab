import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomRpps } from '@liaison/core/synthetic/index';
import * as asn1js from 'asn1js';
import type { Clock } from '../../src/clock.ts';
import { buildConfig } from '../../src/config/config.ts';
import { createContext, type AppContext } from '../../src/context.ts';
import type { PkiService } from '../../src/pki/index.ts';
import { SIGNING_ALGORITHM, x509, type CryptoKeyPair } from '../../src/pki/x509.ts';
import { Client, MAIL_DOMAIN, signIn, startInstance, TEST_SECRET, type TestInstance } from './app.ts';
import type { TestBackend } from './databases.ts';

export interface PkiInstance extends TestInstance {
  pki: PkiService;
}

/** A test instance whose CA exists before the first request (as `liaison serve` makes it). */
export async function startPkiInstance(
  backend: TestBackend,
  options: Parameters<typeof startInstance>[1] = {},
): Promise<PkiInstance> {
  const t = await startInstance(backend, options);
  await t.ctx.pki.ensureAuthority();
  return { ...t, pki: t.ctx.pki };
}

/** Two nodes (two contexts, two connection pools) on one fresh database, as in a cluster. */
export async function twoNodes(backend: TestBackend): Promise<{
  nodes: [AppContext, AppContext];
  close(): Promise<void>;
}> {
  const db = await backend.create();
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-data-'));
  const config = {
    ...buildConfig({
      LIAISON_DATA_DIR: dataDir,
      LIAISON_SECRET: TEST_SECRET,
      LIAISON_PUBLIC_URL: 'http://localhost:8080',
      LIAISON_MAIL_DOMAIN: MAIL_DOMAIN,
      LIAISON_LOG_LEVEL: 'silent',
    }),
    database: db.config,
  };
  const first = await createContext({ ...config, nodeId: 'node-a' });
  const second = await createContext({ ...config, nodeId: 'node-b' });
  return {
    nodes: [first, second],
    async close() {
      await first.close();
      await second.close();
      await db.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const PASSWORD = 'une phrase de passe solide';

export interface Professional {
  client: Client;
  userId: string;
  email: string;
  address: string;
  rpps: string;
}

/** Registers a professional over HTTP, has the technician approve them, and signs them in. */
export async function approvedProfessional(
  t: TestInstance,
  technician: Client,
  firstName: string,
  lastName: string,
): Promise<Professional> {
  const rpps = randomRpps();
  const email = `pro-${rpps}@cabinet.test`;
  const submitted = await new Client(t.app).post<{ id: string; userId: string }>('/api/registrations', {
    email,
    password: PASSWORD,
    firstName,
    lastName,
    nationalIdKind: 'rpps',
    nationalId: rpps,
    profession: '10',
    specialty: 'SM54',
    charterVersion: 1,
  });
  if (submitted.status !== 201) throw new Error(`registration failed: ${submitted.text}`);
  const approved = await technician.post(`/api/registrations/${submitted.body.id}/approve`);
  if (approved.status !== 200) throw new Error(`approval failed: ${approved.text}`);
  const { client } = await signIn(t, email, PASSWORD);
  // Certificates are issued only to enrolled devices; this browser is the person's first.
  await client.post('/api/devices', { name: 'Poste de test' });
  const me = await client.get<{ mailboxes: Array<{ address: string; kind: string }> }>('/api/me');
  const address = me.body.mailboxes.find((m) => m.kind === 'PER')?.address;
  if (!address) throw new Error('no personal mailbox after approval');
  return { client, userId: submitted.body.userId, email, address, rpps };
}

export function rsaKeys(bits: number): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ ...SIGNING_ALGORITHM, modulusLength: bits }, true, ['sign', 'verify']);
}

export interface CsrFields {
  commonName?: string;
  serialNumber?: string;
  emails?: string[];
  /** Extra subject attributes, e.g. { O: 'Hôpital' }. */
  extra?: Record<string, string>;
}

/** A PKCS#10 request the way a device makes one: subject, SAN e-mails, signed with the key itself. */
export async function makeCsr(keys: CryptoKeyPair, fields: CsrFields): Promise<string> {
  const name: x509.JsonNameParams = [];
  if (fields.commonName !== undefined) name.push({ CN: [{ utf8String: fields.commonName }] });
  if (fields.serialNumber !== undefined) {
    name.push({ '2.5.4.5': [{ printableString: fields.serialNumber }] });
  }
  for (const [type, value] of Object.entries(fields.extra ?? {})) name.push({ [type]: [value] });
  const extensions =
    fields.emails && fields.emails.length > 0
      ? [
          new x509.SubjectAlternativeNameExtension(
            fields.emails.map((value) => ({ type: 'email' as const, value })),
          ),
        ]
      : [];
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: new x509.Name(name),
    keys,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions,
  });
  return csr.toString('pem');
}

/** The same request with one bit of its signature flipped: well-formed, but no proof of possession. */
export function tamperSignature(csrPem: string): string {
  const der = new Uint8Array(x509.PemConverter.decodeFirst(csrPem));
  der[der.length - 1]! ^= 0x01;
  return x509.PemConverter.encode(der, 'CERTIFICATE REQUEST');
}

export interface OpensslResult {
  code: number;
  output: string;
}

/** Runs `openssl verify` on files written to a fresh temp dir; args name the files by key. */
export async function opensslVerify(files: Record<string, string>, args: string[]): Promise<OpensslResult> {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-openssl-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return await new Promise((resolve, reject) => {
      execFile('openssl', ['verify', ...args], { cwd: dir }, (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          reject(new Error('openssl could not be run', { cause: err }));
          return;
        }
        resolve({ code: typeof err?.code === 'number' ? err.code : 0, output: stdout + stderr });
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `openssl verify` judges validity "now"; the test clock is not the machine's, so pin the time. */
export function opensslAt(clock: Clock): string[] {
  return ['-attime', String(Math.floor(clock.now().getTime() / 1000) + 60)];
}

/** The CRL's crlNumber extension, decoded. */
export function crlNumberOf(crl: x509.X509Crl): number {
  const ext = crl.getExtension('2.5.29.20');
  if (!ext) throw new Error('CRL without crlNumber');
  return (asn1js.fromBER(ext.value).result as asn1js.Integer).valueBlock.valueDec;
}
