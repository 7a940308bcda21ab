/**
 * `liaison send` on a real server with keys made by `liaison keys init`: an HPRIM file in
 * Windows-1252 becomes a sealed patient letter the recipient can open (summary checked with the
 * recipient's key) while the server's database holds no trace of the patient; a plain text becomes an
 * information message; a lost answer is retried under the same id without a second copy; bad input
 * is refused before anything is sent.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailList, SubmittedMessage } from '@liaison/core/api/mail';
import { pemBlocks } from '@liaison/core/crypto/index';
import { encodeHprim } from '@liaison/core/hprim/index';
import { openSummary } from '@liaison/core/mail/index';
import { colleagues, http, HPRIM_CP1252, keystoreKey, runWith, type Person } from './support/mail.ts';
import type { TestServer } from './support/liaison.ts';

const SETUP = 180_000;
const SLOW = 120_000;

describe('liaison send', { timeout: SLOW }, () => {
  let server: TestServer;
  let sender: Person;
  let recipient: Person;
  const file = (name: string) => join(server.dir, name);

  beforeAll(async () => {
    ({ server, sender, recipient } = await colleagues('send'));
    writeFileSync(file('lettre.hpr'), HPRIM_CP1252);
    writeFileSync(file('compte-rendu.pdf'), Buffer.from('%PDF-1.4\n% a tiny report\n%%EOF\n'));
    writeFileSync(file('note.txt'), 'Réunion de coordination jeudi à 14 h.\nSalle 2.\n');
  }, SETUP);
  afterAll(() => server?.stop());

  const send = (args: string[], env: Record<string, string> = {}) =>
    runWith(sender, env, ['send', '--home', sender.m.home, ...args]);

  async function inbox(): Promise<MailList> {
    const list = await http<MailList>(
      server,
      recipient,
      'GET',
      `/api/mail/boxes/${encodeURIComponent(recipient.pro.address)}/messages?view=inbox`,
    );
    expect(list.status).toBe(200);
    return list.body;
  }

  it('seals a Windows-1252 HPRIM file as a patient letter the recipient can open', async () => {
    const run = await send([
      '--to',
      recipient.pro.address,
      '--hprim-file',
      file('lettre.hpr'),
      '--attach',
      file('compte-rendu.pdf'),
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const submitted = JSON.parse(run.stdout) as SubmittedMessage;
    expect(submitted).toMatchObject({
      from: sender.pro.address,
      recipients: [{ address: recipient.pro.address, field: 'to', state: 'submitted' }],
    });

    const item = (await inbox()).items.find((i) => i.id === submitted.id);
    expect(item).toMatchObject({ from: sender.pro.address, category: 'patient', attachmentCount: 1 });
    const key = keystoreKey(recipient, 'encryption');
    const summary = await openSummary({
      summary: item!.summary,
      recipient: {
        certificatePem: key.certificatePem,
        privateKeyPkcs8: pemBlocks(key.privateKeyPkcs8Pem, 'PRIVATE KEY')[0]!,
      },
    });
    expect(summary).toMatchObject({
      subject: 'Courrier – LEFÈVRE Hélène',
      patient: { lastName: 'Lefèvre', firstName: 'Hélène', birthDate: '1950-02-03' },
      attachments: ['compte-rendu.pdf'],
    });
    // The preview skips the 12 header lines: the accents came through the re-encoding to UTF-8.
    expect(summary.preview).toMatch(/^Chère consœur,/);

    // End to end: the server's database holds no trace of the patient or the text.
    const database = readdirSync(server.dir).filter((n) => n.startsWith('liaison.sqlite'));
    expect(database.length).toBeGreaterThan(0);
    for (const name of database) {
      const bytes = readFileSync(join(server.dir, name));
      for (const secret of ['Lefèvre', 'Hélène', 'consœur', 'compte-rendu']) {
        expect(bytes.includes(Buffer.from(secret)), `${secret} in ${name}`).toBe(false);
      }
    }
  });

  it('sends UTF-8 text as an information message, subject from its first line, and prints the states', async () => {
    const run = await send([
      '--to',
      recipient.pro.address,
      '--cc',
      sender.pro.address,
      '--body-file',
      file('note.txt'),
    ]);
    expect(run.status, run.stderr).toBe(0);
    const [id, ...lines] = run.stdout.trimEnd().split('\n');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toEqual([
      `to  ${recipient.pro.address}  submitted`,
      `cc  ${sender.pro.address}  submitted`,
    ]);
    expect((await inbox()).items.find((i) => i.id === id)).toMatchObject({
      category: 'information',
      cc: [sender.pro.address],
    });
  });

  it('warns before sending a letter whose only content is a PDF: practice software cannot file it', async () => {
    writeFileSync(file('vide.txt'), '\n');
    const run = await send([
      '--to',
      recipient.pro.address,
      '--body-file',
      file('vide.txt'),
      '--attach',
      file('compte-rendu.pdf'),
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^warning: PDF_ONLY_LETTER: .*charter article 6\)$/m);
  });

  it('retries a submission whose answer was lost under the same id: one letter, not two', async () => {
    const run = await send(
      ['--to', recipient.pro.address, '--body-file', file('note.txt'), '--subject', 'Deux fois ?', '--json'],
      { LIAISON_SEND_FAULT: 'lose-response' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^SERVER_UNREACHABLE: .*sending message [0-9a-f-]{36} again/m);
    const { id } = JSON.parse(run.stdout) as SubmittedMessage;
    expect((await inbox()).items.filter((i) => i.id === id)).toHaveLength(1);
    const sent = await http<MailList>(
      server,
      sender,
      'GET',
      `/api/mail/boxes/${encodeURIComponent(sender.pro.address)}/messages?view=sent`,
    );
    expect(sent.body.items.filter((i) => i.id === id)).toHaveLength(1);
  });

  it('refuses an unknown recipient before sealing anything', async () => {
    const before = (await inbox()).items.length;
    const run = await send(['--to', 'nobody@liaison.test', '--hprim-file', file('lettre.hpr')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^RECIPIENT_UNKNOWN: no verified mailbox has the address nobody@liaison\.test$/m,
    );
    expect((await inbox()).items.length).toBe(before);
  });

  it('refuses a malformed HPRIM file, naming what is wrong', async () => {
    // No birth date on line 7, and the file stops before ****FINFICHIER****.
    const lines = readFileSync(file('lettre.hpr'), 'latin1').split('\r\n');
    lines[6] = '';
    writeFileSync(file('bad.hpr'), encodeHprim(lines.slice(0, -2).join('\r\n'), 'windows-1252'));
    const run = await send(['--to', recipient.pro.address, '--hprim-file', file('bad.hpr')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^HPRIM_INVALID: .*bad\.hpr: /m);
    expect(run.stderr).toContain('HPRIM_FINFICHIER_MISSING');
    expect(run.stderr).toContain('line 7: HPRIM_FIELD_REQUIRED the birth date is required');

    const plain = await send([
      '--to',
      recipient.pro.address,
      '--body-file',
      file('note.txt'),
      '--category',
      'patient',
    ]);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toMatch(/^HPRIM_INVALID: .*note\.txt: .*the birth date is required/m);
  });

  it('wants exactly one body', async () => {
    const both = await send([
      '--to',
      recipient.pro.address,
      '--hprim-file',
      file('lettre.hpr'),
      '--body-file',
      file('note.txt'),
    ]);
    expect(both.status).toBe(1);
    expect(both.stderr).toMatch(/^VALIDATION_FAILED: give exactly one of --hprim-file/m);
    const missing = await send(['--to', recipient.pro.address, '--body-file', file('nowhere.txt')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^FILE_UNREADABLE: cannot read .*nowhere\.txt/m);
  });
});
