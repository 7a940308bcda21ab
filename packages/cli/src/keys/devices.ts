/**
 * `liaison keys devices [list | approve CODE | revoke ID]`: the account's devices. Approving a new
 * device by its code works from an enrolled device only (the session must be bound to one: sign in
 * with `liaison login --home DIR` on an enrolled keystore). Revoking ends the device's sessions at once.
 */
import type { Device } from '../apiTypes.ts';
import { ApiError } from '../api.ts';
import { saveSession } from '../credentials.ts';
import { CliFailure } from '../failure.ts';
import { Keystore } from '../keystore.ts';
import { connect, type Remote } from '../remote.ts';

/** The session, checked against the keystore's server when there is a keystore at `home`. */
function remoteFor(home: string): Remote {
  try {
    return connect(Keystore.open(home));
  } catch (err) {
    if ((err as { code?: string }).code === 'KEYSTORE_NOT_FOUND') return connect();
    throw err;
  }
}

function line(d: Device): string {
  const seen = d.lastSeenAt ? `last seen ${d.lastSeenAt.slice(0, 16).replace('T', ' ')}` : 'never seen';
  return `${d.current ? '*' : ' '} ${d.id}  ${d.kind.padEnd(9)} ${d.status.padEnd(8)} ${d.name}  (${seen})`;
}

function explain(err: unknown): unknown {
  if (err instanceof ApiError && (err.code === 'DEVICE_REQUIRED' || err.code === 'DEVICE_NOT_APPROVED')) {
    return new CliFailure(
      err.code,
      err.message,
      1,
      'Approve from an enrolled device: sign in with `liaison login --home DIR` where DIR is an enrolled keystore.',
    );
  }
  return err;
}

export async function devicesList(options: { home: string; json?: boolean }): Promise<void> {
  const devices = await remoteFor(options.home).api.get<Device[]>('/api/devices');
  if (options.json) {
    process.stdout.write(JSON.stringify(devices, null, 2) + '\n');
    return;
  }
  if (devices.length === 0) process.stdout.write('no device\n');
  for (const d of devices) process.stdout.write(line(d) + '\n');
}

export async function devicesApprove(codeWords: string[], options: { home: string }): Promise<void> {
  const code = codeWords.join('').replace(/\s+/g, '');
  if (!/^[0-9]{6}$/.test(code)) throw new CliFailure('VALIDATION_FAILED', 'expected a 6-digit code');
  const device = await remoteFor(options.home)
    .api.post<Device>('/api/devices/approve', { code })
    .catch((err: unknown) => {
      throw explain(err);
    });
  process.stdout.write(`approved device ${device.name} (${device.id})\n`);
}

export async function devicesRevoke(id: string, options: { home: string }): Promise<void> {
  await remoteFor(options.home).api.post(`/api/devices/${encodeURIComponent(id)}/revoke`);
  process.stdout.write(`revoked device ${id}: its sessions ended\n`);
}

/**
 * Turns this machine into an unattended connector (`liaison fetch --watch` under a service account):
 * from an enrolled device, the server makes a connector device with a long-lived token (a year,
 * revocable like any device), which replaces the saved session. The keys stay in this keystore, a
 * file only its OS user can read.
 */
export async function devicesConnector(name: string, options: { home: string }): Promise<void> {
  const store = Keystore.open(options.home);
  const remote = remoteFor(options.home);
  const created = await remote.api
    .post<{ device: Device; token: string }>('/api/devices/connectors', { name })
    .catch((err: unknown) => {
      throw explain(err);
    });
  store.state.connectorId = created.device.id;
  store.save();
  saveSession({ ...remote.session, token: created.token, savedAt: new Date().toISOString() });
  process.stdout.write(
    `connector ${created.device.name} (${created.device.id}) enrolled; its token replaced the saved session.\n` +
      `Revoke it any time: liaison keys devices revoke ${created.device.id}\n`,
  );
}
