/**
 * `liaison notice send` through the connector, on a real server with keys made by `liaison keys
 * init`: the hospital's system (an APP mailbox of a hospital, keyed by `liaison mailbox key-init`)
 * sends a GP an admission notice; the GP's connector (`liaison fetch`) files it like any patient
 * letter: an HPRIM file naming the patient with the readable French text, the structured notice part
 * beside it and the sidecar. A GP's personal mailbox cannot send one, and a NIR given as IPP is
 * refused before anything leaves the machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailList, SubmittedMessage } from '@liaison/core/api/mail';
import { decodeHprim } from '@liaison/core/hprim/index';
import { NOTICE_CONTENT_TYPE, PatientNotice } from '@liaison/core/notice/index';
import { mulberry32, randomNir } from '@liaison/core/synthetic/index';
import type { TestServer } from './support/liaison.ts';
import { colleagues, http, runWith, type Person } from './support/mail.ts';
import { keyedHospitalMailbox } from './support/sharedMailbox.ts';

const SETUP = 180_000;
const SLOW = 120_000;
const SYSTEM = 'dpi.hopital-nord@liaison.test';

describe('liaison notice send, filed by liaison fetch', { timeout: SLOW }, () => {
  let server: TestServer;
  let system: Person;
  let gp: Person;
  const path = (...parts: string[]) => join(server.dir, ...parts);

  beforeAll(async () => {
    ({ server, sender: system, recipient: gp } = await colleagues('notice'));
    await keyedHospitalMailbox(server, system, { address: SYSTEM, kind: 'APP' });
  }, SETUP);
  afterAll(() => server?.stop());

  const notice = (p: Person, from: string, extra: string[] = []) =>
    runWith(p, {}, [
      'notice',
      'send',
      '--home',
      p.m.home,
      '--from',
      from,
      '--to',
      gp.pro.address,
      '--kind',
      'admission',
      '--last-name',
      'Lefèvre',
      '--first-name',
      'Hélène',
      '--birth-date',
      '1950-02-03',
      '--sex',
      'F',
      '--at',
      '2026-12-06T10:40:00+01:00',
      '--service',
      'Cardiologie',
      '--note',
      'Entrée par les urgences, famille prévenue.',
      '--json',
      ...extra,
    ]);

  it("the hospital system's notice lands in the GP's folder as an HPRIM letter with its text and sidecar", async () => {
    const sent = await notice(system, SYSTEM, ['--ipp', 'P-000042']);
    expect(sent.status, sent.stderr).toBe(0);
    const id = (JSON.parse(sent.stdout) as SubmittedMessage).id;

    const run = await runWith(gp, {}, [
      'fetch',
      '--home',
      gp.m.home,
      '--out',
      path('out'),
      '--encoding',
      'windows-1252',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${id} ${SYSTEM} ${path('out', `${id}.hpr`)}\n`);
    expect(readdirSync(path('out')).sort()).toEqual(
      [`${id}.1.notice.json`, `${id}.hpr`, `${id}.json`].sort(),
    );

    // What the practice software imports: Windows-1252, CRLF, the 12 header lines then the sentence.
    const hpr = decodeHprim(readFileSync(path('out', `${id}.hpr`)), 'windows-1252');
    const lines = hpr.text.split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['P-000042', 'Lefèvre', 'Hélène']);
    expect(lines[6]).toBe('03/02/1950');
    expect(lines[9]).toBe('06/12/2026');
    expect(lines[10]).toBe('Cardiologie');
    expect(lines[12]).toBe(
      'Admission de Mme LEFÈVRE Hélène, née le 03/02/1950, le 06/12/2026 à 10:40, service : Cardiologie.',
    );
    expect(hpr.text).toContain('Note : Entrée par les urgences, famille prévenue.\r\n');
    expect(hpr.text.endsWith('****FIN****\r\n****FINFICHIER****\r\n')).toBe(true);

    const sidecar = JSON.parse(readFileSync(path('out', `${id}.json`), 'utf8')) as Record<string, unknown>;
    expect(sidecar).toMatchObject({
      id,
      category: 'notice',
      from: SYSTEM,
      subject: 'Avis d’admission – LEFÈVRE Hélène',
      verified: true,
      file: `${id}.hpr`,
      header: { patientId: 'P-000042', lastName: 'Lefèvre', firstName: 'Hélène', birthDate: '1950-02-03' },
      attachments: [
        { file: `${id}.1.notice.json`, filename: 'notice.json', contentType: NOTICE_CONTENT_TYPE },
      ],
    });
    const structured = PatientNotice.parse(
      JSON.parse(readFileSync(path('out', `${id}.1.notice.json`), 'utf8')),
    );
    expect(structured).toMatchObject({
      kind: 'admission',
      service: 'Cardiologie',
      patient: { ipp: 'P-000042' },
    });

    // Acknowledged: the hospital sees it filed.
    const status = await http<SubmittedMessage>(server, system, 'GET', `/api/mail/messages/${id}/status`);
    expect(status.body.recipients[0]!.state).toBe('filed');
  });

  it("refuses a notice from a GP's personal mailbox: nothing is submitted", async () => {
    const refused = await runWith(system, {}, [
      'notice',
      'send',
      '--home',
      system.m.home,
      '--from',
      system.pro.address,
      '--to',
      gp.pro.address,
      '--kind',
      'death',
      '--last-name',
      'Lefèvre',
      '--first-name',
      'Hélène',
      '--birth-date',
      '1950-02-03',
      '--at',
      '2026-12-07T08:00:00+01:00',
      '--service',
      'Cardiologie',
    ]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('NOTICE_SENDER_NOT_ALLOWED');
    const sent = await http<MailList>(
      server,
      system,
      'GET',
      `/api/mail/boxes/${encodeURIComponent(system.pro.address)}/messages?view=sent`,
    );
    expect(sent.body.items).toEqual([]);
    const inbox = await http<MailList>(
      server,
      gp,
      'GET',
      `/api/mail/boxes/${encodeURIComponent(gp.pro.address)}/messages?view=inbox`,
    );
    expect(inbox.body.items.map((i) => i.from)).toEqual([SYSTEM]);
  });

  it('refuses a NIR given as IPP before anything leaves the machine', async () => {
    const refused = await notice(system, SYSTEM, ['--ipp', randomNir(mulberry32(5))]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^VALIDATION_FAILED: patient\.ipp: looks like a NIR/);
  });
});
