import { addMs, iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import type { SessionTable, UserRow } from '../db/schema.ts';
import { findUser } from '../accounts/userStore.ts';
import { newToken, tokenHash } from './tokens.ts';

export type SessionLevel = SessionTable['level'];
export type SessionKind = SessionTable['kind'];

/** A password-only session lives just long enough to type the second factor. */
const PARTIAL_TTL_MS = 10 * 60_000;
const FULL_TTL_MS: Record<SessionKind, number> = { cookie: 12 * 3600_000, bearer: 7 * 24 * 3600_000 };
/** A web session left alone for an hour ends (shared workstations in wards and practices). */
const IDLE_MS = 60 * 60_000;

export interface ResolvedSession {
  id: string;
  level: SessionLevel;
  kind: SessionKind;
  deviceId: string | null;
  user: UserRow;
}

export class SessionService {
  constructor(private readonly deps: Pick<Deps, 'db' | 'clock'>) {}

  /** Returns the token to hand to the client; only its hash is stored. */
  async create(
    userId: string,
    level: SessionLevel,
    kind: SessionKind,
    deviceId: string | null = null,
    ttlMs?: number,
  ): Promise<string> {
    const token = newToken();
    const now = this.deps.clock.now();
    const ttl = ttlMs ?? (level === 'partial' ? PARTIAL_TTL_MS : FULL_TTL_MS[kind]);
    await this.deps.db.transaction(async (tx) => {
      await tx.db
        .insertInto('sessions')
        .values({
          id: tokenHash(token),
          user_id: userId,
          level,
          kind,
          created_at: iso(now),
          expires_at: iso(addMs(now, ttl)),
          last_seen_at: iso(now),
          device_id: deviceId,
        })
        .execute();
    });
    return token;
  }

  /**
   * The session behind a token, or a 401 (NOT_AUTHENTICATED / SESSION_EXPIRED). `touch: false` checks
   * without counting as activity: an open WebSocket must not keep an idle web session alive.
   */
  async resolve(token: string | undefined, options: { touch?: boolean } = {}): Promise<ResolvedSession> {
    if (!token) fail('NOT_AUTHENTICATED');
    const id = tokenHash(token);
    const row = await this.deps.db.read
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) fail('SESSION_EXPIRED');
    const now = this.deps.clock.now();
    const idleExpired = row.kind === 'cookie' && now.getTime() - Date.parse(row.last_seen_at) > IDLE_MS;
    if (iso(now) >= row.expires_at || idleExpired) {
      await this.revoke(token);
      fail('SESSION_EXPIRED');
    }
    const user = await findUser(this.deps.db.read, row.user_id);
    if (!user || user.status !== 'active') {
      await this.revoke(token);
      fail('SESSION_EXPIRED');
    }
    // Touch at most once a minute: a read-heavy page must not turn every request into a write.
    if (options.touch !== false && now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
      await this.deps.db.transaction(async (tx) => {
        await tx.db
          .updateTable('sessions')
          .set({ last_seen_at: iso(now) })
          .where('id', '=', id)
          .execute();
        // The device list shows when each device was last used ("is this old phone still in use?").
        if (row.device_id) {
          await tx.db
            .updateTable('devices')
            .set({ last_seen_at: iso(now) })
            .where('id', '=', row.device_id)
            .execute();
        }
      });
    }
    return { id, level: row.level, kind: row.kind, deviceId: row.device_id, user };
  }

  /** Replaces a partial session by a full one with a new token (no session fixation). */
  async upgrade(session: ResolvedSession): Promise<string> {
    await this.deps.db.transaction(async (tx) => {
      await tx.db.deleteFrom('sessions').where('id', '=', session.id).execute();
    });
    return this.create(session.user.id, 'full', session.kind, session.deviceId);
  }

  async revoke(token: string): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      await tx.db.deleteFrom('sessions').where('id', '=', tokenHash(token)).execute();
    });
  }

  async revokeAllForUser(userId: string, exceptId?: string): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      let q = tx.db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptId) q = q.where('id', '!=', exceptId);
      await q.execute();
    });
  }

  /** Ties the current session to the device it runs on. */
  async bindDevice(sessionId: string, deviceId: string): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      await tx.db.updateTable('sessions').set({ device_id: deviceId }).where('id', '=', sessionId).execute();
    });
  }
}
