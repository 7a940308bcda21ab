/**
 * The local keystore of `liaison keys` and `liaison smime` (`--home DIR`, else $LIAISON_HOME, else
 * ~/.liaison):
 *
 *   DIR/                      0700
 *     keystore.json           0600  server, account, this device (id, token, approval state), key index
 *     ca.pem                  0600  the instance's CA chain as fetched from /pki/ca.pem at init/restore
 *     keys/                   0700
 *       <usage>-<serial>.key.pem   0600  private key, PKCS#8 PEM ("PRIVATE KEY"), in the clear
 *       <usage>-<serial>.crt.pem   0600  its certificate
 *
 * Private keys sit on disk unencrypted, the way ssh keeps ~/.ssh/id_*: they are protected by the file
 * modes and the OS account, so scripts and connectors can sign and decrypt unattended. The
 * passphrase-protected copy is the backup on the server (PKCS#12, PBES2, 600,000 PBKDF2 iterations);
 * `liaison keys export` writes passphrase-protected PEM for other tools. A keystore whose directory or
 * files other users could read or write is refused, never silently repaired.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { readCertificate, pemBlocks, toPem } from '@liaison/core/crypto/index';
import type { KeyUsage } from './apiTypes.ts';
import { CliFailure } from './failure.ts';

const STATE_FILE = 'keystore.json';
const CA_FILE = 'ca.pem';
const KEYS_DIR = 'keys';

export interface KeyRecord {
  /** Certificate serial (lowercase hex); the key's identity in the history. */
  serial: string;
  usage: KeyUsage;
  /** The backup entry's label (friendlyName "liaison-<usage>:<label>"). */
  label: string;
  keyFile: string;
  certFile: string;
  notBefore: string;
  notAfter: string;
  emails: string[];
  addedAt: string;
}

export interface DeviceRecord {
  id: string;
  token: string;
  status: 'pending' | 'active' | 'revoked';
  /** Kept while pending, to show it again; the server keeps only its hash (valid 15 minutes). */
  approvalCode?: string;
  approvalCodeExpiresAt?: string;
}

export interface KeystoreState {
  version: 1;
  server: string | null;
  userId: string | null;
  email: string | null;
  device: DeviceRecord | null;
  /** The unattended connector device made from this keystore, whose token the saved session holds. */
  connectorId?: string | null;
  /** Version of the server backup this keystore last uploaded or restored. */
  backupVersion: number | null;
  keys: KeyRecord[];
}

export interface KeyMaterial {
  record: KeyRecord;
  privateKeyPkcs8: Uint8Array;
  certificatePem: string;
}

export function keystoreHome(option?: string): string {
  return resolve(option ?? process.env.LIAISON_HOME ?? join(homedir(), '.liaison'));
}

function insecure(path: string, mode: number, directory: boolean): CliFailure {
  const octal = (mode & 0o777).toString(8).padStart(4, '0');
  return new CliFailure(
    'KEYSTORE_INSECURE',
    `${path} is open to other users (mode ${octal}); the keystore holds private keys and must be private`,
    1,
    `Fix it with: chmod ${directory ? '700' : '600'} ${path}  (or chmod -R go-rwx on the keystore)`,
  );
}

/** Refuses a path that other users may read or write, or that belongs to someone else. */
function checkPrivate(path: string): void {
  if (process.platform === 'win32') return;
  const st = statSync(path);
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) {
    throw new CliFailure('KEYSTORE_INSECURE', `${path} belongs to another user (uid ${st.uid})`);
  }
  if ((st.mode & 0o077) !== 0) throw insecure(path, st.mode, st.isDirectory());
}

function checkTree(dir: string): void {
  checkPrivate(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) checkTree(path);
    else checkPrivate(path);
  }
}

/** Writes a file readable only by its owner, atomically (never a half-written key). */
function writePrivate(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600, flag: 'w' });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

function makePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
}

function emptyState(): KeystoreState {
  return { version: 1, server: null, userId: null, email: null, device: null, backupVersion: null, keys: [] };
}

export class Keystore {
  private constructor(
    readonly home: string,
    public state: KeystoreState,
  ) {}

