/**
 * `liaison chat group create|add|remove|rename|role`: care-team groups from a script (an
 * establishment's IT provisioning its wards' teams, say). Membership is metadata the server manages,
 * so no keystore is needed; people are named by user id, as `chat send --with` does.
 */
import type { ChatMemberRole, Conversation } from '@liaison/core/api/chat';
import { segment } from '../api.ts';
import { CliFailure } from '../failure.ts';
import { connect, type Remote } from '../remote.ts';

const path = (id: string, rest = '') => `/api/chat/conversations/${segment(id)}${rest}`;

function print(c: Conversation, json: boolean | undefined): void {
  if (json) {
    process.stdout.write(JSON.stringify(c, null, 2) + '\n');
    return;
  }
  const members = c.members.map((m) => `  ${m.userId}  ${m.role.padEnd(6)}  ${m.displayName}`);
  process.stdout.write([`${c.id}  ${c.name ?? ''}`, ...members].join('\n') + '\n');
}

function ids(values: string[] | undefined, what: string): string[] {
  if (!values || values.length === 0) throw new CliFailure('VALIDATION_FAILED', `give at least one ${what}`);
  return values;
}

export async function createGroup(o: {
  name: string;
  member?: string[];
  admin?: string[];
  json?: boolean;
}): Promise<void> {
  const remote = connect();
  const admins = o.admin ?? [];
  const created = await remote.api.post<Conversation>('/api/chat/conversations', {
    kind: 'group',
    name: o.name,
    memberIds: [...new Set([...(o.member ?? []), ...admins])],
    ...(admins.length > 0 ? { adminIds: admins } : {}),
  });
  print(created, o.json);
}

export async function addToGroup(id: string, o: { member?: string[]; json?: boolean }): Promise<void> {
  const remote = connect();
  print(
    await remote.api.post<Conversation>(path(id, '/members'), { userIds: ids(o.member, '--member') }),
    o.json,
  );
}

export async function removeFromGroup(id: string, o: { member?: string[]; json?: boolean }): Promise<void> {
  const remote: Remote = connect();
  for (const userId of ids(o.member, '--member')) {
    await remote.api.delete(path(id, `/members/${segment(userId)}`));
  }
  const me = await remote.api.get<{ id: string }>('/api/me');
  // Someone who removed themselves (left) can no longer see the group.
  if (o.member!.includes(me.id)) return;
  print(await remote.api.get<Conversation>(path(id)), o.json);
}

export async function renameGroup(id: string, name: string, o: { json?: boolean }): Promise<void> {
  print(await connect().api.patch<Conversation>(path(id), { name }), o.json);
}

export async function setRole(
  id: string,
  userId: string,
  role: string,
  o: { json?: boolean },
): Promise<void> {
  if (role !== 'admin' && role !== 'member') {
    throw new CliFailure('VALIDATION_FAILED', 'the role is admin or member');
  }
  const body: { role: ChatMemberRole } = { role };
  print(await connect().api.patch<Conversation>(path(id, `/members/${segment(userId)}`), body), o.json);
}
