import type { MailboxKind } from '@liaison/core/api/common';
import { establishmentAdmin, liaison, type TestServer } from './liaison.ts';
import type { Person } from './mail.ts';

/** A bare bearer-token call to the test server's API; throws with the reply on anything but 2xx. */
export async function bearerCall(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as unknown;
}

/**
 * A hospital with one shared mailbox (a service's ORG or its system's APP), owned by `owner` and keyed
 * by the owner's `liaison mailbox key-init`, as an establishment admin sets it up. The admin (a member
 * as creator, without keys) steps out, so the key is wrapped for the owner alone.
 */
export async function keyedHospitalMailbox(
  server: TestServer,
  owner: Person,
  mailbox: { address: string; kind: Exclude<MailboxKind, 'PER'> },
): Promise<{ organisationId: string; mailboxId: string }> {
  const org = await liaison(server.env, [
    'admin',
    'create-org',
    '--name',
    'Hôpital Nord',
    '--kind',
    'hospital',
    '--json',
  ]);
  if (org.status !== 0) throw new Error(`create-org: ${org.stderr}`);
  const organisationId = (JSON.parse(org.stdout) as { id: string }).id;
  const admin = await establishmentAdmin(server, organisationId, 'dsi@hopital-nord.test');
  const call = (method: string, path: string, body?: unknown) =>
    bearerCall(server.url, admin.token, method, path, body);
  const box = (await call('POST', '/api/mailboxes', { ...mailbox, organisationId })) as { id: string };
  await call('POST', `/api/mailboxes/${box.id}/members`, { userId: owner.pro.userId, access: 'owner' });
  await call('DELETE', `/api/mailboxes/${box.id}/members/${admin.id}`);
  const keyInit = await owner.m.run(`mailbox key-init ${mailbox.address} --home {home}`);
  if (keyInit.status !== 0) throw new Error(`mailbox key-init: ${keyInit.stderr}`);
  return { organisationId, mailboxId: box.id };
}
