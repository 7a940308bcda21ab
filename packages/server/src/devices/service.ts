import { createHash, randomInt } from 'node:crypto';
import { addMs, iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { auditActor, hasRole, type Actor } from '../auth/actor.ts';
import type { RateLimiter } from '../auth/rateLimit.ts';
import type { ResolvedSession, SessionService } from '../auth/sessions.ts';
import { newToken, tokenHash } from '../auth/tokens.ts';
import type { DeviceRow } from '../db/schema.ts';

const CODE_TTL_MS = 15 * 60_000;
/** Connector tokens are long-lived by design (unattended practice-software bridges) and revocable. */
const CONNECTOR_TTL_MS = 365 * 24 * 3600_000;
const CODE_ALPHABET = '0123456789';

export interface Device {
  id: string;
  name: string;
  kind: DeviceRow['kind'];
  status: DeviceRow['status'];
  createdAt: string;
  approvedAt: string | null;
  revokedAt: string | null;
  lastSeenAt: string | null;
  current: boolean;
}

export interface RegisteredDevice {
  device: Device;
  /** The device's own secret: kept by the browser (cookie) or the CLI (key file). */
  deviceToken: string;
  /** Shown on the new device; typed on an enrolled one to approve it. Absent for the first device. */
  approvalCode?: string;
}

/** Short code grouped for reading aloud ("482 913"); compared by hash, never stored in clear. */
function newApprovalCode(): string {
  const digits = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}
const codeHash = (userId: string, code: string) =>
  createHash('sha256')
    .update(`${userId}:${code.replace(/\s+/g, '')}`)
    .digest('hex');

/**
 * Devices hold keys, so each is enrolled: the first right after the account is approved, every further
 * one approved from an enrolled device (short code) or by a technician. Revoking a device ends its
 * sessions and connector tokens at once.
 */
export class DeviceService {
  constructor(
    private readonly deps: Deps,
    private readonly sessions: SessionService,
    private readonly limiter: RateLimiter,
  ) {}

  async register(session: ResolvedSession, name: string, kind: 'browser' | 'cli'): Promise<RegisteredDevice> {
    const userId = session.user.id;
    const token = newToken();
    const now = this.deps.clock.now();
    const result = await this.deps.db.transaction(async (tx) => {
      const enrolled = await tx.db
        .selectFrom('devices')
        .select('id')
        .where('user_id', '=', userId)
        .where('status', '=', 'active')
        .executeTakeFirst();
      const first = enrolled === undefined;
      const code = first ? undefined : newApprovalCode();
      const id = crypto.randomUUID();
      await tx.db
        .insertInto('devices')
        .values({
          id,
          user_id: userId,
          name,
          kind,
          status: first ? 'active' : 'pending',
          token_hash: tokenHash(token),
          code_hash: code ? codeHash(userId, code) : null,
          code_expires_at: code ? iso(addMs(now, CODE_TTL_MS)) : null,
          created_at: iso(now),
          approved_at: first ? iso(now) : null,
          approved_by: first ? 'first-device' : null,
          revoked_at: null,
          last_seen_at: iso(now),
        })
        .execute();
      await tx.db.updateTable('sessions').set({ device_id: id }).where('id', '=', session.id).execute();
      await this.deps.audit.append(tx, {
        actor: userId,
        action: first ? 'device.enrolled' : 'device.registered',
        target: id,
        details: { kind, first },
      });
      return { id, code };
    });
    const device = await this.get(result.id, session.id);
    return { device, deviceToken: token, ...(result.code ? { approvalCode: result.code } : {}) };
  }

  /** A new login on a known device: the session is tied to it again (unless it was revoked). */
  async recognise(sessionId: string, userId: string, deviceToken: string | undefined): Promise<void> {
    if (!deviceToken) return;
    const device = await this.deps.db.read
      .selectFrom('devices')
      .select(['id', 'user_id', 'status'])
      .where('token_hash', '=', tokenHash(deviceToken))
      .executeTakeFirst();
    if (!device || device.user_id !== userId || device.status === 'revoked') return;
    await this.sessions.bindDevice(sessionId, device.id);
  }

  /** A new device's code, typed on an already enrolled device of the same person. */
  async approveByCode(session: ResolvedSession, code: string): Promise<Device> {
    await this.requireActiveDevice(session);
    const userId = session.user.id;
    await this.limiter.hit(`device-code:${userId}`, 10, 15 * 60_000);
    const now = iso(this.deps.clock.now());
    const id = await this.deps.db.transaction(async (tx) => {
      const pending = await tx.db
        .selectFrom('devices')
        .select('id')
        .where('user_id', '=', userId)
        .where('status', '=', 'pending')
        .where('code_hash', '=', codeHash(userId, code))
        .where('code_expires_at', '>', now)
        .executeTakeFirst();
      if (!pending) fail('DEVICE_CODE_INVALID');
      await this.activate(tx, pending.id, userId, now);
      return pending.id;
    });
    return this.get(id, session.id);
  }

  /** A technician vouches for a device (the person lost their only enrolled one). */
  async approveByTechnician(actor: Actor, deviceId: string): Promise<Device> {
    if (!hasRole(actor, 'technician', 'platform_admin')) fail('FORBIDDEN');
    const now = iso(this.deps.clock.now());
    await this.deps.db.transaction(async (tx) => {
      const device = await tx.db
        .selectFrom('devices')
        .selectAll()
        .where('id', '=', deviceId)
        .executeTakeFirst();
      if (!device) fail('DEVICE_NOT_FOUND');
      if (device.status !== 'pending') fail('DEVICE_NOT_PENDING');
      await this.activate(tx, deviceId, auditActor(actor), now);
    });
    return this.get(deviceId, null);
  }

  async list(userId: string, currentSessionId: string | null): Promise<Device[]> {
    const rows = await this.deps.db.read
      .selectFrom('devices')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute();
    const current = await this.currentDeviceId(currentSessionId);
    return rows.map((r) => toDevice(r, current));
  }

  /** The owner or a technician; the device's sessions and tokens stop working in the same commit. */
  async revoke(actor: Actor, deviceId: string): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      const device = await tx.db
        .selectFrom('devices')
        .selectAll()
        .where('id', '=', deviceId)
        .executeTakeFirst();
      if (!device) fail('DEVICE_NOT_FOUND');
      if (device.user_id !== actor.userId && !hasRole(actor, 'technician', 'platform_admin'))
        fail('FORBIDDEN');
      if (device.status === 'revoked') return;
      await tx.db
        .updateTable('devices')
        .set({ status: 'revoked', revoked_at: iso(this.deps.clock.now()), code_hash: null })
        .where('id', '=', deviceId)
        .execute();
      await tx.db.deleteFrom('sessions').where('device_id', '=', deviceId).execute();
      await this.deps.audit.append(tx, {
        actor: auditActor(actor),
        action: 'device.revoked',
        target: deviceId,
      });
    });
  }

  /** A long-lived bearer token for an unattended connector, created from an enrolled device. */
  async createConnector(session: ResolvedSession, name: string): Promise<{ device: Device; token: string }> {
    await this.requireActiveDevice(session);
    const userId = session.user.id;
    const now = this.deps.clock.now();
    const id = crypto.randomUUID();
    await this.deps.db.transaction(async (tx) => {
      await tx.db
        .insertInto('devices')
        .values({
          id,
          user_id: userId,
          name,
          kind: 'connector',
          status: 'active',
          token_hash: tokenHash(newToken()),
          code_hash: null,
          code_expires_at: null,
          created_at: iso(now),
          approved_at: iso(now),
          approved_by: userId,
          revoked_at: null,
          last_seen_at: null,
        })
        .execute();
      await this.deps.audit.append(tx, { actor: userId, action: 'device.connector_created', target: id });
    });
    const token = await this.sessions.create(userId, 'full', 'bearer', id, CONNECTOR_TTL_MS);
    return { device: await this.get(id, null), token };
  }

  /** Key material (backup, certificates, mailbox keys) is served only to enrolled devices. */
  async requireActiveDevice(session: ResolvedSession): Promise<DeviceRow> {
    if (!session.deviceId) fail('DEVICE_REQUIRED');
    const device = await this.deps.db.read
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', session.deviceId)
      .executeTakeFirst();
    if (!device || device.status === 'revoked') fail('DEVICE_REVOKED');
    if (device.status !== 'active') fail('DEVICE_NOT_APPROVED');
    return device;
  }

  private async activate(
    tx: Parameters<Parameters<Deps['db']['transaction']>[0]>[0],
    id: string,
    by: string,
    now: string,
  ) {
    await tx.db
      .updateTable('devices')
      .set({ status: 'active', approved_at: now, approved_by: by, code_hash: null, code_expires_at: null })
      .where('id', '=', id)
      .execute();
    await this.deps.audit.append(tx, { actor: by, action: 'device.approved', target: id });
  }

  private async get(id: string, currentSessionId: string | null): Promise<Device> {
    const row = await this.deps.db.read
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return toDevice(row, await this.currentDeviceId(currentSessionId));
  }

  private async currentDeviceId(sessionId: string | null): Promise<string | null> {
    if (!sessionId) return null;
    const row = await this.deps.db.read
      .selectFrom('sessions')
      .select('device_id')
      .where('id', '=', sessionId)
      .executeTakeFirst();
    return row?.device_id ?? null;
  }
}

function toDevice(r: DeviceRow, currentId: string | null): Device {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    status: r.status,
    createdAt: r.created_at,
    approvedAt: r.approved_at,
    revokedAt: r.revoked_at,
    lastSeenAt: r.last_seen_at,
    current: r.id === currentId,
  };
}
