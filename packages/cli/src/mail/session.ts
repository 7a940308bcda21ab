/**
 * What `liaison send` and `liaison fetch` need before touching mail: the keystore, the saved session
 * (checked against the keystore's server and account), this keystore as an enrolled device, and the
 * instance CA chain pinned in the keystore (what every certificate and signature is checked against).
 */
import type { GetJson } from '@liaison/core/client/index';
import type { MeView } from '../apiTypes.ts';
import { CliFailure } from '../failure.ts';
import { Keystore } from '../keystore.ts';
import { bindAccount, connect, ensureDevice, type Remote } from '../remote.ts';

export interface MailSession {
  store: Keystore;
  remote: Remote;
  me: MeView;
  /** The instance CA chain (issuing CA then root), PEM. */
  chain: string;
  /** The command to run again once this device is approved. */
  next: string;
}

export interface MailboxRef {
  id: string;
  address: string;
  kind: string;
}

export async function openMailSession(home: string, next: string): Promise<MailSession> {
  const store = Keystore.open(home);
  const remote = connect(store);
  const me = await bindAccount(store, remote);
  await ensureDevice(store, remote, { next });
  let chain = store.caChain();
  if (!chain) {
    chain = await remote.api.text('/pki/ca.pem');
    store.saveCaChain(chain);
  }
  return { store, remote, me, chain, next };
}

/** The authenticated GET that core's certificate helpers take. */
export function getJson(remote: Remote): GetJson {
  return (path) => remote.api.get<unknown>(path);
}

/** Addresses compare as the server stores them: trimmed, lower case. */
export const normaliseAddress = (address: string): string => address.trim().toLowerCase();

/** `address` among the caller's mailboxes, else their personal (PER) mailbox when none is given. */
export function callerMailbox(me: MeView, address?: string): MailboxRef {
  if (address === undefined) {
    const personal = me.mailboxes.find((m) => m.kind === 'PER');
    if (personal) return personal;
    throw new CliFailure(
      'NO_MAILBOX',
      'your account has no personal mailbox yet',
      1,
      'It is created once a technician has verified your identity; or name a shared mailbox with --mailbox/--from.',
    );
  }
  const wanted = normaliseAddress(address);
  const found = me.mailboxes.find((m) => m.address.toLowerCase() === wanted);
  if (found) return found;
  throw new CliFailure(
    'NOT_A_MEMBER',
    `${address} is not one of your mailboxes`,
    1,
    'See your mailboxes with `liaison mailbox list`.',
  );
}
