/**
 * `liaison mailbox …`: the encryption key of a shared mailbox (ORG, APP, CAB), managed by its owners
 * from their keystore (docs/api.md, "Shared mailbox members and keys").
 *
 * The mailbox key pair is made here (RSA 3072), certified by the instance CA from a CSR with the subject
 * the server gives for the mailbox, and never stored in the keystore nor sent in the clear: its PKCS#8
 * goes to the server only as one CMS EnvelopedData per member, encrypted to that member's current
 * personal encryption certificate (checked against the instance CA first). Each member opens their
 * envelopes with the encryption key history of their own keystore. Removing a member deletes their
 * envelopes; a new key version (`rotate`) keeps future mail from them.
 */
import { randomBytes } from 'node:crypto';
import {
  base64Decode,
  base64Encode,
  createCsr,
  decrypt,
  encrypt,
  exportPkcs8,
  generateEncryptionKeyPair,
  type DecryptRecipient,
} from '@liaison/core/crypto/index';
import { ApiError, segment } from '../api.ts';
import type { CertificateView, ExpectedSubject } from '../apiTypes.ts';
import { checkChainsTo } from '../certificateCheck.ts';
import { CliFailure } from '../failure.ts';
import { Keystore } from '../keystore.ts';
import { asPending, bindAccount, connect, ensureDevice, type Remote } from '../remote.ts';

/** GET /api/mailboxes (core's `Mailbox`). */
export interface MailboxView {
  id: string;
  address: string;
  kind: 'PER' | 'ORG' | 'APP' | 'CAB';
  organisationId: string | null;
  acceptsAttachments: boolean;
  access?: 'owner' | 'delegate';
}

/** GET /api/mailboxes/:id/members */
export interface MembersView {
  rotationRequired: boolean;
  members: Array<{
    userId: string;
    firstName: string;
    lastName: string;
    access: 'owner' | 'delegate';
    missingWraps: number[];
  }>;
}

/** One key version as wrapped for the caller (GET /api/mailboxes/:id/keys). */
export interface MailboxKeyView {
  keyId: string;
  version: number;
  certificateSerial: string;
  envelope: string;
  createdAt: string;
}

export interface Wrap {
  userId: string;
  envelope: string;
}

export interface MailboxOptions {
  home: string;
  json?: boolean;
}

/** The keystore, the session and this keystore's device, as every mailbox command needs them. */
export interface Session {
  store: Keystore;
  remote: Remote;
  userId: string;
  next: string;
}

export async function open(options: MailboxOptions, next: string, device = true): Promise<Session> {
  const store = Keystore.open(options.home);
  const remote = connect(store);
  const me = await bindAccount(store, remote);
  if (device) await ensureDevice(store, remote, { next });
  return { store, remote, userId: me.id, next };
}

/** Runs a step against the server, turning "device not approved" into the usual answer (exit 3). */
export async function step<T>(s: Session, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw asPending(err, s.store, s.next);
  }
}

export const mailboxPath = (id: string, rest = '') => `/api/mailboxes/${segment(id)}${rest}`;

/** DELETE, which ApiClient does not offer: same bearer token, same `{error: {code}}` → ApiError. */
export async function httpDelete(remote: Remote, path: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(new URL(path, remote.session.server), {
      method: 'DELETE',
      headers: { authorization: `Bearer ${remote.session.token}` },
    });
  } catch {
    throw new ApiError('SERVER_UNREACHABLE', `cannot reach ${remote.session.server}`, 0);
  }
  if (res.ok) return;
  let answer: { error?: { code?: string; message?: string; details?: unknown } } = {};
  try {
    answer = (await res.json()) as typeof answer;
  } catch {
    // Not JSON: the status says enough.
  }
  throw new ApiError(
    answer.error?.code ?? `HTTP_${res.status}`,
    answer.error?.message ?? `HTTP ${res.status}`,
    res.status,
    answer.error?.details,
  );
}

/** The caller's shared mailbox at `address` (they must be an owner or a delegate). */
export async function findMailbox(s: Session, address: string): Promise<MailboxView> {
  const wanted = address.trim().toLowerCase();
  const mine = await s.remote.api.get<MailboxView[]>('/api/mailboxes');
  const mailbox = mine.find((m) => m.address.toLowerCase() === wanted);
  if (!mailbox) {
    throw new CliFailure(
      'NOT_A_MEMBER',
      `you are neither an owner nor a delegate of ${address}`,
      1,
      'See your mailboxes with `liaison mailbox list`.',
    );
  }
  if (mailbox.kind === 'PER') {
    throw new CliFailure(
      'MAILBOX_PERSONAL',
      `${mailbox.address} is a personal mailbox: it uses your own encryption key (liaison keys)`,
    );
  }
  return mailbox;
}

