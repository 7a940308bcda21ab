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

interface Wrap {
  userId: string;
  envelope: string;
}

export interface MailboxOptions {
  home: string;
  json?: boolean;
}

/** The keystore, the session and this keystore's device, as every mailbox command needs them. */
interface Session {
  store: Keystore;
  remote: Remote;
  userId: string;
  next: string;
}

async function open(options: MailboxOptions, next: string, device = true): Promise<Session> {
  const store = Keystore.open(options.home);
  const remote = connect(store);
  const me = await bindAccount(store, remote);
  if (device) await ensureDevice(store, remote, { next });
  return { store, remote, userId: me.id, next };
}

/** Runs a step against the server, turning "device not approved" into the usual answer (exit 3). */
async function step<T>(s: Session, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw asPending(err, s.store, s.next);
  }
}

const mailboxPath = (id: string, rest = '') => `/api/mailboxes/${segment(id)}${rest}`;

/** DELETE, which ApiClient does not offer: same bearer token, same `{error: {code}}` → ApiError. */
async function httpDelete(remote: Remote, path: string): Promise<void> {
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
async function findMailbox(s: Session, address: string): Promise<MailboxView> {
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
async function instanceChain(s: Session): Promise<string> {
  const pinned = s.store.caChain();
  if (pinned) return pinned;
  const chain = await s.remote.api.text('/pki/ca.pem');
  s.store.saveCaChain(chain);
  return chain;
}

/** A member's current personal encryption certificate, checked against the instance CA. */
async function memberCertificate(s: Session, userId: string, chain: string): Promise<string> {
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

async function wrapFor(privateKeyPkcs8: Uint8Array, userId: string, certificatePem: string): Promise<Wrap> {
  const envelope = await encrypt({ content: privateKeyPkcs8, recipients: [certificatePem] });
  return { userId, envelope: base64Encode(envelope) };
}

/** The caller's encryption key history: any of them may be the recipient of an older envelope. */
function myDecryptionKeys(store: Keystore): DecryptRecipient[] {
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
function unwrap(store: Keystore, key: MailboxKeyView): Promise<Uint8Array> {
  return decrypt({ envelope: base64Decode(key.envelope), recipient: myDecryptionKeys(store) });
}

/**
 * Proves an opened key is the private key of its version's certificate: a random probe encrypted to
 * the certificate must decrypt with it. Returns the certificate for display.
 */
async function checkOpens(s: Session, key: MailboxKeyView, privateKeyPkcs8: Uint8Array, chain: string) {
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

function requireOwner(mailbox: MailboxView): void {
  if (mailbox.access !== 'owner') {
    throw new CliFailure('FORBIDDEN', `only an owner of ${mailbox.address} can do this`);
  }
}

/** Every version the mailbox has (the caller's own and those they still lack). */
async function knownVersions(s: Session, mailbox: MailboxView): Promise<number[]> {
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
async function newVersion(s: Session, mailbox: MailboxView): Promise<MailboxKeyView> {
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

export async function mailboxAddMember(
  address: string,
  options: MailboxOptions & { user: string; owner?: boolean },
): Promise<void> {
  const s = await open(options, `liaison mailbox add-member ${address} --user ${options.user}`);
  await step(s, async () => {
    const mailbox = await findMailbox(s, address);
    requireOwner(mailbox);
    const chain = await instanceChain(s);
    // Their certificate first: without one, nothing could be wrapped for them.
    const certificatePem = await memberCertificate(s, options.user, chain);
    const before = await s.remote.api.get<MembersView>(mailboxPath(mailbox.id, '/members'));
    if (before.members.some((m) => m.userId === options.user)) {
      process.stdout.write(`${options.user} is already a member: wrapping the versions they lack\n`);
    } else {
      await s.remote.api.post(mailboxPath(mailbox.id, '/members'), {
        userId: options.user,
        access: options.owner ? 'owner' : 'delegate',
      });
      process.stdout.write(
        `${options.user} added to ${mailbox.address} as ${options.owner ? 'owner' : 'delegate'}\n`,
      );
    }
    const after = await s.remote.api.get<MembersView>(mailboxPath(mailbox.id, '/members'));
    const missing = new Set(after.members.find((m) => m.userId === options.user)?.missingWraps ?? []);
    const mine = await s.remote.api.get<MailboxKeyView[]>(mailboxPath(mailbox.id, '/keys'));
    const wrapped: number[] = [];
    for (const key of mine.filter((k) => missing.has(k.version))) {
      const pkcs8 = await unwrap(s.store, key);
      await s.remote.api.post(mailboxPath(mailbox.id, `/keys/${segment(key.keyId)}/wraps`), {
        wraps: [await wrapFor(pkcs8, options.user, certificatePem)],
      });
      wrapped.push(key.version);
      missing.delete(key.version);
    }
    process.stdout.write(
      wrapped.length > 0
        ? `key version(s) ${wrapped.join(', ')} wrapped for ${options.user}\n`
        : `no key version to wrap for ${options.user}\n`,
    );
    if (missing.size > 0) {
      throw new CliFailure(
        'MAILBOX_KEY_UNAVAILABLE',
        `you cannot open key version(s) ${[...missing].join(', ')}, so they were not wrapped for ${options.user}`,
        1,
        `An owner who holds them can run \`liaison mailbox add-member ${mailbox.address} --user ${options.user}\`.`,
      );
    }
  });
}

export async function mailboxRemoveMember(
  address: string,
  options: MailboxOptions & { user: string; rotate?: boolean },
): Promise<void> {
  const s = await open(options, `liaison mailbox remove-member ${address} --user ${options.user}`);
  await step(s, async () => {
    const mailbox = await findMailbox(s, address);
    requireOwner(mailbox);
    await httpDelete(s.remote, mailboxPath(mailbox.id, `/members/${segment(options.user)}`));
    process.stdout.write(
      `${options.user} removed from ${mailbox.address}; their key envelopes are deleted\n`,
    );
    const { rotationRequired } = await s.remote.api.get<MembersView>(mailboxPath(mailbox.id, '/members'));
    if (!rotationRequired) return;
    if (!options.rotate) {
      process.stdout.write(
        `Key rotation required: run \`liaison mailbox rotate ${mailbox.address}\` so that mail from now on is out of their reach.\n`,
      );
      return;
    }
    await newVersion(s, mailbox);
  });
}

export async function mailboxMembers(address: string, options: MailboxOptions): Promise<void> {
  const s = await open(options, `liaison mailbox members ${address}`, false);
  const mailbox = await findMailbox(s, address);
  const view = await s.remote.api.get<MembersView>(mailboxPath(mailbox.id, '/members'));
  if (options.json) {
    process.stdout.write(JSON.stringify(view, null, 2) + '\n');
    return;
  }
  for (const m of view.members) {
    const missing = m.missingWraps.length > 0 ? `  lacks version(s) ${m.missingWraps.join(', ')}` : '';
    process.stdout.write(`${m.userId}  ${m.access.padEnd(8)}  ${m.firstName} ${m.lastName}${missing}\n`);
  }
  if (view.rotationRequired) {
    process.stdout.write(`Key rotation required: liaison mailbox rotate ${mailbox.address}\n`);
  }
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
