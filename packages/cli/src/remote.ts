/**
 * The server side of the key commands: the bearer token `liaison login` saved, checked against the
 * server and account a keystore belongs to, and this keystore's device (registered, approved, bound).
 */
import { hostname } from 'node:os';
import { ApiClient, ApiError } from './api.ts';
import type { Device, MeView, RegisteredDevice } from './apiTypes.ts';
import { loadSession, type StoredSession } from './credentials.ts';
import { CliFailure, EXIT_PENDING_APPROVAL } from './failure.ts';
import type { DeviceRecord, Keystore } from './keystore.ts';

/** The server keeps an approval code this long (packages/server/src/devices/service.ts). */
const APPROVAL_CODE_TTL_MS = 15 * 60_000;

const sameServer = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

export interface Remote {
  api: ApiClient;
  session: StoredSession;
}

/** The saved session; refused when missing, or when it is for another server than the keystore's. */
export function connect(store?: Keystore): Remote {
  const session = loadSession();
  if (!session) {
    throw new CliFailure('NOT_SIGNED_IN', 'no saved session', 1, 'Sign in first: liaison login --server URL');
  }
  const server = store?.state.server;
  if (server && !sameServer(server, session.server)) {
    throw new CliFailure(
      'KEYSTORE_SERVER_MISMATCH',
      `the keystore ${store.home} belongs to ${server}, the saved session to ${session.server}`,
      1,
      `Sign in to ${server} (liaison login --server ${server} --home ${store.home}) or use another --home.`,
    );
  }
  return { api: new ApiClient(session.server, { token: session.token }), session };
}

/** Ties an empty keystore to the signed-in account; refuses one that belongs to someone else. */
export async function bindAccount(store: Keystore, remote: Remote): Promise<MeView> {
  const me = await remote.api.get<MeView>('/api/me');
  if (store.state.userId && store.state.userId !== me.id) {
    throw new CliFailure(
      'KEYSTORE_ACCOUNT_MISMATCH',
      `the keystore ${store.home} belongs to ${store.state.email ?? store.state.userId}, you are signed in as ${me.email}`,
    );
  }
  store.state.server = remote.session.server;
  store.state.userId = me.id;
  store.state.email = me.email;
  store.save();
  return me;
}

async function register(store: Keystore, remote: Remote, name: string): Promise<DeviceRecord> {
  const registered = await remote.api.post<RegisteredDevice>('/api/devices', { name, kind: 'cli' });
  const record: DeviceRecord = {
    id: registered.device.id,
    token: registered.deviceToken,
    status: registered.device.status === 'active' ? 'active' : 'pending',
  };
  if (registered.approvalCode) {
    record.approvalCode = registered.approvalCode;
    record.approvalCodeExpiresAt = new Date(Date.now() + APPROVAL_CODE_TTL_MS).toISOString();
  }
  store.state.device = record;
  store.save();
  return record;
}

export interface DeviceOptions {
  deviceName?: string;
  /** What to run once approved, for the pending message. */
  next: string;
}

/**
 * Makes sure this keystore is an enrolled device of the account and that the saved session is bound
 * to it. Registers it on first use (the first device of a person is active at once); while it waits
 * for approval, prints the code and how to approve it and exits with code 3.
 */
export async function ensureDevice(
  store: Keystore,
  remote: Remote,
  options: DeviceOptions,
): Promise<DeviceRecord> {
  let record = store.state.device;
  if (!record) {
    record = await register(store, remote, options.deviceName ?? `liaison CLI on ${hostname()}`);
  } else {
    const devices = await remote.api.get<Device[]>('/api/devices');
    const mine = devices.find((d) => d.id === record!.id);
    if (!mine) {
      throw new CliFailure(
        'DEVICE_NOT_FOUND',
        `the keystore's device ${record.id} is not one of this account's devices`,
      );
    }
    if (mine.status === 'revoked') {
      record.status = 'revoked';
      store.save();
      throw new CliFailure(
        'DEVICE_REVOKED',
        `this keystore's device (${mine.name}, ${mine.id}) has been revoked`,
        1,
        'Use a new keystore (another --home) to enrol this machine again.',
      );
    }
    if (
      mine.status === 'pending' &&
      (!record.approvalCodeExpiresAt || record.approvalCodeExpiresAt < new Date().toISOString())
    ) {
      // The code died on the server: ask again with a fresh code (which rebinds the session to the new
      // request), then withdraw the stale one.
      record = await register(store, remote, mine.name);
      await remote.api.post(`/api/devices/${mine.id}/revoke`);
    } else {
      record.status = mine.status;
      if (mine.status === 'active') {
        delete record.approvalCode;
        delete record.approvalCodeExpiresAt;
      }
      store.save();
      // A connector made from this keystore (`keys devices connector`) acts with this keystore's keys.
      const connector = devices.find((d) => d.current && d.kind === 'connector' && d.status === 'active');
      const ownConnector = connector !== undefined && connector.id === store.state.connectorId;
      if (!mine.current && !ownConnector) {
        throw new CliFailure(
          'SESSION_NOT_BOUND',
          'the saved session is not tied to this keystore’s device',
          1,
          `Sign in again from this keystore: liaison login --server ${remote.session.server} --home ${store.home}`,
        );
      }
    }
  }
  if (record.status === 'pending') throw pendingApproval(record, options.next);
  return record;
}

/** The "waiting for approval" answer: the code and what to do, on stdout; exit code 3. */
export function pendingApproval(record: DeviceRecord, next: string): CliFailure {
  const code = record.approvalCode ?? '(unknown)';
  const expires = record.approvalCodeExpiresAt ? new Date(record.approvalCodeExpiresAt) : null;
  const until = expires
    ? `${String(expires.getHours()).padStart(2, '0')}:${String(expires.getMinutes()).padStart(2, '0')}`
    : '?';
  process.stdout.write(
    [
      `This machine is registered as device ${record.id} and waits for approval.`,
      `Approval code: ${code}   (valid until ${until})`,
      'Approve it on a device where your keys are already set up:',
      `  liaison keys devices approve ${code.replace(/\s+/g, '')}     (or in the web app: account, devices)`,
      `then run \`${next}\` here.`,
      '',
    ].join('\n'),
  );
  return new CliFailure('DEVICE_NOT_APPROVED', 'this device waits for approval', EXIT_PENDING_APPROVAL);
}

/** A server refusal because the device is pending, turned into the same answer as above. */
export function asPending(err: unknown, store: Keystore, next: string): unknown {
  if (err instanceof ApiError && err.code === 'DEVICE_NOT_APPROVED' && store.state.device) {
    store.state.device.status = 'pending';
    store.save();
    return pendingApproval(store.state.device, next);
  }
  return err;
}
