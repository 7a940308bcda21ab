/**
 * The usage charter and the bulk-mail rules as a CLI user meets them, on a real server whose
 * per-message limit is lowered to one recipient (LIAISON_BULK_MESSAGE_RECIPIENTS) so that a letter to
 * two colleagues trips it: `liaison send` warns before sealing and says the message is held; a new
 * charter version published at the console blocks sending until `liaison charter accept`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailList, SubmittedMessage } from '@liaison/core/api/mail';
import { CHARTER_V1 } from '@liaison/server/charter/charterV1';
import { liaison, signIn, type TestServer } from './support/liaison.ts';
import { colleagues, http, runWith, type Person } from './support/mail.ts';

const SETUP = 180_000;
const SLOW = 120_000;

const HELD_WARNING =
  /^Warning: this message will be held for a technician's review: 2 recipients \(To and Cc\), more than 1 allowed in one message \(usage charter, article 5: no bulk mail\)\.$/m;

describe('liaison charter and the usage rules', { timeout: SLOW }, () => {
  let server: TestServer;
  let sender: Person;
  let recipient: Person;
  const file = (name: string) => join(server.dir, name);

  beforeAll(async () => {
    ({ server, sender, recipient } = await colleagues('charter', { LIAISON_BULK_MESSAGE_RECIPIENTS: '1' }));
    writeFileSync(file('note.txt'), 'Réunion de coordination jeudi à 14 h.\nSalle 2.\n');
    const v2 = (title: string, text: string, extra: string) => `${title}\n\n${text}\n\n${extra}\n`;
    writeFileSync(
      file('charte-fr.txt'),
      v2(
        "Charte d'utilisation de Liaison — version 2",
        CHARTER_V1.fr.text,
        'Article 10 — Exports. Les courriers exportés suivent la politique de l’établissement.',
      ),
    );
    writeFileSync(
      file('charter-en.txt'),
      v2(
        'Liaison usage charter — version 2',
        CHARTER_V1.en.text,
        'Article 10 — Exports. Exported letters follow the establishment’s policy.',
      ),
    );
    writeFileSync(
      file('charte-mal-numerotee.txt'),
      v2('Charte — version 2', CHARTER_V1.fr.text.replace('Article 2 —', 'Article 3 —'), ''),
    );
  }, SETUP);
  afterAll(() => server?.stop());

  const send = (args: string[]) => runWith(sender, {}, ['send', '--home', sender.m.home, ...args]);
  const admin = (...args: string[]) => liaison(server.env, ['admin', 'charter', ...args]);

  async function inboxIds(): Promise<string[]> {
    const list = await http<MailList>(
      server,
      recipient,
      'GET',
      `/api/mail/boxes/${encodeURIComponent(recipient.pro.address)}/messages?view=inbox`,
    );
    expect(list.status).toBe(200);
    return list.body.items.map((i) => i.id);
  }

  it('shows the charter in force, and knows when it is already accepted', async () => {
    const fr = await sender.m.run('charter show');
    expect(fr.status, fr.stderr).toBe(0);
    expect(fr.stdout.startsWith(`${CHARTER_V1.fr.title}\n(version 1)\n\n`)).toBe(true);
    expect(fr.stdout).toContain("Article 5 — Pas d'envois de masse.");
    const en = await sender.m.run('charter show --lang en');
    expect(en.stdout).toContain('Article 5 — No bulk mail.');

    // Registration recorded version 1: nothing to ask, no terminal needed.
    const accept = await sender.m.run('charter accept');
    expect(accept.status, accept.stderr).toBe(0);
    expect(accept.stdout).toBe('You already accepted version 1 of the usage charter.\n');
  });

  it('warns before sending a message a bulk rule will hold, sends it anyway and says it is held', async () => {
    const json = await send([
      '--to',
      recipient.pro.address,
      '--cc',
      sender.pro.address,
      '--body-file',
      file('note.txt'),
      '--json',
    ]);
    expect(json.status, json.stderr).toBe(0);
    expect(json.stderr).toMatch(HELD_WARNING);
    // The warning comes before the (slow) sealing, not after the fact.
    expect(json.stderr.indexOf('Warning:')).toBeLessThan(json.stderr.indexOf('sealing message'));
    const held = JSON.parse(json.stdout) as SubmittedMessage;
    expect(held.hold).toMatchObject({
      state: 'held',
      trips: [{ rule: 'message_recipients', charterArticle: 5, limit: 1, observed: 2, source: 'default' }],
    });
    expect(await inboxIds()).not.toContain(held.id);

    const text = await send([
      '--to',
      recipient.pro.address,
      '--cc',
      sender.pro.address,
      '--body-file',
      file('note.txt'),
    ]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stderr).toMatch(HELD_WARNING);
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe(
      "held for a technician's review: 2 recipients (To and Cc), more than 1 allowed in one message " +
        '(usage charter, article 5); nobody receives it until it is released',
    );

    // One recipient is within the limit: no warning, delivered as usual.
    const plain = await send(['--to', recipient.pro.address, '--body-file', file('note.txt'), '--json']);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stderr).not.toMatch(/Warning:/);
    const delivered = JSON.parse(plain.stdout) as SubmittedMessage;
    expect(delivered.hold).toBeNull();
    expect(await inboxIds()).toContain(delivered.id);
  });

  it('publishes a new version at the console, and blocks sending until the person accepts it', async () => {
    const bad = await admin(
      'publish',
      '--fr',
      file('charte-mal-numerotee.txt'),
      '--en',
      file('charter-en.txt'),
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^CHARTER_INVALID: French text: Articles must be numbered 1, 2, 3… in order/m);

    const published = await admin('publish', '--fr', file('charte-fr.txt'), '--en', file('charter-en.txt'));
    expect(published.status, published.stderr).toBe(0);
    expect(published.stdout).toMatch(/^published version 2 of the usage charter/);
    const versions = await admin('versions');
    expect(versions.stdout).toMatch(/^version 2 {2}published \d{4}-\d{2}-\d{2} {2}accepted by 0$/m);
    expect(versions.stdout).toMatch(/^version 1 {2}shipped with Liaison {2}accepted by 2$/m);

    // Signing in again says what to run.
    const login = await signIn(server, sender.m, sender.pro);
    expect(login.status, login.stderr).toBe(0);
    expect(login.stderr).toMatch(
      /^Version 2 of the usage charter is in force: read and accept it before sending: liaison charter accept$/m,
    );

    const refused = await send(['--to', recipient.pro.address, '--body-file', file('note.txt')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^CHARTER_NOT_ACCEPTED: version 2 of the usage charter is in force/m);
    expect(refused.stderr).toContain('liaison charter accept');

    // No terminal and no --yes: the charter is shown, nothing is accepted.
    const unattended = await sender.m.run('charter accept');
    expect(unattended.status).toBe(1);
    expect(unattended.stdout).toContain('Article 10 — Exports.');
    expect(unattended.stderr).toMatch(/^CONFIRMATION_REQUIRED: /m);
    expect(unattended.stderr).toContain('liaison charter accept --yes');

    const accepted = await sender.m.run('charter accept --yes --lang en');
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stdout).toMatch(
      /^Liaison usage charter — version 2\n\(version 2, published \d{4}-\d{2}-\d{2}\)/,
    );
    expect(accepted.stdout.trimEnd().split('\n').at(-1)).toBe('Accepted version 2 of the usage charter.');

    const shown = await sender.m.run('charter show');
    expect(shown.stdout).toMatch(/^Charte d'utilisation de Liaison — version 2\n/);
    const sent = await send(['--to', recipient.pro.address, '--body-file', file('note.txt')]);
    expect(sent.status, sent.stderr).toBe(0);
    expect((await admin('versions')).stdout).toMatch(/^version 2 .* accepted by 1$/m);
  });
});