/** The instance CA chain pinned in the keystore, else the server's (then pinned). */
export async function instanceChain(s: Session): Promise<string> {
  const pinned = s.store.caChain();
  if (pinned) return pinned;
  const chain = await s.remote.api.text('/pki/ca.pem');
  s.store.saveCaChain(chain);
  return chain;
}

/** A member's current personal encryption certificate, checked against the instance CA. */
export async function memberCertificate(s: Session, userId: string, chain: string): Promise<string> {
  const list = await s.remote.api.get<CertificateView[]>(`/api/pki/users/${segment(userId)}/certificates`);
  const current = list
    .filter((c) => c.usage === 'encryption' && c.status === 'good' && c.mailboxId === null)
    .sort((a, b) => b.notBefore.localeCompare(a.notBefore))[0];
  if (!current) {
    throw new CliFailure(
      'NO_ENCRYPTION_CERTIFICATE',
      `member ${userId} has no current personal encryption certificate`,
      1,
      'They must set up their keys first (`liaison keys init`, or the web app).',
    );
  }
  checkChainsTo(current.certificatePem, chain, `the encryption certificate of member ${userId}`);
  return current.certificatePem;
}

export async function wrapFor(
  privateKeyPkcs8: Uint8Array,
  userId: string,
  certificatePem: string,
): Promise<Wrap> {
  const envelope = await encrypt({ content: privateKeyPkcs8, recipients: [certificatePem] });
  return { userId, envelope: base64Encode(envelope) };
}

/** The caller's encryption key history: any of them may be the recipient of an older envelope. */
export function myDecryptionKeys(store: Keystore): DecryptRecipient[] {
  const keys = store
    .all()
    .filter((k) => k.record.usage === 'encryption')
    .map((k) => ({ certificatePem: k.certificatePem, privateKeyPkcs8: k.privateKeyPkcs8 }));
  if (keys.length === 0) {
    throw new CliFailure(
      'KEY_NOT_FOUND',
      `no encryption key in ${store.home}`,
      1,
      'Run `liaison keys init` or `liaison keys restore` first.',
    );
  }
  return keys;
}

/** Opens one envelope of the caller: the mailbox private key of that version (PKCS#8 DER). */
export function unwrap(store: Keystore, key: MailboxKeyView): Promise<Uint8Array> {
  return decrypt({ envelope: base64Decode(key.envelope), recipient: myDecryptionKeys(store) });
}

/**
 * Proves an opened key is the private key of its version's certificate: a random probe encrypted to
 * the certificate must decrypt with it. Returns the certificate for display.
 */
export async function checkOpens(
  s: Session,
  key: MailboxKeyView,
  privateKeyPkcs8: Uint8Array,
  chain: string,
) {
  const cert = await s.remote.api.get<CertificateView>(
    `/api/pki/certificates/${segment(key.certificateSerial)}`,
  );
  checkChainsTo(cert.certificatePem, chain, `the certificate of key version ${key.version}`, null);
  const probe = new Uint8Array(randomBytes(32));
  const envelope = await encrypt({ content: probe, recipients: [cert.certificatePem] });
  const back = await decrypt({
    envelope,
    recipient: { certificatePem: cert.certificatePem, privateKeyPkcs8 },
  });
  if (Buffer.compare(Buffer.from(back), Buffer.from(probe)) !== 0) {
    throw new CliFailure('DECRYPT_FAILED', `key version ${key.version} does not match its certificate`);
  }
  return cert;
}

export function requireOwner(mailbox: MailboxView): void {
  if (mailbox.access !== 'owner') {
    throw new CliFailure('FORBIDDEN', `only an owner of ${mailbox.address} can do this`);
  }
}

/** Every version the mailbox has (the caller's own and those they still lack). */
export async function knownVersions(s: Session, mailbox: MailboxView): Promise<number[]> {
  const [mine, members] = await Promise.all([
    s.remote.api.get<MailboxKeyView[]>(mailboxPath(mailbox.id, '/keys')),
    s.remote.api.get<MembersView>(mailboxPath(mailbox.id, '/members')),
  ]);
  const me = members.members.find((m) => m.userId === s.userId);
  return [...new Set([...mine.map((k) => k.version), ...(me?.missingWraps ?? [])])].sort((a, b) => a - b);
}

/**
 * Makes the next key version: a new key pair here, its certificate from the CA, its private key wrapped
 * for every current member, all posted as one version. The member certificates are fetched and checked
 * before the CSR, so a missing one refuses before a new certificate exists.
 */
