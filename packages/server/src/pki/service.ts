import { findUser } from '../accounts/userStore.ts';
import { auditActor, hasRole, type Actor } from '../auth/actor.ts';
import type { Reader } from '../db/index.ts';
import type { PkiCertificateRow } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { Authorities } from './authorities.ts';
import type { StoredAuthority } from './authorityStore.ts';
import { signLeaf, type CertificateUsage } from './certificate.ts';
import { isStale, latestCrl, publishCrl, type RevocationReason, type StoredCrl } from './crl.ts';
import { checkCsr } from './csr.ts';
import { resolveHolder } from './holder.ts';
import { matchIdentity, type ExpectedSubject } from './identity.ts';
import { toCertificateView, type CertificateView } from './schemas.ts';
import {
  currentEncryptionCertificates,
  findCertificate,
  insertActive,
  isUniqueViolation,
  markRevoked,
  personalCertificates,
} from './store.ts';
import { normaliseSerial, pemOf, randomSerial, type CryptoKey } from './x509.ts';

export interface IssueInput {
  usage: CertificateUsage;
  csrPem: string;
  mailboxId?: string | undefined;
}

export interface AuthoritySummary {
  root: { serial: string; subject: string; notAfter: string };
  issuing: { serial: string; subject: string; notAfter: string };
}

const ISSUE_ATTEMPTS = 3;

/**
 * The instance certificate authority (DESIGN §3): certifies keys made on users' devices, for the
 * identity a technician verified and the mailboxes the holder owns; renews, revokes, publishes CRLs,
 * and answers certificate lookups for senders and verifiers.
 */
export class PkiService {
  private readonly authorities: Authorities;

  constructor(private readonly deps: Deps) {
    this.authorities = new Authorities(deps);
  }

  /**
   * Creates the root and issuing CA on the very first start; later calls only load them. Also opens
   * the issuing key, so a start with the wrong LIAISON_SECRET fails at once rather than at the first CSR.
   */
  async ensureAuthority(): Promise<AuthoritySummary> {
    const { root, issuing } = await this.authorities.ensure();
    await this.authorities.issuingKey(issuing);
    const summary = (a: StoredAuthority) => ({
      serial: a.certificate.serialNumber,
      subject: a.certificate.subject,
      notAfter: a.certificate.notAfter.toISOString(),
    });
    return { root: summary(root), issuing: summary(issuing) };
  }

  /** What a CSR from this caller must say, so the web app and CLI can build it right the first time. */
  async expectedSubject(actor: Actor, usage: CertificateUsage, mailboxId?: string): Promise<ExpectedSubject> {
    return (await resolveHolder(this.deps.db.read, actor, usage, mailboxId)).expected;
  }

  async issue(actor: Actor, input: IssueInput): Promise<CertificateView> {
    const csr = await checkCsr(input.csrPem);
    const { issuing } = await this.authorities.ensure();
    const signingKey = await this.authorities.issuingKey(issuing);
    const serial = randomSerial();
    for (let attempt = 1; ; attempt++) {
      try {
        await this.deps.db.transaction(async (tx) => {
          // Checked inside the transaction: what is certified is what the database says right now.
          const holder = await resolveHolder(tx.db, actor, input.usage, input.mailboxId);
          const emails = matchIdentity(holder.expected, csr.requested);
          const now = this.deps.clock.now();
          const certificate = await signLeaf({
            issuer: issuing,
            signingKey,
            serial,
            publicKey: csr.publicKey,
            subject: holder.expected,
            emails,
            usage: input.usage,
            now,
            crlUrl: `${this.deps.config.publicUrl}/pki/crl.der`,
          });
          const superseded = await insertActive(
            tx,
            {
              serial,
              authorityId: issuing.id,
              holder,
              usage: input.usage,
              subject: certificate.subject,
              emails,
              pem: pemOf(certificate.rawData, 'CERTIFICATE'),
              notBefore: certificate.notBefore,
              notAfter: certificate.notAfter,
            },
            now,
          );
          await this.deps.audit.append(tx, {
            actor: auditActor(actor),
            action: 'pki.certificate.issued',
            target: serial,
            details: {
              userId: holder.userId,
              mailboxId: holder.mailboxId,
              usage: input.usage,
              keyBits: csr.keyBits,
              superseded,
            },
          });
        });
        break;
      } catch (err) {
        // Another issuance for the same holder and usage committed first: supersede it in turn.
        if (!isUniqueViolation(err) || attempt >= ISSUE_ATTEMPTS) throw err;
      }
    }
    return this.certificate(serial);
  }

