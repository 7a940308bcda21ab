/**
 * `liaison chat` on a real server with keys made by `liaison keys init`: the sender starts a direct
 * conversation and sends two texts, encrypted on their machine; the recipient sees them unread in
 * `chat list`, reads them decrypted in order and marks them read; a conversation the caller is not a
 * member of is refused (CHAT_NOT_MEMBER, exit 1); the server stores no plaintext; a group message
 * is encrypted for all three members and each reads it; a photo prints as its caption and size, and
 * `--save-photos` writes the checked JPEG.
 */
import { encodePhotoCard, sha256Hex } from '@liaison/core/chat/photo';
import { base64Encode, encrypt } from '@liaison/core/crypto/index';
import { syntheticJpeg } from '@liaison/core/synthetic/index';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colleagues, http, runWith, type Person } from './support/mail.ts';
import { machine, professional, secretFile, signIn, type TestServer } from './support/liaison.ts';

const SETUP = 180_000;
const SLOW = 120_000;

interface Listed {
  id: string;
  unread: number;
  title: string;
  lastMessageAt: string | null;
}

interface ReadLine {
  seq: number;
  sender: string;
  text?: string;
  error?: string;
}

describe('liaison chat', { timeout: SLOW }, () => {
  let server: TestServer;
  let sender: Person;
  let recipient: Person;
  let conversationId = '';
  let stranger: Person | undefined;

  beforeAll(async () => {
    ({ server, sender, recipient } = await colleagues('chat'));
  }, SETUP);
  afterAll(() => server?.stop());

  const chat = (p: Person, args: string[]) => runWith(p, {}, ['chat', ...args]);

  it('sends two texts in a direct conversation, encrypted for both', async () => {
    const first = await chat(sender, [
      'send',
      '--with',
      recipient.pro.userId,
      '--text',
      'Bonjour, le patient de la chambre 12 sort demain.',
      '--json',
      '--home',
      sender.m.home,
    ]);
    expect(first.status, first.stderr).toBe(0);
    const sent = JSON.parse(first.stdout) as { conversationId: string; seq: number };
    expect(sent.seq).toBe(1);
    conversationId = sent.conversationId;

    const file = join(server.dir, 'message.txt');
    writeFileSync(file, 'Ordonnance à renouveler — merci.');
    const second = await chat(sender, [
      'send',
      '--to',
      conversationId,
      '--text-file',
      file,
      '--home',
      sender.m.home,
    ]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout.trim()).toBe('2');

    // Starting the direct conversation again reuses it.
    const again = await chat(sender, [
      'send',
      '--with',
      recipient.pro.userId,
      '--text',
      'Et les résultats de biologie ?',
      '--json',
      '--home',
      sender.m.home,
    ]);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ conversationId, seq: 3 });
  });

  it('lists the conversation as unread for the recipient', async () => {
    const list = await chat(recipient, ['list', '--json']);
    expect(list.status, list.stderr).toBe(0);
    const rows = JSON.parse(list.stdout) as Listed[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: conversationId, unread: 3, title: 'Luc Martin' });
    expect(rows[0]!.lastMessageAt).not.toBeNull();

    const text = await chat(recipient, ['list']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('3 unread');
  });

  it('reads the messages decrypted, in order, and marks them read', async () => {
    const read = await chat(recipient, [
      'read',
      conversationId,
      '--json',
      '--mark-read',
      '--home',
      recipient.m.home,
    ]);
    expect(read.status, read.stderr).toBe(0);
    const lines = read.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ReadLine);
    expect(lines.map((l) => [l.seq, l.text])).toEqual([
      [1, 'Bonjour, le patient de la chambre 12 sort demain.'],
      [2, 'Ordonnance à renouveler — merci.'],
      [3, 'Et les résultats de biologie ?'],
    ]);
    expect(lines.every((l) => l.sender === 'Luc Martin')).toBe(true);

    const after = await chat(recipient, ['read', conversationId, '--after', '2', '--home', recipient.m.home]);
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).toMatch(/^3 {2}\S+ {2}Luc Martin: Et les résultats de biologie \?\n$/);

    const list = await chat(recipient, ['list', '--json']);
    expect((JSON.parse(list.stdout) as Listed[])[0]).toMatchObject({ unread: 0 });

    // The sender's own copy opens with the sender's key.
    const own = await chat(sender, ['read', conversationId, '--home', sender.m.home]);
    expect(own.status, own.stderr).toBe(0);
    expect(own.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('stores no plaintext on the server', () => {
    const files = readdirSync(server.dir).filter((f) => /^liaison\.sqlite(-wal)?$/.test(f));
    expect(files).toContain('liaison.sqlite');
    for (const name of files) {
      expect(readFileSync(join(server.dir, name)).includes('chambre 12')).toBe(false);
    }
  });

  it("refuses a stranger's conversation with CHAT_NOT_MEMBER", async () => {
    const paul = await professional(server, 'Paul', 'Bernard');
    stranger = { pro: paul, m: machine(server, 'stranger') };
    const login = await signIn(server, stranger.m, paul);
    expect(login.status, login.stderr).toBe(0);
    // Only people with an encryption certificate can join a conversation (CHAT_MEMBER_NOT_ELIGIBLE).
    const passphrase = secretFile(server, 'passphrase-paul', 'a passphrase for the key backup');
    const init = await stranger.m.run(`keys init --home {home} --passphrase-file ${passphrase}`);
    expect(init.status, init.stderr).toBe(0);
    // A conversation between the stranger and the sender, made over HTTP with the stranger's session.
    const theirs = await http<{ id: string }>(server, stranger, 'POST', '/api/chat/conversations', {
      kind: 'direct',
      userId: sender.pro.userId,
    });
    expect(theirs.status).toBe(201);
    const theirConversation = theirs.body;

    const refused = await chat(recipient, ['read', theirConversation.id, '--home', recipient.m.home]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^CHAT_NOT_MEMBER: /);
    const refusedSend = await chat(recipient, [
      'send',
      '--to',
      theirConversation.id,
      '--text',
      'x',
      '--home',
      recipient.m.home,
    ]);
    expect(refusedSend.status).toBe(1);
    expect(refusedSend.stderr).toMatch(/^CHAT_NOT_MEMBER: /);
  });

  it('encrypts a group message for every member, each of whom reads it', async () => {
    expect(stranger).toBeDefined();
    const paul = stranger!;
    const group = await http<{ id: string }>(server, sender, 'POST', '/api/chat/conversations', {
      kind: 'group',
      name: 'Sortie chambre 12',
      memberIds: [recipient.pro.userId, paul.pro.userId],
    });
    expect(group.status).toBe(201);
    const sent = await chat(sender, [
      'send',
      '--to',
      group.body.id,
      '--text',
      'Staff à 14 h.',
      '--home',
      sender.m.home,
    ]);
    expect(sent.status, sent.stderr).toBe(0);
    for (const member of [recipient, paul]) {
      const read = await chat(member, ['read', group.body.id, '--home', member.m.home]);
      expect(read.status, read.stderr).toBe(0);
      expect(read.stdout).toMatch(/^1 {2}\S+ {2}Luc Martin: Staff à 14 h\.\n$/);
    }
    const list = await chat(paul, ['list', '--json']);
    expect((JSON.parse(list.stdout) as Listed[]).map((c) => c.title)).toContain('Sortie chambre 12');
  });

  it('prints a photo as its caption and size, and saves the checked JPEG on request', async () => {
    // A device sent it (reduced, metadata removed): sealed here for both members' certificates.
    const certificates: string[] = [];
    for (const who of [sender, recipient]) {
      const listed = await http<
        { usage: string; state: string; mailboxId: string | null; certificatePem: string }[]
      >(server, sender, 'GET', `/api/pki/users/${who.pro.userId}/certificates`);
      certificates.push(
        ...listed.body
          .filter((c) => c.usage === 'encryption' && c.state === 'active' && c.mailboxId === null)
          .map((c) => c.certificatePem),
      );
    }
    const jpeg = syntheticJpeg({ width: 1600, height: 1200 });
    const thumbnail = syntheticJpeg({ width: 320, height: 240 });
    const card = encodePhotoCard({
      v: 1,
      caption: 'Plaie talon gauche, J3',
      width: 1600,
      height: 1200,
      bytes: jpeg.length,
      sha256: await sha256Hex(jpeg),
      thumbnail: { width: 320, height: 240, jpeg: Buffer.from(thumbnail).toString('base64') },
    });
    const seal = async (content: Uint8Array) =>
      base64Encode(await encrypt({ content, recipients: certificates }));
    const posted = await http<{ seq: number }>(
      server,
      sender,
      'POST',
      `/api/chat/conversations/${conversationId}/messages`,
      {
        id: crypto.randomUUID(),
        kind: 'photo',
        envelope: await seal(card),
        photo: await seal(jpeg),
      },
    );
    expect(posted.status).toBe(201);

    const after = String(posted.body.seq - 1);
    const read = await chat(recipient, [
      'read',
      conversationId,
      '--after',
      after,
      '--home',
      recipient.m.home,
    ]);
    expect(read.status, read.stderr).toBe(0);
    expect(read.stdout).toMatch(/Luc Martin: \[photo 1600×1200, \d+ KB\] Plaie talon gauche, J3\n$/);

    const dir = join(server.dir, 'photos');
    const saved = await chat(recipient, [
      'read',
      conversationId,
      '--after',
      after,
      '--json',
      '--save-photos',
      dir,
      '--home',
      recipient.m.home,
    ]);
    expect(saved.status, saved.stderr).toBe(0);
    const line = JSON.parse(saved.stdout.trim()) as { photo: { file: string; caption: string } };
    expect(line.photo.caption).toBe('Plaie talon gauche, J3');
    expect(Buffer.from(readFileSync(line.photo.file)).equals(Buffer.from(jpeg))).toBe(true);
  });

  it('re-shares earlier messages with a newcomer, who could not read them before', async () => {
    const paul = stranger!;
    const group = await http<{ id: string }>(server, sender, 'POST', '/api/chat/conversations', {
      kind: 'group',
      name: 'Relève de nuit',
      memberIds: [recipient.pro.userId],
    });
    for (const text of ['Chambre 4 : surveillance glycémie.', 'Chambre 7 : sortie prévue demain.']) {
      const sent = await chat(sender, [
        'send',
        '--to',
        group.body.id,
        '--text',
        text,
        '--home',
        sender.m.home,
      ]);
      expect(sent.status, sent.stderr).toBe(0);
    }
    const added = await http(server, sender, 'POST', `/api/chat/conversations/${group.body.id}/members`, {
      userIds: [paul.pro.userId],
    });
    expect(added.status).toBe(200);
    // Not a recipient of what came before: nothing to read.
    const before = await chat(paul, ['read', group.body.id, '--home', paul.m.home]);
    expect([before.status, before.stdout]).toEqual([0, '']);

    const shared = await chat(sender, [
      'reshare',
      group.body.id,
      '--last',
      '5',
      '--json',
      '--home',
      sender.m.home,
    ]);
    expect(shared.status, shared.stderr).toBe(0);
    expect(JSON.parse(shared.stdout)).toMatchObject({ seq: 3, shared: 2 });
    const after = await chat(paul, ['read', group.body.id, '--home', paul.m.home]);
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).toContain('Luc Martin: [earlier messages shared by Luc Martin]');
    expect(after.stdout).toMatch(/> \S+ {2}Luc Martin: Chambre 4 : surveillance glycémie\.\n/);
    expect(after.stdout).toMatch(/> \S+ {2}Luc Martin: Chambre 7 : sortie prévue demain\.\n$/);
    const bad = await chat(sender, ['reshare', group.body.id, '--last', '0', '--home', sender.m.home]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^VALIDATION_FAILED: --last/);
  });

  it('manages a care-team group from a script', async () => {
    const paul = stranger!;
    const created = await chat(sender, [
      'group',
      'create',
      '--name',
      'Équipe soins — 3e étage',
      '--member',
      recipient.pro.userId,
      '--json',
    ]);
    expect(created.status, created.stderr).toBe(0);
    const group = JSON.parse(created.stdout) as { id: string; members: { userId: string; role: string }[] };
    expect(group.members).toHaveLength(2);
    const id = group.id;

    const added = await chat(sender, ['group', 'add', id, '--member', paul.pro.userId]);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toContain('Paul Bernard');
    const promoted = await chat(sender, ['group', 'role', id, recipient.pro.userId, 'admin', '--json']);
    expect(promoted.status, promoted.stderr).toBe(0);
    const roles = (JSON.parse(promoted.stdout) as typeof group).members;
    expect(roles.find((m) => m.userId === recipient.pro.userId)?.role).toBe('admin');
    const renamed = await chat(recipient, ['group', 'rename', id, 'Équipe soins — nuit']);
    expect(renamed.status, renamed.stderr).toBe(0);
    expect(renamed.stdout).toMatch(/^\S+ {2}Équipe soins — nuit\n/);

    // Refusals keep the server's code: a plain member cannot remove anyone; a bad role is caught here.
    const refused = await chat(paul, ['group', 'remove', id, '--member', recipient.pro.userId]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^CHAT_ADMIN_REQUIRED: /);
    const badRole = await chat(sender, ['group', 'role', id, paul.pro.userId, 'owner']);
    expect(badRole.stderr).toMatch(/^VALIDATION_FAILED: /);

    const left = await chat(paul, ['group', 'remove', id, '--member', paul.pro.userId]);
    expect([left.status, left.stdout]).toEqual([0, '']);
    const list = await chat(paul, ['list', '--json']);
    expect((JSON.parse(list.stdout) as Listed[]).map((c) => c.id)).not.toContain(id);
  });
});
