import type { PublicStatus, StatusEvent, StatusEventPosted } from '@liaison/core/api/status';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, staffUser, startInstance, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import {
  ALERT_ADDRESSES,
  alertContacts,
  inMinutes,
  maintenance,
  post,
  queuedFor,
} from './support/statusFixtures.ts';

const MINUTE = 60_000;

for (const backend of testBackends()) {
  describe(`service status on ${backend.name}`, () => {
    let t: TestInstance;
    let technician: Client;
    const anonymous = () => new Client(t.app);
    const publicStatus = async () => (await anonymous().get<PublicStatus>('/api/status')).body;
    const componentState = (status: PublicStatus, component: string) =>
      status.components.find((c) => c.component === component)?.state;

    beforeAll(async () => {
      t = await startInstance(backend, { env: { LIAISON_SUPPORT_HOURS: 'Tous les jours de 7 h à 21 h' } });
      await alertContacts(t);
      technician = (await staffUser(t, 'technician')).client;
    });
    afterAll(async () => t.close());

    it('shows a planned maintenance as upcoming, then current, then past, and queues one alert per address', async () => {
      const start = new Date(inMinutes(t, 30));
      // Paris local time with its offset, as a browser in France would send it.
      const parisStart = new Date(start.getTime() + 3600_000).toISOString().replace('Z', '+01:00');
      const posted = await post(technician, maintenance(t, { startsAt: parisStart }));
      expect(posted.status).toBe(201);
      expect(posted.body.alertsQueued).toBe(ALERT_ADDRESSES.length);
      const event = posted.body.event;
      expect(event).toMatchObject({ kind: 'maintenance', state: 'scheduled', startsAt: start.toISOString() });
      expect(event.components).toEqual(['mail', 'directory']);

      const queued = await queuedFor(t, event.id);
      expect(queued.map((q) => q.to_address)).toEqual(ALERT_ADDRESSES);
      for (const q of queued) {
        expect(q).toMatchObject({ attempts: 0, sent_at: null, last_error: null });
        expect(q.subject).toBe('[Liaison] Maintenance planifiée : Mise à jour de la messagerie');
        expect(q.body_text).toContain('http://localhost:8080/status');
        expect(q.body_text).toContain('Messagerie sécurisée, Annuaire');
        expect(q.body_text).toContain('Secure mail, Directory');
        expect(q.body_text).toMatch(/heure de Paris ; \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
        expect(q.body_text).toContain('Tous les jours de 7 h à 21 h');
        expect(q.body_text.indexOf('English version')).toBeGreaterThan(q.body_text.indexOf('Bonjour'));
      }
      const audit = await t.ctx.db.read
        .selectFrom('audit_events')
        .select(['details'])
        .where('action', '=', 'status.event_posted')
        .where('target', '=', event.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.details)).toMatchObject({ kind: 'maintenance', alertsQueued: 4 });

      const before = await publicStatus();
      expect(before.supportHours).toBe('Tous les jours de 7 h à 21 h');
      expect(before.upcoming.map((e) => [e.id, e.state])).toEqual([[event.id, 'scheduled']]);
      expect(before.current).toEqual([]);
      expect(before.components.every((c) => c.state === 'operational')).toBe(true);

      t.clock.advance(35 * MINUTE);
      const during = await publicStatus();
      expect(during.current.map((e) => [e.id, e.state])).toEqual([[event.id, 'ongoing']]);
      expect(during.upcoming).toEqual([]);
      expect(componentState(during, 'mail')).toBe('maintenance');
      expect(componentState(during, 'directory')).toBe('maintenance');
      expect(componentState(during, 'web')).toBe('operational');

      t.clock.advance(20 * MINUTE);
      const after = await publicStatus();
      expect(after.past.map((e) => [e.id, e.state])).toEqual([[event.id, 'ended']]);
      expect(after.current).toEqual([]);
      expect(componentState(after, 'mail')).toBe('operational');

      // Ninety days later it has left the page.
      t.clock.advance(91 * 24 * 3600_000);
      expect((await publicStatus()).past.map((e) => e.id)).not.toContain(event.id);
      technician = (await staffUser(t, 'technician')).client; // the old session went idle
    });

    it('turns an incident into outage or degraded components, most severe first, until updates end it', async () => {
      const now = t.clock.now().toISOString();
      const incident = (severity: string, components: string[], title: string) =>
        post(technician, {
          kind: 'incident',
          title,
          severity,
          components,
          description: 'Analyse en cours.',
          startsAt: now,
        });
      const minor = (await incident('minor', ['mail', 'web'], 'Lenteurs')).body.event;
      const major = (await incident('major', ['mail'], 'Messagerie indisponible')).body.event;
      expect(major.state).toBe('ongoing');

      const both = await publicStatus();
      expect(both.current.map((e) => e.id)).toEqual([major.id, minor.id]);
      expect(componentState(both, 'mail')).toBe('outage');
      expect(componentState(both, 'web')).toBe('degraded');

      t.clock.advance(10 * MINUTE);
      const ended = await technician.post<StatusEventPosted>(`/api/admin/status/events/${major.id}/updates`, {
        body: 'Le service est rétabli.',
        endsAt: t.clock.now().toISOString(),
      });
      expect(ended.status).toBe(201);
      expect(ended.body.alertsQueued).toBe(0);
      expect(ended.body.event).toMatchObject({ state: 'ended', endsAt: t.clock.now().toISOString() });
      expect(ended.body.event.updates.map((u) => u.body)).toEqual(['Le service est rétabli.']);
      const afterMajor = await publicStatus();
      expect(componentState(afterMajor, 'mail')).toBe('degraded');
      expect(afterMajor.past[0]?.id).toBe(major.id);

      const worse = await technician.post<StatusEventPosted>(`/api/admin/status/events/${minor.id}/updates`, {
        body: 'La panne s’étend.',
        severity: 'critical',
      });
      expect(worse.body.event).toMatchObject({ severity: 'critical', state: 'ongoing', endsAt: null });
      expect(componentState(await publicStatus(), 'web')).toBe('outage');

      const backwards = await technician.post(`/api/admin/status/events/${minor.id}/updates`, {
        body: 'Erreur de saisie.',
        endsAt: new Date(Date.parse(now) - MINUTE).toISOString(),
      });
      expect(backwards.status).toBe(400);
      expect(backwards.body).toMatchObject({ error: { code: 'STATUS_EVENT_INVALID' } });
      const list = await technician.get<StatusEvent[]>('/api/admin/status/events');
      const stored = list.body.find((e) => e.id === minor.id);
      expect(stored?.updates).toHaveLength(1);
      expect(stored?.endsAt).toBeNull();
      // Newest first: the maintenance of the first test was posted before both incidents.
      const created = list.body.map((e) => e.createdAt);
      expect(created).toEqual([...created].sort().reverse());
      expect(list.body.map((e) => e.kind)).toEqual(['incident', 'incident', 'maintenance']);
    });

    it('postpones a planned maintenance, then calls it off before it begins', async () => {
      const planned = (
        await post(technician, maintenance(t, { startsAt: inMinutes(t, 60), endsAt: inMinutes(t, 90) }))
      ).body.event;
      const later = inMinutes(t, 24 * 60);
      const postponed = await technician.post<StatusEventPosted>(
        `/api/admin/status/events/${planned.id}/updates`,
        { body: 'Reportée à demain.', startsAt: later, endsAt: inMinutes(t, 25 * 60) },
      );
      expect(postponed.status).toBe(201);
      expect(postponed.body.event).toMatchObject({ state: 'scheduled', startsAt: later });

      const tooEarly = await technician.post(`/api/admin/status/events/${planned.id}/updates`, {
        body: 'Fin avant le début.',
        endsAt: inMinutes(t, 23 * 60),
      });
      expect(tooEarly.body).toMatchObject({ error: { code: 'STATUS_EVENT_INVALID' } });

      const now = t.clock.now().toISOString();
      const calledOff = await technician.post<StatusEventPosted>(
        `/api/admin/status/events/${planned.id}/updates`,
        { body: 'Annulée.', startsAt: now, endsAt: now },
      );
      expect(calledOff.body.event).toMatchObject({ state: 'ended', startsAt: now, endsAt: now });
      const status = await publicStatus();
      expect(status.upcoming.map((e) => e.id)).not.toContain(planned.id);
      expect(status.past.map((e) => e.id)).toContain(planned.id);
    });
  });
}