export async function newVersion(s: Session, mailbox: MailboxView): Promise<MailboxKeyView> {
  const chain = await instanceChain(s);
  const { members } = await s.remote.api.get<MembersView>(mailboxPath(mailbox.id, '/members'));
  const certificates: Array<[string, string]> = [];
  for (const m of members) certificates.push([m.userId, await memberCertificate(s, m.userId, chain)]);
  const subject = await s.remote.api.get<ExpectedSubject>(
    `/api/pki/subject?usage=encryption&mailboxId=${segment(mailbox.id)}`,
  );
  const email = subject.emails[0] ?? mailbox.address.toLowerCase();

  process.stderr.write(`Generating the RSA 3072 encryption key of ${mailbox.address}…\n`);
  const keyPair = await generateEncryptionKeyPair();
  const csrPem = await createCsr({
    keyPair,
    usage: 'encryption',
    subject: {
      commonName: subject.commonName,
      email,
      ...(subject.serialNumber ? { serialNumber: subject.serialNumber } : {}),
    },
  });
  const certificate = await s.remote.api.post<CertificateView>('/api/pki/csr', {
    usage: 'encryption',
    csrPem,
    mailboxId: mailbox.id,
  });
  checkChainsTo(certificate.certificatePem, chain, `the new certificate of ${mailbox.address}`);
  const pkcs8 = new Uint8Array(await exportPkcs8(keyPair.privateKey));
  const wraps: Wrap[] = [];
  for (const [userId, pem] of certificates) wraps.push(await wrapFor(pkcs8, userId, pem));
  const created = await s.remote.api.post<MailboxKeyView>(mailboxPath(mailbox.id, '/keys'), {
    certificateSerial: certificate.serial,
    wraps,
  });
  // Our own envelope, as the server gives it back, must open to the key just made.
  await checkOpens(s, created, await unwrap(s.store, created), chain);
  process.stdout.write(
    `${mailbox.address}: key version ${created.version}, certificate ${certificate.serial} ` +
      `valid until ${certificate.notAfter.slice(0, 10)}, wrapped for ${wraps.length} member(s)\n`,
  );
  return created;
}

export async function mailboxList(options: MailboxOptions): Promise<void> {
  const s = await open(options, 'liaison mailbox list', false);
  const mine = await s.remote.api.get<MailboxView[]>('/api/mailboxes');
  if (options.json) {
    process.stdout.write(JSON.stringify(mine, null, 2) + '\n');
    return;
  }
  if (mine.length === 0) process.stdout.write('no mailbox\n');
  for (const m of mine) {
    process.stdout.write(`${m.address}  ${m.kind}  ${(m.access ?? '-').padEnd(8)}  ${m.id}\n`);
  }
}

export async function mailboxKeyInit(address: string, options: MailboxOptions): Promise<void> {
  const s = await open(options, `liaison mailbox key-init ${address}`);
  await step(s, async () => {
    const mailbox = await findMailbox(s, address);
    requireOwner(mailbox);
    const versions = await knownVersions(s, mailbox);
    if (versions.length > 0) {
      throw new CliFailure(
        'MAILBOX_KEY_EXISTS',
        `${mailbox.address} already has key version(s) ${versions.join(', ')}`,
        1,
        `Make the next version with \`liaison mailbox rotate ${mailbox.address}\`.`,
      );
    }
    await newVersion(s, mailbox);
  });
}

export async function mailboxRotate(address: string, options: MailboxOptions): Promise<void> {
  const s = await open(options, `liaison mailbox rotate ${address}`);
  await step(s, async () => {
    const mailbox = await findMailbox(s, address);
    requireOwner(mailbox);
    if ((await knownVersions(s, mailbox)).length === 0) {
      throw new CliFailure(
        'MAILBOX_KEY_NOT_FOUND',
        `${mailbox.address} has no key yet`,
        1,
        `Make the first one with \`liaison mailbox key-init ${mailbox.address}\`.`,
      );
    }
    await newVersion(s, mailbox);
  });
}

export interface KeyVersionRow {
  version: number;
  keyId: string;
  certificateSerial: string;
  createdAt: string;
  notAfter: string;
  opens: boolean;
}

/** The versions the caller can open, each checked: unwrapped, then matched against its certificate. */
export async function mailboxKeys(address: string, options: MailboxOptions): Promise<void> {
  const s = await open(options, `liaison mailbox keys ${address}`);
  await step(s, async () => {
    const mailbox = await findMailbox(s, address);
    const chain = await instanceChain(s);
    const mine = await s.remote.api.get<MailboxKeyView[]>(mailboxPath(mailbox.id, '/keys'));
    const rows: KeyVersionRow[] = [];
    for (const key of mine) {
      const cert = await checkOpens(s, key, await unwrap(s.store, key), chain);
      rows.push({
        version: key.version,
        keyId: key.keyId,
        certificateSerial: key.certificateSerial,
        createdAt: key.createdAt,
        notAfter: cert.notAfter,
        opens: true,
      });
    }
    if (options.json) {
      process.stdout.write(JSON.stringify({ address: mailbox.address, versions: rows }, null, 2) + '\n');
      return;
    }
    if (rows.length === 0) process.stdout.write(`${mailbox.address}: no key version for you\n`);
    for (const r of rows) {
      process.stdout.write(
        `${mailbox.address}  version ${r.version}  certificate ${r.certificateSerial}  until ${r.notAfter.slice(0, 10)}  opens\n`,
      );
    }
  });
}
