/**
 * `liaison keys show`: the certificates of the account, with their state as the server knows it
 * (active, superseded, revoked) and whether this keystore holds their private key. Without a session
 * (or with --offline) it lists the keystore alone, state "unknown".
 */
import { ApiError } from '../api.ts';
import type { CertificateView, KeyUsage } from '../apiTypes.ts';
import { Keystore } from '../keystore.ts';
import { connect } from '../remote.ts';
import { personalCertificates } from './backup.ts';

export interface ShowOptions {
  home: string;
  json?: boolean;
  offline?: boolean;
}

export interface CertificateRow {
  usage: KeyUsage;
  serial: string;
  state: CertificateView['state'] | 'unknown';
  notBefore: string;
  notAfter: string;
  emails: string[];
  /** This keystore holds the private key. */
  inKeystore: boolean;
  revocationReason?: string | null;
}

async function serverCertificates(store: Keystore, options: ShowOptions): Promise<CertificateView[] | null> {
  if (options.offline || !store.state.userId) return null;
  try {
    return await personalCertificates(connect(store), store.state.userId);
  } catch (err) {
    const signedOut = err instanceof ApiError && err.status === 401;
    if (!signedOut && (err as { code?: string }).code !== 'NOT_SIGNED_IN') throw err;
    process.stderr.write('not signed in: showing the keystore only (states unknown)\n');
    return null;
  }
}

export async function keysShow(options: ShowOptions): Promise<void> {
  const store = Keystore.open(options.home);
  const remote = await serverCertificates(store, options);
  const local = new Map(store.state.keys.map((k) => [k.serial, k]));
  const rows: CertificateRow[] = remote
    ? remote.map((c) => ({
        usage: c.usage,
        serial: c.serial,
        state: c.state,
        notBefore: c.notBefore,
        notAfter: c.notAfter,
        emails: c.emails,
        inKeystore: local.has(c.serial),
        revocationReason: c.revocationReason,
      }))
    : [];
  for (const k of store.state.keys) {
    if (rows.some((r) => r.serial === k.serial)) continue;
    rows.push({ ...pick(k), state: 'unknown', inKeystore: true });
  }
  rows.sort((a, b) => a.usage.localeCompare(b.usage) || b.notBefore.localeCompare(a.notBefore));
  const device = store.state.device ? { id: store.state.device.id, status: store.state.device.status } : null;
  if (options.json) {
    const view = {
      home: store.home,
      server: store.state.server,
      email: store.state.email,
      device,
      certificates: rows,
    };
    process.stdout.write(JSON.stringify(view, null, 2) + '\n');
    return;
  }
  process.stdout.write(`keystore ${store.home}: ${store.state.email ?? '?'} on ${store.state.server ?? '?'}`);
  process.stdout.write(device ? `, device ${device.id} (${device.status})\n` : ', no device\n');
  if (rows.length === 0) process.stdout.write('no certificate\n');
  for (const r of rows) {
    const mark = r.inKeystore ? 'key here' : 'key not here';
    const reason = r.revocationReason ? ` (${r.revocationReason})` : '';
    process.stdout.write(
      `${r.usage.padEnd(10)} ${r.serial}  ${(r.state + reason).padEnd(10)}  until ${r.notAfter.slice(0, 10)}  ${r.emails.join(', ')}  [${mark}]\n`,
    );
  }
}

function pick(k: { usage: KeyUsage; serial: string; notBefore: string; notAfter: string; emails: string[] }) {
  return { usage: k.usage, serial: k.serial, notBefore: k.notBefore, notAfter: k.notAfter, emails: k.emails };
}
