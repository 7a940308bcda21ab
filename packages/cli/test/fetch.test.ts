/**
 * `liaison fetch` as a practice-software connector, on a real server with keys made by `liaison keys
 * init`: letters sent with `liaison send` land in a directory as HPRIM text (in the chosen encoding),
 * attachments and a sidecar, and are acknowledged (the sender sees "filed"); reruns write nothing
 * twice; crashes at each step (the LIAISON_FETCH_FAULT test hook) leave no partial file and the next
 * run completes; `--format eml` gives what `openssl cms` decrypts and verifies; hostile attachment
 * names stay inside the directory; a letter that fails verification is reported and never written;
 * `--watch` files a letter sent while it runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailList, SubmittedMessage } from '@liaison/core/api/mail';
import { pemBlocks } from '@liaison/core/crypto/index';
import { sealLetter, type LetterAttachment } from '@liaison/core/mail/index';
import {
  colleagues,
  HPRIM_CP1252,
  HPRIM_TEXT,
  http,
  keystoreKey,
  restartServer,
  runWith,
  tokenOf,
  sharedMailbox,
  start,
  type Person,
} from './support/mail.ts';
import type { TestServer } from './support/liaison.ts';

const SETUP = 180_000;
const SLOW = 120_000;
const CRASHED = 70;
const PDF = Buffer.from('%PDF-1.4\n% compte rendu\n%%EOF\n');

interface Sidecar {
  id: string;
  file: string;
  format: string;
  encoding: string | null;
  attachments: Array<{ file: string | null; filename: string; contentType: string; bytes: number }>;
  [key: string]: unknown;
}

describe('liaison fetch', { timeout: SLOW }, () => {
  let server: TestServer;
  let sender: Person;
  let recipient: Person;
  const path = (...parts: string[]) => join(server.dir, ...parts);
  const sidecar = (dir: string, id: string) =>
    JSON.parse(readFileSync(path(dir, `${id}.json`), 'utf8')) as Sidecar;

  beforeAll(async () => {
    ({ server, sender, recipient } = await colleagues('fetch'));
    writeFileSync(path('lettre.hpr'), HPRIM_CP1252);
    writeFileSync(path('compte-rendu.pdf'), PDF);
    writeFileSync(path('ecg.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2]));
    writeFileSync(path('note.txt'), 'Réunion de coordination jeudi.\nSalle 2.\n');
  }, SETUP);
  let restarted: (() => void) | undefined;
  afterAll(() => (restarted ?? server?.stop)?.());

  async function send(...args: string[]): Promise<string> {
    const run = await runWith(sender, {}, [
      'send',
      '--home',
      sender.m.home,
      '--to',
      recipient.pro.address,
      '--json',
      ...args,
    ]);
    expect(run.status, run.stderr).toBe(0);
    return (JSON.parse(run.stdout) as SubmittedMessage).id;
  }

  const fetchInto = (dir: string, args: string[] = [], env: Record<string, string> = {}) =>
    runWith(recipient, env, ['fetch', '--home', recipient.m.home, '--out', path(dir), ...args]);

  async function state(id: string): Promise<string> {
    const status = await http<SubmittedMessage>(server, sender, 'GET', `/api/mail/messages/${id}/status`);
    expect(status.status).toBe(200);
    return status.body.recipients[0]!.state;
  }

  /** Name → modification time, to prove a rerun rewrote nothing. */
  const snapshot = (dir: string) =>
    Object.fromEntries(readdirSync(path(dir)).map((n) => [n, statSync(path(dir, n)).mtimeMs]));

  it('writes the letter, its attachments and the sidecar, then acknowledges it (the sender sees filed)', async () => {
    const id = await send(
      '--hprim-file',
      path('lettre.hpr'),
      '--attach',
      path('compte-rendu.pdf'),
      path('ecg.png'),
    );
    expect(await state(id)).toBe('submitted');
    const run = await fetchInto('out', ['--encoding', 'windows-1252']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${id} ${sender.pro.address} ${path('out', `${id}.hpr`)}\n`);

    // Windows-1252 with CRLF, as the original file: byte for byte.
    expect(readFileSync(path('out', `${id}.hpr`)).equals(Buffer.from(HPRIM_CP1252))).toBe(true);
    expect(readFileSync(path('out', `${id}.1.compte-rendu.pdf`))).toEqual(
      readFileSync(path('compte-rendu.pdf')),
    );
    expect(readFileSync(path('out', `${id}.2.ecg.png`))).toEqual(readFileSync(path('ecg.png')));
    expect(readdirSync(path('out')).sort()).toEqual(
      [`${id}.1.compte-rendu.pdf`, `${id}.2.ecg.png`, `${id}.hpr`, `${id}.json`].sort(),
    );
    expect(sidecar('out', id)).toMatchObject({
      id,
      mailbox: recipient.pro.address,
      category: 'patient',
      from: sender.pro.address,
      to: [recipient.pro.address],
      cc: [],
      subject: 'Courrier – LEFÈVRE Hélène',
      signer: { commonName: 'Luc MARTIN', emails: [sender.pro.address] },
      verified: true,
      format: 'hprim',
      file: `${id}.hpr`,
      encoding: 'windows-1252',
      unencodable: [],
      header: {
        patientId: 'P-20250115-42',
        lastName: 'Lefèvre',
        firstName: 'Hélène',
        postalCode: '75005',
        city: 'PARIS',
        birthDate: '1950-02-03',
        documentDate: '2025-01-15',
      },
      hprimWarnings: [],
      attachments: [
        {
          file: `${id}.1.compte-rendu.pdf`,
          filename: 'compte-rendu.pdf',
          contentType: 'application/pdf',
          bytes: PDF.length,
        },
        { file: `${id}.2.ecg.png`, filename: 'ecg.png', contentType: 'image/png', bytes: 11 },
      ],
    });
    const signer = sidecar('out', id).signer as { nationalId: string; certificateSerial: string };
    expect(signer.nationalId).toMatch(/^8\d{11}$/);
    expect(signer.certificateSerial).toMatch(/^[0-9a-f]+$/);
    expect(await state(id)).toBe('filed');
  });

  it('writes nothing twice on a rerun', async () => {
    const before = snapshot('out');
    const run = await fetchInto('out', ['--encoding', 'windows-1252']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(snapshot('out')).toEqual(before);
  });

  it('writes UTF-8 by default, and an information message as .txt without a header', async () => {
    const hprim = await send('--hprim-file', path('lettre.hpr'));
    const info = await send('--body-file', path('note.txt'));
    const run = await fetchInto('utf8');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `${hprim} ${sender.pro.address} ${path('utf8', `${hprim}.hpr`)}`,
      `${info} ${sender.pro.address} ${path('utf8', `${info}.txt`)}`,
    ]);
    expect(readFileSync(path('utf8', `${hprim}.hpr`), 'utf8')).toBe(HPRIM_TEXT);
    expect(readFileSync(path('utf8', `${info}.txt`), 'utf8')).toBe(
      'Réunion de coordination jeudi.\r\nSalle 2.\r\n',
    );
    expect(sidecar('utf8', info)).toMatchObject({ category: 'information', header: null, encoding: 'utf-8' });
  });

  it('after a crash between writing and acknowledging, acknowledges without writing again', async () => {
    const id = await send('--hprim-file', path('lettre.hpr'));
    const crash = await fetchInto('crash', [], { LIAISON_FETCH_FAULT: 'before-ack' });
    expect(crash.status).toBe(CRASHED);
    expect(readdirSync(path('crash')).sort()).toEqual([`${id}.hpr`, `${id}.json`]);
    expect(await state(id)).toBe('delivered');

    const before = snapshot('crash');
    const rerun = await fetchInto('crash');
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toBe(`${id} ${sender.pro.address} ${path('crash', `${id}.hpr`)}\n`);
    expect(rerun.stderr).toContain(`${id}: already written, now acknowledged`);
    expect(snapshot('crash')).toEqual(before);
    expect(await state(id)).toBe('filed');
  });

  it('after a crash in the middle of writing, leaves no final file; the rerun completes and cleans up', async () => {
    const id = await send('--hprim-file', path('lettre.hpr'), '--attach', path('compte-rendu.pdf'));
    const crash = await fetchInto('torn', [], { LIAISON_FETCH_FAULT: 'mid-write' });
    expect(crash.status).toBe(CRASHED);
    // Only the temporary file of the first one (the attachment), hidden and never under its name.
    expect(readdirSync(path('torn'))).toEqual([
      expect.stringMatching(new RegExp(`^\\.${id}\\.1\\.compte-rendu\\.pdf\\.tmp-\\d+$`)),
    ]);

    const early = await fetchInto('torn', [], { LIAISON_FETCH_FAULT: 'before-sidecar' });
    expect(early.status).toBe(CRASHED);
    expect(readdirSync(path('torn')).sort()).toEqual([`${id}.1.compte-rendu.pdf`, `${id}.hpr`]);
    expect(await state(id)).toBe('delivered');

    const rerun = await fetchInto('torn');
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(id);
    expect(readdirSync(path('torn')).sort()).toEqual([`${id}.1.compte-rendu.pdf`, `${id}.hpr`, `${id}.json`]);
    expect(readFileSync(path('torn', `${id}.hpr`), 'utf8')).toBe(HPRIM_TEXT);
    expect(await state(id)).toBe('filed');
  });

  it('--format eml writes the S/MIME entity, which openssl decrypts with the exported key and verifies', async () => {
    const id = await send('--hprim-file', path('lettre.hpr'), '--attach', path('ecg.png'));
    const run = await fetchInto('eml', ['--format', 'eml']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${id} ${sender.pro.address} ${path('eml', `${id}.eml`)}\n`);
    expect(readdirSync(path('eml')).sort()).toEqual([`${id}.eml`, `${id}.json`]);
    expect(sidecar('eml', id)).toMatchObject({
      format: 'eml',
      file: `${id}.eml`,
      encoding: null,
      verified: true,
      attachments: [{ file: null, filename: 'ecg.png', contentType: 'image/png', bytes: 11 }],
    });

    const exported = await recipient.m.run(
      `keys export --home {home} --usage encryption --unencrypted --out ${path('enc-key.pem')} --cert-out ${path('enc-cert.pem')}`,
    );
    expect(exported.status, exported.stderr).toBe(0);
    writeFileSync(path('chain.pem'), await (await fetch(`${server.url}/pki/ca.pem`)).text());
    const openssl = (args: string) => {
      const r = spawnSync('openssl', args.split(' '), { encoding: 'utf8' });
      expect(r.status, `openssl ${args}\n${r.stderr}`).toBe(0);
    };
    openssl(
      `cms -decrypt -in ${path('eml', `${id}.eml`)} -recip ${path('enc-cert.pem')} -inkey ${path('enc-key.pem')} -out ${path('inner.p7m')}`,
    );
    openssl(`cms -verify -CAfile ${path('chain.pem')} -in ${path('inner.p7m')} -out ${path('letter.mime')}`);
    const mime = readFileSync(path('letter.mime'), 'utf8');
    expect(mime).toContain(`Message-ID: <${id}@`);
    expect(mime).toContain('Content-Type: multipart/mixed');
    expect(mime).toContain('filename="ecg.png"');
    expect(await state(id)).toBe('filed');
  });

  const httpAs = (p: Person, method: string, route: string, body?: unknown) =>
    http<unknown>(server, p, method, route, body);

  /** Seals a letter here, as another client could, and submits it with the sender's session. */
  async function craft(options: { attachments?: LetterAttachment[]; signedFrom?: string }): Promise<string> {
    const signing = keystoreKey(sender, 'signing');
    const id = randomUUID();
    const request = await sealLetter({
      letter: {
        messageId: id,
        from: options.signedFrom ?? sender.pro.address,
        to: [recipient.pro.address],
        cc: [],
        subject: 'Pièces jointes',
        date: new Date(),
        inReplyTo: null,
        replyTo: null,
        text: 'Voir les pièces jointes.\n',
        attachments: options.attachments ?? [],
      },
      category: 'information',
      patient: null,
      signer: {
        privateKey: pemBlocks(signing.privateKeyPkcs8Pem, 'PRIVATE KEY')[0]!,
        certificatePem: signing.certificatePem,
      },
      recipientCertificatesPem: [
        keystoreKey(recipient, 'encryption').certificatePem,
        keystoreKey(sender, 'encryption').certificatePem,
      ],
    });
    // The server files it under the sender's mailbox whatever the sealed letter says inside.
    const submitted = await httpAs(sender, 'POST', '/api/mail/messages', {
      ...request,
      from: sender.pro.address,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    return id;
  }

  it('keeps hostile attachment names inside the directory', async () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    const id = await craft({
      attachments: [
        { filename: '../../escape.txt', contentType: 'text/plain', content: bytes('one') },
        { filename: '..\\..\\evil.bat', contentType: 'application/octet-stream', content: bytes('two') },
        { filename: '..', contentType: 'application/octet-stream', content: bytes('three') },
        { filename: 'scan\u202Efdp.exe', contentType: 'application/octet-stream', content: bytes('four') },
      ],
    });
    const run = await fetchInto('hostile');
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(path('hostile')).sort()).toEqual(
      [
        `${id}.1.escape.txt`,
        `${id}.2.evil.bat`,
        `${id}.3.attachment`,
        `${id}.4.scanfdp.exe`,
        `${id}.json`,
        `${id}.txt`,
      ].sort(),
    );
    expect(readFileSync(path('hostile', `${id}.1.escape.txt`), 'utf8')).toBe('one');
    expect(existsSync(join(dirname(path('hostile')), 'escape.txt'))).toBe(false);
    expect(existsSync(path('escape.txt'))).toBe(false);
    expect(sidecar('hostile', id).attachments.map((a) => a.filename)).toEqual([
      '../../escape.txt',
      '..\\..\\evil.bat',
      '..',
      'scan\u202Efdp.exe',
    ]);
  });

  it('reports a letter that fails verification, writes nothing of it, and files the others', async () => {
    // Signed as coming from the recipient's own address, delivered as from the sender's.
    const forged = await craft({ signedFrom: recipient.pro.address });
    const good = await send('--body-file', path('note.txt'));
    const run = await fetchInto('mixed');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^LETTER_MISMATCH: letter ${forged} from ${sender.pro.address} not filed`, 'm'),
    );
    expect(run.stderr).toMatch(/^LETTERS_NOT_FILED: 1 letter\(s\)/m);
    expect(run.stdout).toBe(`${good} ${sender.pro.address} ${path('mixed', `${good}.txt`)}\n`);
    expect(readdirSync(path('mixed')).filter((n) => n.includes(forged))).toEqual([]);
    expect(await state(forged)).toBe('delivered');
    expect(await state(good)).toBe('filed');

    // Tried again on the next run (never acknowledged), still refused; the good one is not rewritten.
    const again = await fetchInto('mixed');
    expect(again.status).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain(`LETTER_MISMATCH: letter ${forged}`);

    // Out of the way for the next test: the recipient deletes it.
    const removed = await httpAs(
      recipient,
      'DELETE',
      `/api/mail/boxes/${encodeURIComponent(recipient.pro.address)}/messages/${forged}`,
    );
    expect(removed.status).toBe(204);
    const clean = await fetchInto('mixed');
    expect(clean.status, clean.stderr).toBe(0);
  });

  it('--watch files a letter sent while it runs, and stops cleanly on SIGTERM', async () => {
    const watcher = start(recipient, [
      'fetch',
      '--home',
      recipient.m.home,
      '--out',
      path('watched'),
      '--watch',
    ]);
    try {
      await watcher.waitFor('stderr', /watching .* for new letters/, 60_000);
      const id = await send('--hprim-file', path('lettre.hpr'));
      await watcher.waitFor('stdout', new RegExp(`^${id} .*\\.hpr$`, 'm'), 60_000);
      expect(readFileSync(path('watched', `${id}.hpr`), 'utf8')).toBe(HPRIM_TEXT);
      expect(existsSync(path('watched', `${id}.json`))).toBe(true);
      expect(await state(id)).toBe('filed');
    } finally {
      watcher.child.kill('SIGTERM');
    }
    expect(await watcher.exited).toBe(0);
    expect(watcher.stderr()).toMatch(/^stopped$/m);
  });

  it('--mailbox files the letters of a shared mailbox with its key, opened from the owner’s keystore', async () => {
    const cabinet = 'accueil@liaison.test';
    await sharedMailbox(server, recipient, cabinet);
    const run = await runWith(sender, {}, [
      'send',
      '--home',
      sender.m.home,
      '--to',
      cabinet,
      '--hprim-file',
      path('lettre.hpr'),
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const id = (JSON.parse(run.stdout) as SubmittedMessage).id;
    const fetched = await fetchInto('cabinet', ['--mailbox', cabinet]);
    expect(fetched.status, fetched.stderr).toBe(0);
    expect(fetched.stdout).toBe(`${id} ${sender.pro.address} ${path('cabinet', `${id}.hpr`)}\n`);
    expect(sidecar('cabinet', id)).toMatchObject({ mailbox: cabinet, to: [cabinet], verified: true });
    expect(readFileSync(path('cabinet', `${id}.hpr`), 'utf8')).toBe(HPRIM_TEXT);
    expect(await state(id)).toBe('filed');
  });

  it('inbox listing agrees: nothing left unacknowledged', async () => {
    const list = await http<MailList>(
      server,
      recipient,
      'GET',
      `/api/mail/boxes/${encodeURIComponent(recipient.pro.address)}/messages?view=inbox&limit=500`,
    );
    expect(list.body.items.filter((i) => i.filedAt === null)).toEqual([]);
  });

  it('an unattended connector gets its own revocable device and token, and files with it', async () => {
    const before = tokenOf(recipient);
    const made = await runWith(recipient, {}, [
      'keys',
      'devices',
      'connector',
      'Logiciel du cabinet',
      '--home',
      recipient.m.home,
    ]);
    expect(made.status, made.stderr).toBe(0);
    expect(tokenOf(recipient)).not.toBe(before);
    const devices = await runWith(recipient, {}, ['keys', 'devices', '--json', '--home', recipient.m.home]);
    const listed = JSON.parse(devices.stdout) as Array<{ kind: string; name: string; current: boolean }>;
    expect(listed).toContainEqual(
      expect.objectContaining({ kind: 'connector', name: 'Logiciel du cabinet', current: true }),
    );
    const id = await send('--body-file', path('note.txt'));
    const run = await fetchInto('connector');
    expect(run.status, run.stderr).toBe(0);
    expect(await state(id)).toBe('filed');
  });

  // Last: it stops the server. Events are hints; the watcher reconnects and catches up from its cursor.
  it('--watch reconnects after the server restarts and goes on filing', async () => {
    const watcher = start(recipient, [
      'fetch',
      '--home',
      recipient.m.home,
      '--out',
      path('restart'),
      '--watch',
    ]);
    try {
      await watcher.waitFor('stderr', /watching .* for new letters/, 60_000);
      server.stop();
      await watcher.waitFor('stderr', /live updates: disconnected.*; reconnecting in 1 s/, 30_000);
      restarted = await restartServer(server);
      const id = await send('--body-file', path('note.txt'));
      await watcher.waitFor('stdout', new RegExp(`^${id} .*\\.txt$`, 'm'), 90_000);
      expect(await state(id)).toBe('filed');
    } finally {
      watcher.child.kill('SIGINT');
    }
    expect(await watcher.exited).toBe(0);
  });
});
