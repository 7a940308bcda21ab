/**
 * `liaison smime encrypt | decrypt | sign | verify`: S/MIME (CMS) on files, with the keys of the
 * keystore, for scripts and for checking interoperability with `openssl cms`. Output is an S/MIME
 * entity (MIME, base64 `application/pkcs7-mime`) unless --der asks for the raw CMS DER; input may be
 * S/MIME, DER or PEM ("CMS"/"PKCS7"). Crypto refusals print the core's code (DECRYPT_FAILED,
 * NOT_A_RECIPIENT, SIGNATURE_INVALID, CERT_UNTRUSTED…) and exit 1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  decryptSmime,
  encrypt,
  pemBlocks,
  readCertificate,
  sign,
  signThenEncryptDer,
  toPem,
  verifySmime,
  wrapSmime,
  type CertificateStatus,
  type TrustPolicy,
} from '@liaison/core/crypto/index';
import { ApiError, segment } from '../api.ts';
import type { CertificateView } from '../apiTypes.ts';
import { checkRecipientCertificate, intermediatesPem } from '../certificateCheck.ts';
import { action, CliFailure } from '../failure.ts';
import { Keystore, keystoreHome } from '../keystore.ts';
import { connect, type Remote } from '../remote.ts';
import { loadSession } from '../credentials.ts';

interface IoOptions {
  in: string;
  out: string;
  home?: string;
}

function readInput(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (err) {
    throw new CliFailure('FILE_UNREADABLE', `cannot read ${path}: ${(err as Error).message}`);
  }
}

/** PEM-armoured CMS ("-----BEGIN CMS-----", as `openssl cms -outform PEM` writes) becomes DER. */
function cmsInput(bytes: Uint8Array): Uint8Array {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  if (!head.trimStart().startsWith('-----BEGIN ')) return bytes;
  const text = Buffer.from(bytes).toString('latin1');
  const der = pemBlocks(text, 'CMS')[0] ?? pemBlocks(text, 'PKCS7')[0];
  if (!der) throw new CliFailure('CMS_MALFORMED', 'a PEM file without a CMS or PKCS7 block');
  return der;
}

/** Outputs may hold plaintext: created readable by their owner only. */
function writeOutput(path: string, data: Uint8Array): void {
  writeFileSync(path, data, { mode: 0o600 });
}

function certificatesFromFiles(files: string[]): string[] {
  return files.flatMap((file) => {
    const text = Buffer.from(readInput(file)).toString('latin1');
    const blocks = pemBlocks(text, 'CERTIFICATE');
    if (blocks.length === 0) throw new CliFailure('CERT_MALFORMED', `${file} holds no PEM certificate`);
    return blocks.map((der) => toPem(der, 'CERTIFICATE'));
  });
}

/** The CA chain the keystore pinned at init/restore, else the server's /pki/ca.pem now. */
async function instanceChain(store: Keystore | null, remote: () => Remote): Promise<string> {
  const pinned = store?.caChain();
  if (pinned) return pinned;
  const chain = await remote().api.text('/pki/ca.pem');
  store?.saveCaChain(chain);
  return chain;
}

/** The current encryption certificates of each address, checked against the instance CA. */
async function lookUpRecipients(addresses: string[], store: Keystore): Promise<string[]> {
  const remote = connect(store);
  const chain = await instanceChain(store, () => remote);
  const found: string[] = [];
  for (const address of addresses) {
    const certificates = await remote.api
      .get<CertificateView[]>(`/api/pki/mailboxes/${segment(address.trim().toLowerCase())}/certificates`)
      .then((list) => list.filter((c) => c.usage === 'encryption' && c.state === 'active'));
    if (certificates.length === 0) {
      throw new CliFailure('NO_CERTIFICATE', `${address} has no encryption certificate yet`);
    }
    for (const c of certificates) {
      checkRecipientCertificate(c.certificatePem, address, chain);
      found.push(c.certificatePem);
    }
  }
  return found;
}

/** Issuer and serial: the same certificate named twice (e.g. --to one's own address) counts once. */
function identity(pem: string): string {
  const info = readCertificate(pem);
  return `${info.issuerDn}|${info.serialNumberHex}`;
}

async function encryptCommand(
  opts: IoOptions & { to?: string[]; recip?: string[]; der?: boolean; sign?: boolean },
): Promise<void> {
  const store = Keystore.open(keystoreHome(opts.home));
  const own = store.requireKey('encryption');
  const recipients = [own.certificatePem];
  if (opts.recip) recipients.push(...certificatesFromFiles(opts.recip));
  if (opts.to && opts.to.length > 0) recipients.push(...(await lookUpRecipients(opts.to, store)));
  if (recipients.length === 1 && !opts.to && !opts.recip) {
    throw new CliFailure(
      'VALIDATION_FAILED',
      'give --to ADDRESS or --recip CERT.pem (your own copy is always added)',
    );
  }
  const unique = new Map(recipients.map((pem) => [identity(pem), pem]));
  recipients.splice(0, recipients.length, ...unique.values());
  const content = readInput(opts.in);
  let der: Uint8Array;
  if (opts.sign) {
    const signer = store.requireKey('signing');
    const chain = store.caChain();
    der = await signThenEncryptDer({
      content,
      recipients,
      signer: {
        privateKey: signer.privateKeyPkcs8,
        certificatePem: signer.certificatePem,
        ...(chain ? { chainPem: intermediatesPem(chain) } : {}),
      },
    });
  } else {
    der = await encrypt({ content, recipients });
  }
  writeOutput(opts.out, opts.der ? der : wrapSmime(der, 'enveloped-data'));
  process.stdout.write(`encrypted for ${recipients.length} certificate(s), your own included: ${opts.out}\n`);
}