  /** By the holder (or an owner of the shared mailbox), a technician or a platform admin. */
  async revoke(actor: Actor, serialInput: string, reason: RevocationReason): Promise<CertificateView> {
    const serial = normaliseSerial(serialInput);
    const row = await findCertificate(this.deps.db.read, serial);
    if (!row) fail('CERT_NOT_FOUND');
    await this.requireRevoker(this.deps.db.read, actor, row);
    if (row.state === 'revoked') fail('ALREADY_REVOKED');
    const authority = await this.authorities.byId(row.authority_id);
    const signingKey = await this.authorities.issuingKey(authority);
    await this.deps.db.transaction(async (tx) => {
      const now = this.deps.clock.now();
      if (!(await markRevoked(tx, serial, reason, now))) fail('ALREADY_REVOKED');
      // The new CRL commits with the revocation: no window where one is visible without the other.
      const crl = await publishCrl(tx, authority, signingKey, now);
      await this.deps.audit.append(tx, {
        actor: auditActor(actor),
        action: 'pki.certificate.revoked',
        target: serial,
        details: { userId: row.user_id, mailboxId: row.mailbox_id, reason, crlNumber: crl.crlNumber },
      });
    });
    return this.certificate(serial);
  }

  /** One certificate with its status, for verifiers. Certificates are public to signed-in users. */
  async certificate(serialInput: string): Promise<CertificateView> {
    const row = await findCertificate(this.deps.db.read, normaliseSerial(serialInput));
    if (!row) fail('CERT_NOT_FOUND');
    return toCertificateView(row);
  }

  /** Every personal certificate of a user (signing and encryption, any state), newest first. */
  async userCertificates(userId: string): Promise<CertificateView[]> {
    if (!(await findUser(this.deps.db.read, userId))) fail('USER_NOT_FOUND');
    return (await personalCertificates(this.deps.db.read, userId)).map(toCertificateView);
  }

  /** The certificate(s) a sender encrypts to for this address; empty while none is issued. */
  async mailboxCertificates(address: string): Promise<CertificateView[]> {
    const mailbox = await this.deps.db.read
      .selectFrom('mailboxes')
      .select(['id', 'kind'])
      .where('address', '=', address.trim().toLowerCase())
      .executeTakeFirst();
    if (!mailbox) fail('MAILBOX_NOT_FOUND');
    const rows = await currentEncryptionCertificates(this.deps.db.read, mailbox, this.deps.clock.now());
    return rows.map(toCertificateView);
  }

  /** Issuing CA then root, the chain relying parties install (`openssl verify -CAfile`). */
  async chainPem(): Promise<string> {
    const { root, issuing } = await this.authorities.ensure();
    return issuing.pem + root.pem;
  }

  async rootPem(): Promise<string> {
    return (await this.authorities.ensure()).root.pem;
  }

  /** The issuing CA's current CRL, re-signed first when it is a day old. */
  async crl(): Promise<StoredCrl> {
    const { issuing } = await this.authorities.ensure();
    return this.freshCrl(issuing, () => this.authorities.issuingKey(issuing));
  }

  /** The root CA's CRL (empty), for `-crl_check_all`. */
  async rootCrl(): Promise<StoredCrl> {
    const { root } = await this.authorities.ensure();
    return this.freshCrl(root, () => this.authorities.rootKey(root));
  }

  /** For a scheduled job: keeps both CRLs fresh even when nobody downloads them. */
  async refreshCrls(): Promise<void> {
    await this.crl();
    await this.rootCrl();
  }

  private async freshCrl(authority: StoredAuthority, key: () => Promise<CryptoKey>): Promise<StoredCrl> {
    const now = this.deps.clock.now();
    const latest = await latestCrl(this.deps.db.read, authority.id);
    if (latest && !isStale(latest, now)) return latest;
    const signingKey = await key();
    return this.deps.db.transaction((tx) => publishCrl(tx, authority, signingKey, now));
  }

  private async requireRevoker(db: Reader, actor: Actor, row: PkiCertificateRow): Promise<void> {
    if (hasRole(actor, 'technician', 'platform_admin')) return;
    if (row.mailbox_id === null) {
      if (row.user_id === actor.userId) return;
      fail('FORBIDDEN', 'Only the holder, a technician or a platform admin can revoke this certificate.');
    }
    const owner = await db
      .selectFrom('mailbox_members')
      .select('access')
      .where('mailbox_id', '=', row.mailbox_id)
      .where('user_id', '=', actor.userId)
      .where('access', '=', 'owner')
      .executeTakeFirst();
    if (!owner)
      fail('FORBIDDEN', 'Only an owner of the mailbox, a technician or a platform admin can revoke this.');
  }
}
