/**
 * `liaison mailbox` on a real server: a cabinet's shared mailbox, created over HTTP by an
 * establishment admin who hands ownership to a professional and steps out; the owner makes the key
 * (version 1), adds a colleague as delegate (who then opens version 1 with their own keystore), removes
 * them with --rotate (version 2; the colleague is refused) and still opens both versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  establishmentAdmin,
  liaison,
  machine,
  professional,
  secretFile,
  signIn,
  startServer,
  type Machine,
  type Professional,
  type TestServer,
} from './support/liaison.ts';

const SETUP = 180_000;
const SLOW = 120_000;

interface Versions {
  address: string;
  versions: Array<{ version: number; opens: boolean }>;
}

describe('liaison mailbox', { timeout: SLOW }, () => {
  let server: TestServer;
  let owner: Professional;
  let colleague: Professional;
  let ownerMachine: Machine;
  let colleagueMachine: Machine;
  let address: string;

  async function http<T>(method: string, path: string, body?: unknown, token?: string) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async function initKeys(person: Professional, m: Machine): Promise<void> {
    const login = await signIn(server, m, person);
    expect(login.status, login.stderr).toBe(0);
    const passphrase = secretFile(server, `passphrase-${person.userId}`, 'a passphrase for the key backup');
    const init = await m.run(`keys init --home {home} --passphrase-file ${passphrase}`);
    expect(init.status, init.stderr).toBe(0);
  }

  beforeAll(async () => {
    server = await startServer('mailbox');
    ownerMachine = machine(server, 'owner');
    colleagueMachine = machine(server, 'colleague');
    [owner, colleague] = await Promise.all([
      professional(server, 'Anne', 'Martin').then(async (p) => (await initKeys(p, ownerMachine), p)),
      professional(server, 'Bruno', 'Durand').then(async (p) => (await initKeys(p, colleagueMachine), p)),
    ]);

    const org = await liaison(server.env, [
      'admin',
      'create-org',
      '--name',
      'Cabinet des Tilleuls',
      '--kind',
      'practice',
      '--json',
    ]);
    expect(org.status, org.stderr).toBe(0);
    const orgId = (JSON.parse(org.stdout) as { id: string }).id;
    const admin = await establishmentAdmin(server, orgId);
    address = 'secretariat@liaison.test';
    const box = await http<{ id: string }>(
      'POST',
      '/api/mailboxes',
      { address, kind: 'CAB', organisationId: orgId },
      admin.token,
    );
    expect(box.status, JSON.stringify(box.body)).toBe(201);
    // The admin (owner as creator) makes the professional owner and steps out: no key exists yet.
    const added = await http(
      'POST',
      `/api/mailboxes/${box.body.id}/members`,
      {
        userId: owner.userId,
        access: 'owner',
      },
      admin.token,
    );
    expect(added.status, JSON.stringify(added.body)).toBe(204);
    const left = await http(
      'DELETE',
      `/api/mailboxes/${box.body.id}/members/${admin.id}`,
      undefined,
      admin.token,
    );
    expect(left.status, JSON.stringify(left.body)).toBe(204);
  }, SETUP);
  afterAll(() => server?.stop());

  const keys = async (m: Machine) => {
    const run = await m.run(`mailbox keys ${address} --home {home} --json`);
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as Versions;
  };

  it('lists the mailbox, makes version 1 and opens it', async () => {
    const list = await ownerMachine.run('mailbox list --home {home}');
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/secretariat@liaison\.test {2}CAB {2}owner/);

    const init = await ownerMachine.run(`mailbox key-init ${address} --home {home}`);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('key version 1');
    expect(await keys(ownerMachine)).toMatchObject({ address, versions: [{ version: 1, opens: true }] });

    const again = await ownerMachine.run(`mailbox key-init ${address} --home {home}`);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^MAILBOX_KEY_EXISTS: /);
  });

  it('adds a delegate, who opens version 1 with their own keystore', async () => {
    const before = await colleagueMachine.run(`mailbox keys ${address} --home {home}`);
    expect(before.status).toBe(1);
    expect(before.stderr).toMatch(/^NOT_A_MEMBER: /);

    const add = await ownerMachine.run(
      `mailbox add-member ${address} --user ${colleague.userId} --home {home}`,
    );
    expect(add.status, add.stderr).toBe(0);
    expect(add.stdout).toContain('key version(s) 1 wrapped');
    expect(await keys(colleagueMachine)).toMatchObject({ versions: [{ version: 1, opens: true }] });
  });

  it('removes the delegate with --rotate: version 2, the delegate is refused, the owner opens both', async () => {
    const remove = await ownerMachine.run(
      `mailbox remove-member ${address} --user ${colleague.userId} --rotate --home {home}`,
    );
    expect(remove.status, remove.stderr).toBe(0);
    expect(remove.stdout).toContain('key version 2');

    const members = await ownerMachine.run(`mailbox members ${address} --home {home} --json`);
    expect(members.status, members.stderr).toBe(0);
    expect(JSON.parse(members.stdout)).toMatchObject({
      rotationRequired: false,
      members: [{ userId: owner.userId, access: 'owner', missingWraps: [] }],
    });

    const refused = await colleagueMachine.run(`mailbox keys ${address} --home {home}`);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^NOT_A_MEMBER: /);
    expect(await keys(ownerMachine)).toMatchObject({
      versions: [
        { version: 1, opens: true },
        { version: 2, opens: true },
      ],
    });
  });
});
