import { setTimeout as sleep } from 'node:timers/promises';
import type { Deps } from '../deps.ts';
import {
  authorityById,
  currentAuthorities,
  insertAuthority,
  type CurrentAuthorities,
  type StoredAuthority,
} from './authorityStore.ts';
import { createAuthorities } from './ca.ts';
import { CaKeyVault } from './keyVault.ts';
import type { CryptoKey } from './x509.ts';

const BOOTSTRAP_ATTEMPTS = 5;

/**
 * The instance CA as this process sees it: created once for the whole cluster, then read and cached
 * (it never changes while the process runs). Issuing keys are unsealed once and kept in memory as
 * non-extractable CryptoKeys; the root key is unsealed only for the rare root CRL and then dropped.
 */
export class Authorities {
  private readonly vault: CaKeyVault;
  private current: Promise<CurrentAuthorities> | null = null;
  private readonly issuingKeys = new Map<string, Promise<CryptoKey>>();

  constructor(private readonly deps: Deps) {
    this.vault = new CaKeyVault(deps.secret);
  }

  /** Idempotent; concurrent callers in one process share one load. A failure is retried next call. */
  ensure(): Promise<CurrentAuthorities> {
    this.current ??= this.loadOrCreate().catch((err: unknown) => {
      this.current = null;
      throw err;
    });
    return this.current;
  }

  async byId(id: string): Promise<StoredAuthority> {
    const current = await this.ensure();
    if (current.issuing.id === id) return current.issuing;
    if (current.root.id === id) return current.root;
    const older = await authorityById(this.deps.db.read, id);
    if (!older) throw new Error(`unknown certificate authority ${id}`);
    return older;
  }

  issuingKey(authority: StoredAuthority): Promise<CryptoKey> {
    if (authority.role !== 'issuing') throw new Error('only issuing CA keys sign end-entity material');
    let key = this.issuingKeys.get(authority.id);
    if (!key) {
      key = this.vault.open('issuing', authority.sealedKey);
      key.catch(() => this.issuingKeys.delete(authority.id));
      this.issuingKeys.set(authority.id, key);
    }
    return key;
  }

  /** For the root CRL only: opened at each use, never cached. */
  rootKey(authority: StoredAuthority): Promise<CryptoKey> {
    if (authority.role !== 'root') throw new Error('not a root CA');
    return this.vault.open('root', authority.sealedKey);
  }

  private async loadOrCreate(): Promise<CurrentAuthorities> {
    const existing = await currentAuthorities(this.deps.db.read);
    if (existing) return existing;
    // Key generation takes seconds: done before the transaction so no lock is held meanwhile. Two
    // nodes starting together both generate; the unique (role, generation) lets only one insert.
    const made = await createAuthorities({
      mailDomain: this.deps.config.mailDomain,
      publicUrl: this.deps.config.publicUrl,
      now: this.deps.clock.now(),
    });
    for (let attempt = 1; ; attempt++) {
      try {
        await this.deps.db.transaction(async (tx) => {
          const now = this.deps.clock.now();
          const rootId = await insertAuthority(
            tx,
            'root',
            1,
            made.root,
            this.vault.seal('root', made.root.pkcs8),
            now,
          );
          await insertAuthority(
            tx,
            'issuing',
            1,
            made.issuing,
            this.vault.seal('issuing', made.issuing.pkcs8),
            now,
          );
          await this.deps.audit.append(tx, {
            actor: 'system',
            action: 'pki.authority.created',
            target: rootId,
            details: {
              generation: 1,
              rootSerial: made.root.certificate.serialNumber,
              issuingSerial: made.issuing.certificate.serialNumber,
            },
          });
        });
      } catch (err) {
        // Lost the race (unique violation), or SQLite was busy with the winner's insert: re-read.
        const winner = await currentAuthorities(this.deps.db.read);
        if (winner) return winner;
        if (attempt >= BOOTSTRAP_ATTEMPTS) throw err;
        await sleep(100 * attempt);
        continue;
      }
      const mine = await currentAuthorities(this.deps.db.read);
      if (!mine) throw new Error('certificate authority vanished right after its creation');
      this.deps.logger.info({ root: mine.root.certificate.subject }, 'certificate authority created');
      return mine;
    }
  }
}
