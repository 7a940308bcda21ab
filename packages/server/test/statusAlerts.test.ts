import type { StatusAlertDelivery } from '@liaison/core/api/status';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../src/status/smtp.ts';
import { retryDelayMs } from '../src/status/outbox.ts';
import { StatusService } from '../src/status/service.ts';
import { staffUser, startInstance, type Client, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { SmtpSink } from './support/smtpSink.ts';
import { ALERT_ADDRESSES, alertContacts, maintenance, post, queuedFor } from './support/statusFixtures.ts';

const FROM = 'etat-du-service@liaison.test';
const MINUTE = 60_000;

for (const backend of testBackends()) {
  describe(`service status alerts through a real SMTP relay on ${backend.name}`, () => {
    const sink = new SmtpSink();
    const logs: string[] = [];
    let t: TestInstance;
    let technician: Client;

    const deliveries = async () =>
      (await technician.get<StatusAlertDelivery>('/api/admin/status/alerts')).body;
    /** Messages the sink received about one title, per recipient. */
    const receivedAbout = (title: string) =>
      ALERT_ADDRESSES.map((a) => sink.to(a).filter((m) => m.subject.endsWith(title)).length);

    beforeAll(async () => {
      await sink.start();
      const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
      t = await startInstance(backend, {
        logger,
        env: { LIAISON_SMTP_RELAY_URL: sink.url, LIAISON_SMTP_FROM: FROM },
      });
      await alertContacts(t);
      technician = (await staffUser(t, 'technician')).client;
    });
    afterAll(async () => {
      await t.close();
      await sink.stop();
    });

    it('hands one email per address to the relay, from the configured sender', async () => {
      const posted = await post(technician, maintenance(t, { title: 'Migration des serveurs' }));
      expect(posted.body.alertsQueued).toBe(4);
      expect(await deliveries()).toMatchObject({ pending: 4, sent: 0 });
      expect((await deliveries()).waiting.map((w) => w.to).sort()).toEqual(ALERT_ADDRESSES);

      await t.ctx.status.deliverAlerts();
      expect(receivedAbout('Migration des serveurs')).toEqual([1, 1, 1, 1]);
      for (const mail of sink.messages) {
        expect(mail.envelopeFrom).toBe(FROM);
        expect(mail.headers.get('from')).toContain(FROM);
        expect(mail.subject).toBe('[Liaison] Maintenance planifiée : Migration des serveurs');
        expect(mail.headers.get('content-type')).toMatch(/^text\/plain/);
        expect(mail.text).toContain('http://localhost:8080/status');
        expect(mail.text).toContain('Planned maintenance on Liaison: Migration des serveurs');
      }
      expect(await deliveries()).toEqual({ pending: 0, sent: 4, waiting: [] });

      await t.ctx.status.deliverAlerts();
      expect(sink.messages).toHaveLength(4);
    });

    it('sends each email once when two nodes run the job at the same moment', async () => {
      await post(technician, maintenance(t, { title: 'Deux nœuds' }));
      const otherNode = new StatusService(t.ctx);
      await Promise.all([
        t.ctx.status.deliverAlerts(),
        otherNode.deliverAlerts(),
        t.ctx.status.deliverAlerts(),
      ]);
      expect(receivedAbout('Deux nœuds')).toEqual([1, 1, 1, 1]);
    });

    it('keeps emails while the relay is down, backs off, and delivers them once it is back', async () => {
      const event = (await post(technician, maintenance(t, { title: 'Relais en panne' }))).body.event;
      const port = sink.port;
      await sink.stop();

      await t.ctx.status.deliverAlerts();
      const failedAt = t.clock.now().getTime();
      let rows = await queuedFor(t, event.id);
      expect(rows).toHaveLength(4);
      for (const row of rows) {
        expect(row).toMatchObject({ attempts: 1, sent_at: null });
        expect(row.last_error).toMatch(/ECONNREFUSED|ECONNECTION/);
        expect(Date.parse(row.next_attempt_at)).toBe(failedAt + MINUTE);
      }
      const view = await deliveries();
      expect(view.pending).toBe(4);
      expect(view.waiting.every((w) => w.attempts === 1 && w.lastError !== null)).toBe(true);

      // Not due yet: nothing is tried, nothing changes.
      t.clock.advance(30_000);
      await t.ctx.status.deliverAlerts();
      expect((await queuedFor(t, event.id)).map((r) => r.attempts)).toEqual([1, 1, 1, 1]);

      // Still down a minute later: the second failure waits twice as long.
      t.clock.advance(31_000);
      await t.ctx.status.deliverAlerts();
      rows = await queuedFor(t, event.id);
      const secondAt = t.clock.now().getTime();
      expect(rows.map((r) => [r.attempts, Date.parse(r.next_attempt_at)])).toEqual(
        rows.map(() => [2, secondAt + 2 * MINUTE]),
      );

      await sink.start(port);
      t.clock.advance(2 * MINUTE);
      await t.ctx.status.deliverAlerts();
      await t.ctx.status.deliverAlerts();
      expect(receivedAbout('Relais en panne')).toEqual([1, 1, 1, 1]);
      expect((await queuedFor(t, event.id)).every((r) => r.sent_at !== null)).toBe(true);
      expect(await deliveries()).toMatchObject({ pending: 0, sent: 12 });

      // What the server logged names the relay, never an address or a message's text.
      const logged = logs.join('');
      expect(logged).toContain(`127.0.0.1:${port}`);
      for (const address of ALERT_ADDRESSES) expect(logged).not.toContain(address);
      expect(logged).not.toContain('Relais en panne');
    });
  });

  describe(`service status alerts without a relay on ${backend.name}`, () => {
    let t: TestInstance;

    beforeAll(async () => {
      t = await startInstance(backend);
      await alertContacts(t);
    });
    afterAll(async () => t.close());

    it('leaves them pending with the reason, and backs off instead of spinning', async () => {
      const technician = (await staffUser(t, 'technician')).client;
      const event = (await post(technician, maintenance(t))).body.event;
      await t.ctx.status.deliverAlerts();
      await t.ctx.status.deliverAlerts();
      const rows = await queuedFor(t, event.id);
      expect(rows).toHaveLength(4);
      for (const row of rows) {
        expect(row).toMatchObject({
          attempts: 1,
          sent_at: null,
          last_error: 'LIAISON_SMTP_RELAY_URL is not set',
        });
        expect(Date.parse(row.next_attempt_at)).toBe(t.clock.now().getTime() + MINUTE);
      }
      const view = (await technician.get<StatusAlertDelivery>('/api/admin/status/alerts')).body;
      expect(view.pending).toBe(4);
      expect(view.waiting[0]?.lastError).toBe('LIAISON_SMTP_RELAY_URL is not set');
    });
  });
}

describe('alert delivery rules', () => {
  it('backs off 1, 2, 4… minutes, capped at an hour', () => {
    expect([1, 2, 3, 4, 6, 7, 20].map((n) => retryDelayMs(n) / MINUTE)).toEqual([1, 2, 4, 8, 32, 60, 60]);
  });

  it('keeps the relay credentials out of a stored error', () => {
    const err = Object.assign(new Error('Invalid login for relay-user with s3cret-Pass: 535 denied'), {
      code: 'EAUTH',
    });
    const failure = describeFailure(err, 'smtps://relay-user:s3cret-Pass@smtp.example.fr:465');
    expect(failure.relayDown).toBe(true);
    expect(failure.message).not.toContain('s3cret-Pass');
    expect(failure.message).not.toContain('relay-user');
    expect(failure.message).toMatch(/^EAUTH: /);
    expect(describeFailure(new Error('x'.repeat(500)), 'smtp://h:25').message.length).toBeLessThanOrEqual(
      200,
    );
  });
});