  /**
   * Opens the keystore at `home`. With `create`, makes it (mode 0700) when missing; otherwise a missing
   * keystore is refused. An existing one is checked file by file before anything is read.
   */
  static open(home: string, options: { create?: boolean } = {}): Keystore {
    if (!existsSync(join(home, STATE_FILE))) {
      if (!options.create) {
        throw new CliFailure(
          'KEYSTORE_NOT_FOUND',
          `no keystore in ${home}`,
          1,
          'Run `liaison keys init` (first device) or `liaison keys restore` (another device), or pass --home.',
        );
      }
      if (existsSync(home)) checkTree(home);
      else makePrivateDir(home);
      const store = new Keystore(home, emptyState());
      store.save();
      return store;
    }
    checkTree(home);
    let state: KeystoreState;
    try {
      state = JSON.parse(readFileSync(join(home, STATE_FILE), 'utf8')) as KeystoreState;
    } catch {
      throw new CliFailure('KEYSTORE_DAMAGED', `${join(home, STATE_FILE)} is not readable JSON`);
    }
    if (state.version !== 1) {
      throw new CliFailure(
        'KEYSTORE_DAMAGED',
        `${join(home, STATE_FILE)} has unknown version ${String(state.version)}`,
      );
    }
    return new Keystore(home, state);
  }

  save(): void {
    writePrivate(join(this.home, STATE_FILE), JSON.stringify(this.state, null, 2) + '\n');
  }

  /** The newest key of a usage (latest certificate start), or the one with this serial. */
  key(usage: KeyUsage, serial?: string): KeyMaterial | null {
    const wanted = serial?.toLowerCase().replace(/^0x/, '').replace(/[:\s]/g, '');
    const record = this.state.keys
      .filter((k) => k.usage === usage && (wanted === undefined || k.serial === wanted))
      .sort((a, b) => b.notBefore.localeCompare(a.notBefore) || b.addedAt.localeCompare(a.addedAt))[0];
    return record ? this.read(record) : null;
  }

  requireKey(usage: KeyUsage, serial?: string): KeyMaterial {
    const key = this.key(usage, serial);
    if (key) return key;
    throw new CliFailure(
      'KEY_NOT_FOUND',
      serial ? `no ${usage} key with serial ${serial} in ${this.home}` : `no ${usage} key in ${this.home}`,
      1,
      serial ? undefined : 'Run `liaison keys init` or `liaison keys restore` first.',
    );
  }

  /** Every key of the history (all usages), newest first. */
  all(): KeyMaterial[] {
    return [...this.state.keys]
      .sort((a, b) => b.notBefore.localeCompare(a.notBefore))
      .map((record) => this.read(record));
  }

  read(record: KeyRecord): KeyMaterial {
    const pem = readFileSync(join(this.home, record.keyFile), 'utf8');
    const der = pemBlocks(pem, 'PRIVATE KEY')[0];
    if (!der) throw new CliFailure('KEYSTORE_DAMAGED', `${record.keyFile} holds no PRIVATE KEY block`);
    return {
      record,
      privateKeyPkcs8: der,
      certificatePem: readFileSync(join(this.home, record.certFile), 'utf8'),
    };
  }

  /** Adds a key and its certificate (same serial again: kept once). Call save() afterwards. */
  addKey(input: {
    privateKeyPkcs8: Uint8Array;
    certificatePem: string;
    usage: KeyUsage;
    label?: string;
  }): KeyRecord {
    const info = readCertificate(input.certificatePem);
    const serial = info.serialNumberHex;
    const existing = this.state.keys.find((k) => k.serial === serial);
    if (existing) return existing;
    makePrivateDir(join(this.home, KEYS_DIR));
    const base = `${input.usage}-${serial}`;
    const record: KeyRecord = {
      serial,
      usage: input.usage,
      label: input.label ?? serial,
      keyFile: join(KEYS_DIR, `${base}.key.pem`),
      certFile: join(KEYS_DIR, `${base}.crt.pem`),
      notBefore: info.notBefore.toISOString(),
      notAfter: info.notAfter.toISOString(),
      emails: info.emails,
      addedAt: new Date().toISOString(),
    };
    writePrivate(join(this.home, record.keyFile), toPem(input.privateKeyPkcs8, 'PRIVATE KEY'));
    writePrivate(join(this.home, record.certFile), info.pem);
    this.state.keys.push(record);
    return record;
  }

  caChain(): string | null {
    const path = join(this.home, CA_FILE);
    return existsSync(path) ? readFileSync(path, 'utf8') : null;
  }

  saveCaChain(pem: string): void {
    writePrivate(join(this.home, CA_FILE), pem);
  }
}
