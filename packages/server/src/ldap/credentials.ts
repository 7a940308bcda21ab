/**
 * An establishment's LDAP push account: one bind DN per FINESS, one Argon2id-hashed password, shown
 * once when issued; issuing again replaces it (and stops connections bound with the old one).
 */
import { randomBytes } from 'node:crypto';
import type { LdapCredentials } from '@liaison/core/api/directory';
import { auditActor, requireOrganisationAdmin, type Actor } from '../auth/actor.ts';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords.ts';
import type { RateLimiter } from '../auth/rateLimit.ts';
import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { AppError, fail } from '../errors.ts';
import type { DirectoryTree } from './dn.ts';
import { LdapFailure, RESULT } from './errors.ts';
import type { EstablishmentSession } from './session.ts';

/** Failed binds allowed per establishment and per client address in a window, before refusing all. */
const FAILURES_PER_ESTABLISHMENT = 10;
const FAILURES_PER_ADDRESS = 30;
const FAILURE_WINDOW_MS = 15 * 60_000;

export class LdapCredentialService {
  constructor(
    private readonly deps: Deps,
    private readonly tree: DirectoryTree,
    private readonly limiter: RateLimiter,
  ) {}

  /** Where clients connect: the LDAPS port on the public host, or null when LDAPS is off. */
  get url(): string | null {
    const port = this.deps.config.ldap.port;
    return port === null ? null : `ldaps://${new URL(this.deps.config.publicUrl).hostname}:${port}`;
  }

  async issue(actor: Actor, organisationId: string): Promise<LdapCredentials> {
    requireOrganisationAdmin(actor, organisationId);
    const finess = await this.finessOf(organisationId);
    // 24 random bytes: 192 bits, typed once into a connector's configuration, never by hand again.
    const password = randomBytes(24).toString('base64url');
    const passwordHash = await hashPassword(password);
    const createdAt = iso(this.deps.clock.now());
    await this.deps.db.transaction(async (tx) => {
      await tx.db
        .insertInto('directory_ldap_credentials')
        .values({
          organisation_id: organisationId,
          password_hash: passwordHash,
          created_by: auditActor(actor),
          created_at: createdAt,
        })
        .onConflict((oc) =>
          oc.column('organisation_id').doUpdateSet({
            password_hash: passwordHash,
            created_by: auditActor(actor),
            created_at: createdAt,
          }),
        )
        .execute();
      await this.deps.audit.append(tx, {
        actor: auditActor(actor),
        action: 'directory.ldap_credentials_issued',
        target: organisationId,
        details: { finess },
      });
    });
    return { bindDn: this.tree.adminDn(finess), password, url: this.url, createdAt };
  }

  async get(actor: Actor, organisationId: string): Promise<LdapCredentials> {
    requireOrganisationAdmin(actor, organisationId);
    const finess = await this.finessOf(organisationId);
    const row = await this.deps.db.read
      .selectFrom('directory_ldap_credentials')
      .select('created_at')
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    if (row === undefined)
      fail('NOT_FOUND', 'No LDAP credentials have been issued for this establishment yet.');
    return { bindDn: this.tree.adminDn(finess), url: this.url, createdAt: row.created_at };
  }

  /**
   * A simple bind as `cn=admin,ou=<FINESS>,…`. Unknown DN, establishment without credentials and wrong
   * password all answer the same, in the same time (a decoy hash is verified).
   */
  async verifyBind(dn: string, password: string, clientAddress: string): Promise<EstablishmentSession> {
    const location = this.tree.locate(dn);
    const finess = location.kind === 'admin' ? location.finess : null;
    const keys = [
      `ldap-bind:ip:${clientAddress}`,
      ...(finess === null ? [] : [`ldap-bind:finess:${finess}`]),
    ];
    if (await this.tooManyFailures(keys)) {
      throw new LdapFailure(RESULT.busy, 'too many failed binds: try again in 15 minutes');
    }
    const account =
      finess === null
        ? undefined
        : await this.deps.db.read
            .selectFrom('organisations as o')
            .innerJoin('directory_ldap_credentials as c', 'c.organisation_id', 'o.id')
            .select(['o.id', 'o.finess', 'c.password_hash', 'c.created_at'])
            .where('o.finess', '=', finess)
            .executeTakeFirst();
    const ok = await verifyPassword(account?.password_hash ?? (await decoyHash()), password);
    if (!ok || account === undefined || account.finess === null) {
      await this.recordFailure(keys, finess);
      throw new LdapFailure(RESULT.invalidCredentials, 'invalid credentials');
    }
    return {
      kind: 'establishment',
      organisationId: account.id,
      finess: account.finess,
      bindDn: this.tree.adminDn(account.finess),
      credentialIssuedAt: account.created_at,
    };
  }

  /** False once the password the session bound with was replaced. */
  async stillValid(session: EstablishmentSession): Promise<boolean> {
    const row = await this.deps.db.read
      .selectFrom('directory_ldap_credentials')
      .select('created_at')
      .where('organisation_id', '=', session.organisationId)
      .executeTakeFirst();
    return row?.created_at === session.credentialIssuedAt;
  }

  private async finessOf(organisationId: string): Promise<string> {
    const org = await this.deps.db.read
      .selectFrom('organisations')
      .select('finess')
      .where('id', '=', organisationId)
      .executeTakeFirst();
    if (org === undefined) fail('ORGANISATION_NOT_FOUND');
    if (org.finess === null || org.finess === '') fail('FINESS_REQUIRED');
    return org.finess;
  }

  private windowStart(): string {
    const now = this.deps.clock.now().getTime();
    return iso(new Date(Math.floor(now / FAILURE_WINDOW_MS) * FAILURE_WINDOW_MS));
  }

  /** Reads the failure counters without counting (a correct password must not use up the budget). */
  private async tooManyFailures(keys: readonly string[]): Promise<boolean> {
    const rows = await this.deps.db.read
      .selectFrom('rate_limits')
      .select(['key', 'count', 'window_start'])
      .where('key', 'in', keys)
      .execute();
    const start = this.windowStart();
    return rows.some(
      (r) =>
        r.window_start === start &&
        r.count >=
          (r.key.startsWith('ldap-bind:finess:') ? FAILURES_PER_ESTABLISHMENT : FAILURES_PER_ADDRESS),
    );
  }

  private async recordFailure(keys: readonly string[], finess: string | null): Promise<void> {
    for (const key of keys) {
      const limit = key.startsWith('ldap-bind:finess:') ? FAILURES_PER_ESTABLISHMENT : FAILURES_PER_ADDRESS;
      try {
        await this.limiter.hit(key, limit, FAILURE_WINDOW_MS);
      } catch (err) {
        // Past the limit: the next bind is refused before any password check; this one just fails.
        if (!(err instanceof AppError && err.code === 'RATE_LIMITED')) throw err;
      }
    }
    if (finess !== null) {
      await this.deps.db.transaction((tx) =>
        this.deps.audit.append(tx, {
          actor: null,
          action: 'directory.ldap_bind_failed',
          details: { finess },
        }),
      );
    }
  }
}
