/**
 * `liaison stats` against a real server: a letter from Luc to Anne shows in the figures read at the
 * console and over the network by a platform admin signed in with `liaison login`; a professional is
 * refused; bad periods get their codes.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsReport } from '@liaison/core/api/stats';
import { consoleUser, liaison, machine, signIn, type Machine, type TestServer } from './support/liaison.ts';
import { colleagues, runWith, type Person } from './support/mail.ts';

const SETUP = 180_000;
const SLOW = 120_000;
const today = new Date().toISOString().slice(0, 10);

/** A platform admin made at the console, with a second factor, signed in with `liaison login`. */
async function platformAdmin(server: TestServer): Promise<Machine> {
  const director = await consoleUser(server, {
    email: 'direction@liaison.test',
    role: 'platform_admin',
    firstName: 'Claire',
    lastName: 'Directrice',
  });
  const m = machine(server, 'direction');
  const signedIn = await signIn(server, m, director);
  if (signedIn.status !== 0) throw new Error(`login: ${signedIn.stderr}`);
  return m;
}

describe('liaison stats', { timeout: SLOW }, () => {
  let server: TestServer;
  let sender: Person;
  let recipient: Person;
  let direction: Machine;

  beforeAll(async () => {
    ({ server, sender, recipient } = await colleagues('stats'));
    const note = `${server.dir}/note.txt`;
    writeFileSync(note, 'Compte rendu de consultation.\n');
    const sent = await runWith(sender, {}, [
      'send',
      '--home',
      sender.m.home,
      '--to',
      recipient.pro.address,
      '--body-file',
      note,
    ]);
    if (sent.status !== 0) throw new Error(`send: ${sent.stderr}`);
    direction = await platformAdmin(server);
  }, SETUP);
  afterAll(() => server?.stop());

  it('reads the figures at the console: one letter, two active people', async () => {
    const run = await liaison(server.env, ['stats', '--console', '--to', today, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as StatsReport;
    expect(report.scope).toEqual({ kind: 'platform' });
    expect(report.period).toMatchObject({ to: today, days: 30 });
    expect(report.messagesExchanged).toEqual({ current: 1, previous: 0 });
    expect(report.activeUsers.current).toBe(2);
    expect(report.postage.savedCents).toEqual({ current: 95, previous: 0 });
  });

  it('prints the same figures over the network for a platform admin, as text and as CSV', async () => {
    const text = await direction.run(['stats', '--from', today, '--to', today]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Liaison statistics for the whole platform, ${today} to ${today} (1 days)`);
    expect(text.stdout).toMatch(/^Messages exchanged\s+1\s+0\s+new$/m);
    expect(text.stdout).toMatch(/^Active users \(sent or received\)\s+2\s+0\s+new$/m);
    expect(text.stdout).toMatch(/^Postage saved \(€0\.95 a letter\)\s+€0\.95\s+€0\.00\s+new$/m);

    const csv = await direction.run(['stats', '--from', today, '--to', today, '--csv']);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('section;indicator;period;previous');
  });

  it('refuses a professional, and periods that are not periods', async () => {
    const refused = await sender.m.run(['stats']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^FORBIDDEN: /m);

    const impossible = await direction.run(['stats', '--from', '2026-02-30', '--to', '2026-03-10']);
    expect(impossible.status).toBe(1);
    expect(impossible.stderr).toMatch(/^STATS_PERIOD_INVALID: /m);

    const inverted = await direction.run(['stats', '--from', '2026-03-10', '--to', '2026-03-01']);
    expect(inverted.stderr).toMatch(/^STATS_PERIOD_INVALID: /m);

    const tooLong = await liaison(server.env, [
      'stats',
      '--console',
      '--from',
      '2020-01-01',
      '--to',
      '2026-01-01',
    ]);
    expect(tooLong.status).toBe(1);
    expect(tooLong.stderr).toMatch(/STATS_PERIOD_TOO_LONG/);
  });
});
