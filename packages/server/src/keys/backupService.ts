import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import type { DeviceService } from '../devices/service.ts';
import type { ResolvedSession } from '../auth/sessions.ts';

/** A PKCS#12 of a whole key history is a few kilobytes per key; this leaves room for decades. */
const MAX_BACKUP_BYTES = 512 * 1024;

export interface KeyBackup {
  backup: string;
  version: number;
  updatedAt: string;
}

/**
 * Stores each person's passphrase-encrypted key backup (PKCS#12, base64). The server never sees the
 * passphrase and cannot open it; it only hands it to the person's enrolled devices.
 */
export class KeyBackupService {
  constructor(
    private readonly deps: Deps,
    private readonly devices: DeviceService,
  ) {}

  async get(session: ResolvedSession): Promise<KeyBackup> {
    await this.devices.requireActiveDevice(session);
    const row = await this.deps.db.read
      .selectFrom('key_backups')
      .selectAll()
      .where('user_id', '=', session.user.id)
      .executeTakeFirst();
    if (!row) fail('BACKUP_NOT_FOUND');
    return { backup: row.backup, version: row.version, updatedAt: row.updated_at };
  }

  /** Optimistic concurrency: two devices saving at once must not lose a key. */
  async put(session: ResolvedSession, backup: string, expectedVersion: number | null): Promise<KeyBackup> {
    const device = await this.devices.requireActiveDevice(session);
    const bytes = Buffer.from(backup, 'base64');
    if (
      bytes.length === 0 ||
      bytes.length > MAX_BACKUP_BYTES ||
      bytes.toString('base64') !== backup.replace(/\s+/g, '')
    ) {
      fail('VALIDATION_FAILED', 'The backup must be a base64 PKCS#12 of at most 512 KiB.', {
        field: 'backup',
      });
    }
    if (bytes[0] !== 0x30)
      fail('VALIDATION_FAILED', 'The backup is not a DER PKCS#12 structure.', { field: 'backup' });
    const userId = session.user.id;
    const now = iso(this.deps.clock.now());
    return this.deps.db.transaction(async (tx) => {
      const current = await tx.db
        .selectFrom('key_backups')
        .select('version')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if ((current?.version ?? null) !== expectedVersion)
        fail('BACKUP_CONFLICT', undefined, { version: current?.version ?? null });
      const version = (current?.version ?? 0) + 1;
      if (current) {
        const result = await tx.db
          .updateTable('key_backups')
          .set({ backup, version, updated_at: now, updated_by_device: device.id })
          .where('user_id', '=', userId)
          .where('version', '=', current.version)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) fail('BACKUP_CONFLICT');
      } else {
        await tx.db
          .insertInto('key_backups')
          .values({ user_id: userId, backup, version, updated_at: now, updated_by_device: device.id })
          .execute();
      }
      await this.deps.audit.append(tx, {
        actor: userId,
        action: 'keys.backup_saved',
        target: userId,
        details: { version, deviceId: device.id },
      });
      return { backup, version, updatedAt: now };
    });
  }
}
