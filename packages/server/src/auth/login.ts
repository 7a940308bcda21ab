import type { LoginStage } from '@liaison/core/api/auth';
import { addMs, iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import type { UserRow } from '../db/schema.ts';
import { findUserByEmail } from '../accounts/userStore.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import type { RateLimiter } from './rateLimit.ts';
import { SecretBox } from './secretBox.ts';
import type { ResolvedSession, SessionKind, SessionService } from './sessions.ts';
import { newRecoveryCode, tokenHash } from './tokens.ts';
import { checkTotp, newTotpSecret, totpUri } from './totp.ts';

const MAX_FAILURES = 5;
const LOCK_MS = 15 * 60_000;
const RECOVERY_CODES = 10;

export interface LoginResult {
  stage: LoginStage;
  token: string;
  userId: string;
}

/** Password, second factor, lockout: everything between "who are you" and a full session. */
export class LoginService {
  private readonly totpBox: SecretBox;

  constructor(
    private readonly deps: Deps,
    private readonly sessions: SessionService,
    private readonly limiter: RateLimiter,
  ) {
    this.totpBox = new SecretBox(deps.secret, 'totp');
  }

  async login(email: string, password: string, kind: SessionKind, ip: string): Promise<LoginResult> {
    await this.limiter.hit(`login:ip:${ip}`, this.deps.config.loginAttemptsPerAddress, 5 * 60_000);
    const user = await findUserByEmail(this.deps.db.read, email);
    if (!user || !user.password_hash) {
      await verifyPassword(await decoyHash(), password);
      fail('INVALID_CREDENTIALS');
    }
    this.refuseIfLocked(user);
    if (!(await verifyPassword(user.password_hash, password))) {
      await this.recordFailure(user, 'password');
    }
    if (user.status === 'pending') fail('ACCOUNT_PENDING');
    if (user.status === 'rejected') fail('ACCOUNT_REJECTED');
    if (user.status === 'disabled') fail('ACCOUNT_DISABLED');
    const token = await this.sessions.create(user.id, 'partial', kind);
    return { stage: user.totp_enabled ? 'totp' : 'enrol-totp', token, userId: user.id };
  }

  /** Second step of login: a TOTP code, or one of the single-use recovery codes. */
  async verifySecondFactor(session: ResolvedSession, code: string): Promise<LoginResult> {
    const user = session.user;
    if (session.level === 'full') return { stage: 'done', token: '', userId: user.id };
    if (!user.totp_enabled || !user.totp_secret) fail('TOTP_NOT_ENROLLED');
    this.refuseIfLocked(user);
    const ok = /^[0-9]{6}$/.test(code)
      ? await this.acceptTotp(user, code)
      : await this.acceptRecoveryCode(user, code.toLowerCase());
    if (!ok) await this.recordFailure(user, 'totp');
    await this.deps.db.transaction(async (tx) => {
      await tx.db
        .updateTable('users')
        .set({ failed_logins: 0, locked_until: null })
        .where('id', '=', user.id)
        .execute();
      await this.deps.audit.append(tx, { actor: user.id, action: 'auth.login', target: user.id });
    });
    return { stage: 'done', token: await this.sessions.upgrade(session), userId: user.id };
  }

  async startTotpEnrolment(session: ResolvedSession): Promise<{ secret: string; otpauthUrl: string }> {
    const user = session.user;
    if (user.totp_enabled) fail('TOTP_ALREADY_ENABLED');
    const secret = newTotpSecret();
    await this.deps.db.transaction(async (tx) => {
      await tx.db
        .updateTable('users')
        .set({ totp_secret: this.totpBox.seal(secret), updated_at: iso(this.deps.clock.now()) })
        .where('id', '=', user.id)
        .execute();
    });
    return { secret, otpauthUrl: totpUri(secret, user.email) };
  }

  /** Proves the authenticator works, turns the factor on, and hands out recovery codes once. */
  async confirmTotpEnrolment(
    session: ResolvedSession,
    code: string,
  ): Promise<{ stage: LoginStage; token: string; recoveryCodes: string[] }> {
    const user = session.user;
    if (user.totp_enabled) fail('TOTP_ALREADY_ENABLED');
    if (!user.totp_secret) fail('TOTP_NOT_ENROLLED');
    const step = await checkTotp(this.totpBox.open(user.totp_secret), code, this.deps.clock.now(), null);
    if (step === null) fail('INVALID_TOTP');
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await this.deps.db.transaction(async (tx) => {
      await tx.db
        .updateTable('users')
        .set({ totp_enabled: 1, totp_last_step: step, failed_logins: 0, locked_until: null })
        .where('id', '=', user.id)
        .execute();
      await tx.db.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
      await tx.db
        .insertInto('recovery_codes')
        .values(
          codes.map((c) => ({
            id: crypto.randomUUID(),
            user_id: user.id,
            code_hash: tokenHash(c),
            used_at: null,
          })),
        )
        .execute();
      await this.deps.audit.append(tx, { actor: user.id, action: 'auth.totp.enrolled', target: user.id });
    });
    const token = session.level === 'full' ? '' : await this.sessions.upgrade(session);
    return { stage: 'done', token, recoveryCodes: codes };
  }

  async changePassword(session: ResolvedSession, current: string, next: string): Promise<void> {
    const user = session.user;
    if (!user.password_hash || !(await verifyPassword(user.password_hash, current))) {
      await this.recordFailure(user, 'password');
    }
    const hash = await hashPassword(next);
    await this.deps.db.transaction(async (tx) => {
      await tx.db
        .updateTable('users')
        .set({ password_hash: hash, updated_at: iso(this.deps.clock.now()) })
        .where('id', '=', user.id)
        .execute();
      // Every other session of this user ends: a changed password must lock out whoever knew the old one.
      await tx.db
        .deleteFrom('sessions')
        .where('user_id', '=', user.id)
        .where('id', '!=', session.id)
        .execute();
      await this.deps.audit.append(tx, { actor: user.id, action: 'auth.password.changed', target: user.id });
    });
  }

  private refuseIfLocked(user: UserRow): void {
    if (user.locked_until && user.locked_until > iso(this.deps.clock.now())) fail('ACCOUNT_LOCKED');
  }

  /** Counts a failure in the database (shared by all nodes) and locks after MAX_FAILURES. Always throws. */
  private async recordFailure(user: UserRow, factor: 'password' | 'totp'): Promise<never> {
    const now = this.deps.clock.now();
    const failures = await this.deps.db.transaction(async (tx) => {
      const row = await tx.db
        .updateTable('users')
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
        .where('id', '=', user.id)
        .returning('failed_logins')
        .executeTakeFirstOrThrow();
      const locked = row.failed_logins >= MAX_FAILURES;
      if (locked) {
        await tx.db
          .updateTable('users')
          .set({ locked_until: iso(addMs(now, LOCK_MS)), failed_logins: 0 })
          .where('id', '=', user.id)
          .execute();
      }
      await this.deps.audit.append(tx, {
        actor: null,
        action: locked ? 'auth.locked' : 'auth.failed',
        target: user.id,
        details: { factor },
      });
      return row.failed_logins;
    });
    if (failures >= MAX_FAILURES) fail('ACCOUNT_LOCKED');
    fail(factor === 'password' ? 'INVALID_CREDENTIALS' : 'INVALID_TOTP');
  }

  private async acceptTotp(user: UserRow, code: string): Promise<boolean> {
    const secret = this.totpBox.open(user.totp_secret ?? '');
    const step = await checkTotp(secret, code, this.deps.clock.now(), user.totp_last_step);
    if (step === null) return false;
    await this.deps.db.transaction(async (tx) => {
      await tx.db.updateTable('users').set({ totp_last_step: step }).where('id', '=', user.id).execute();
    });
    return true;
  }

  private async acceptRecoveryCode(user: UserRow, code: string): Promise<boolean> {
    return this.deps.db.transaction(async (tx) => {
      const result = await tx.db
        .updateTable('recovery_codes')
        .set({ used_at: iso(this.deps.clock.now()) })
        .where('user_id', '=', user.id)
        .where('code_hash', '=', tokenHash(code))
        .where('used_at', 'is', null)
        .executeTakeFirst();
      const used = Number(result.numUpdatedRows) === 1;
      if (used)
        await this.deps.audit.append(tx, {
          actor: user.id,
          action: 'auth.recovery_code.used',
          target: user.id,
        });
      return used;
    });
  }
}