async function decryptCommand(opts: IoOptions): Promise<void> {
  const store = Keystore.open(keystoreHome(opts.home));
  // The whole history: mail sent to a superseded certificate stays readable.
  const identities = store
    .all()
    .filter((k) => k.record.usage === 'encryption')
    .map((k) => ({ certificatePem: k.certificatePem, privateKeyPkcs8: k.privateKeyPkcs8 }));
  if (identities.length === 0) store.requireKey('encryption');
  const content = await decryptSmime({ message: cmsInput(readInput(opts.in)), recipient: identities });
  writeOutput(opts.out, content);
  process.stdout.write(`decrypted to ${opts.out}\n`);
}

async function signCommand(opts: IoOptions & { der?: boolean }): Promise<void> {
  const store = Keystore.open(keystoreHome(opts.home));
  const signer = store.requireKey('signing');
  const chain = store.caChain();
  const der = await sign({
    content: readInput(opts.in),
    signer: {
      privateKey: signer.privateKeyPkcs8,
      certificatePem: signer.certificatePem,
      ...(chain ? { chainPem: intermediatesPem(chain) } : {}),
    },
  });
  writeOutput(opts.out, opts.der ? der : wrapSmime(der, 'signed-data'));
  process.stdout.write(`signed with certificate ${signer.record.serial}: ${opts.out}\n`);
}

function statusHook(remote: Remote): NonNullable<TrustPolicy['status']> {
  return async (certificate) => {
    const view = await remote.api.get<CertificateView>(
      `/api/pki/certificates/${segment(certificate.serialNumberHex)}`,
    );
    const status: CertificateStatus = { state: view.status };
    if (view.supersededAt) status.supersededAt = new Date(view.supersededAt);
    if (view.revokedAt) status.revokedAt = new Date(view.revokedAt);
    if (view.revocationReason) status.reason = view.revocationReason;
    return status;
  };
}

async function verifyCommand(
  opts: IoOptions & { ca?: string; json?: boolean; offline?: boolean },
): Promise<void> {
  let store: Keystore | null = null;
  try {
    store = Keystore.open(keystoreHome(opts.home));
  } catch (err) {
    // Verifying needs no keys of one's own; a keystore that exists must still be a safe one.
    if ((err as { code?: string }).code !== 'KEYSTORE_NOT_FOUND') throw err;
  }
  const online = !opts.offline && loadSession() !== null;
  const remote = online ? connect(store ?? undefined) : null;
  const chain = opts.ca
    ? Buffer.from(readInput(opts.ca)).toString('latin1')
    : await instanceChain(store, () => remote ?? connect());
  const trust: TrustPolicy = {
    caCertificatesPem: [chain],
    ...(remote ? { status: statusHook(remote) } : {}),
  };
  const verified = await verifySmime({ message: cmsInput(readInput(opts.in)), trust }).catch(
    (err: unknown) => {
      if (err instanceof ApiError && err.code === 'CERT_NOT_FOUND') {
        throw new CliFailure('CERT_UNKNOWN', "the signer's certificate is not known to the server");
      }
      throw err;
    },
  );
  writeOutput(opts.out, verified.content);
  const info = verified.signerCertificate;
  const report = {
    signer: verified.signer,
    signingTime: verified.signingTime.toISOString(),
    certificateSerial: info.serialNumberHex,
    issuer: info.issuerDn,
    revocationChecked: remote !== null,
  };
  if (opts.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    return;
  }
  const who = [verified.signer.commonName, verified.signer.serialNumber, verified.signer.emails.join(', ')]
    .filter(Boolean)
    .join(' · ');
  process.stdout.write(
    `signature verified: ${who}, signed ${report.signingTime}, certificate ${report.certificateSerial}\n`,
  );
  if (!remote) process.stdout.write('(revocation not checked: not signed in, or --offline)\n');
}

export function registerSmimeCommands(program: Command): void {
  const smime = program
    .command('smime')
    .description('S/MIME (CMS) on files with the keystore’s keys; interoperates with openssl cms');
  const io = (cmd: Command) =>
    cmd
      .requiredOption('--in <file>', 'input file')
      .requiredOption('--out <file>', 'output file (created with mode 0600)')
      .option('--home <dir>', 'keystore directory (default: LIAISON_HOME or ~/.liaison)');

  io(
    smime
      .command('encrypt')
      .description(
        'encrypt to mailboxes (--to, looked up on the server) or certificates (--recip), and to yourself',
      ),
  )
    .option('--to <address...>', 'recipient mailbox addresses (their current encryption certificates)')
    .option('--recip <cert...>', 'recipient certificate files (PEM)')
    .option('--sign', 'sign first (sign-then-encrypt, as Liaison sends mail)')
    .option('--der', 'write raw CMS DER instead of S/MIME')
    .action(action(encryptCommand));

  io(smime.command('decrypt').description('decrypt with any encryption key of the history')).action(
    action(decryptCommand),
  );

  io(smime.command('sign').description('sign with the current signing key (opaque signed-data)'))
    .option('--der', 'write raw CMS DER instead of S/MIME')
    .action(action(signCommand));

  io(
    smime
      .command('verify')
      .description(
        'verify a signature: chain to the instance CA, validity at signing time, revocation; write the content',
      ),
  )
    .option('--ca <chain.pem>', 'trusted CA chain (default: the server’s /pki/ca.pem, kept in the keystore)')
    .option('--offline', 'do not ask the server about revocation')
    .option('--json', 'print the signer as JSON')
    .action(action(verifyCommand));
}
