import type { Me } from '@liaison/core/api/index';
import {
  AddStatusUpdateRequest,
  CreateStatusEventRequest,
  type PublicStatus,
  type StatusEvent,
} from '@liaison/core/api/status';
import i18next, { type TFunction } from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addStatusUpdate, createStatusEvent, fetchPublicStatus, statusKeys } from '../src/api/status.ts';
import { fr } from '../src/i18n/fr.ts';
import {
  emptyEventForm,
  eventFormProblems,
  localInputToIso,
  toCreateRequest,
  toUpdateRequest,
  updateFormFor,
  updateFormProblems,
  type EventFormValues,
} from '../src/pages/status/eventForm.ts';
import { problemMessages } from '../src/pages/status/eventFormMessages.ts';
import { formatParisDateTime } from '../src/pages/status/statusTexts.ts';
import { hospitalDoctor } from './support/me.ts';
import { plainSpaces, renderApp, stubFetch, testQueryClient } from './support/renderApp.ts';

const maintenance: StatusEvent = {
  id: '7d0e4a52-1f43-4a8e-9a7e-2f0c3c1d9e11',
  kind: 'maintenance',
  title: 'Mise à jour de la messagerie',
  severity: 'info',
  components: ['mail', 'web'],
  description: 'Interruption de 15 minutes au plus.',
  startsAt: '2026-07-01T20:00:00Z',
  endsAt: '2026-07-01T21:00:00Z',
  state: 'scheduled',
  createdAt: '2026-06-20T08:00:00Z',
  updatedAt: '2026-06-20T08:00:00Z',
  updates: [],
};

const status: PublicStatus = {
  generatedAt: '2026-06-25T10:00:00Z',
  supportHours: 'du lundi au vendredi, de 8 h à 19 h',
  components: [
    { component: 'web', state: 'operational' },
    { component: 'mail', state: 'degraded' },
    { component: 'directory', state: 'outage' },
    { component: 'ldap', state: 'maintenance' },
  ],
  current: [],
  upcoming: [maintenance],
  past: [],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('public status page', () => {
  it('renders for a visitor without a session: component states in words, upcoming maintenance, feed', async () => {
    const calls = stubFetch({ '/api/status': { json: status } });
    const client = testQueryClient();
    // No session: /api/me answered 401, which the app keeps as "nobody".
    client.setQueryData(['me'], null);
    await client.fetchQuery({ queryKey: statusKeys.public, queryFn: fetchPublicStatus });
    expect(calls).toEqual([{ url: '/api/status', method: 'GET', body: undefined }]);

    const html = plainSpaces(await renderApp('/status', client));
    expect(html).toContain('<h1');
    expect(html).toContain('État du service');
    // No navigation column and no redirect to the login page for a visitor.
    expect(html).not.toContain('Navigation principale');
    expect(html).not.toContain('Connexion');
    // Each state in words (with a glyph), not colour alone.
    expect(html).toMatch(/data-component="web".*?Opérationnel/s);
    expect(html).toMatch(/data-component="mail".*?Dégradé/s);
    expect(html).toMatch(/data-component="directory".*?Panne/s);
    expect(html).toMatch(/data-component="ldap".*?Maintenance/s);
    // The upcoming maintenance, its components and its times at Paris time (UTC+2 in July).
    expect(html).toMatch(/data-testid="status-upcoming".*Mise à jour de la messagerie/s);
    expect(html).toContain('Messagerie, Application web');
    expect(html).toContain('1 juillet 2026 à 22:00');
    expect(html).toContain('1 juillet 2026 à 23:00');
    expect(html).toContain('du lundi au vendredi, de 8 h à 19 h');
    expect(html).toContain('href="/api/status.atom"');
    expect(html).toContain('S&#x27;abonner (Atom)');
    // The footer link is there for visitors too.
    expect(html).toContain('data-testid="footer-status"');
  });
});

describe('dates of the status pages', () => {
  // Technicians type wall-clock time on their device; this suite's device is in Paris.
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/Paris';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('shows instants at Paris time, whatever the device', () => {
    expect(plainSpaces(formatParisDateTime('2026-01-15T07:30:00Z', 'fr'))).toBe('15 janvier 2026 à 08:30');
    expect(plainSpaces(formatParisDateTime('2026-07-01T20:00:00Z', 'fr'))).toBe('1 juillet 2026 à 22:00');
  });

  it('sends datetime-local values as ISO 8601 with the offset in force on that date', () => {
    expect(localInputToIso('2026-07-01T22:00')).toBe('2026-07-01T22:00:00+02:00');
    expect(localInputToIso('2026-01-15T08:30')).toBe('2026-01-15T08:30:00+01:00');
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('2026-02-30T10:00')).toBeNull();
    expect(localInputToIso('2026-07-01T25:00')).toBeNull();
  });
});

describe('posting an incident or a maintenance', () => {
  const zone = process.env.TZ;
  let t: TFunction;
  beforeAll(async () => {
    process.env.TZ = 'Europe/Paris';
    const instance = i18next.createInstance();
    await instance.init({
      resources: { fr: { translation: fr } },
      lng: 'fr',
      interpolation: { escapeValue: false },
    });
    t = instance.t;
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  const values: EventFormValues = {
    kind: 'maintenance',
    title: '  Mise à jour de la messagerie ',
    severity: 'info',
    // Ticked in any order; sent in the contract's order.
    components: ['web', 'mail'],
    description: 'Interruption de 15 minutes au plus.',
    startsAt: '2026-07-01T22:00',
    endsAt: '2026-07-01T23:00',
    alert: true,
  };

  it('refuses an end before the start with the server’s sentence, and missing fields', () => {
    const problems = eventFormProblems({ ...values, endsAt: '2026-07-01T21:59' });
    expect(problems).toEqual({ endsAt: 'STATUS_EVENT_INVALID' });
    expect(problemMessages(t, problems)).toEqual({
      endsAt: 'La fin d’un incident ou d’une maintenance ne peut pas précéder son début.',
    });
    expect(eventFormProblems({ ...emptyEventForm(), startsAt: '' })).toEqual({
      title: 'required',
      components: 'required',
      description: 'required',
      startsAt: 'required',
    });
    // An end may stay unknown, and may equal the start.
    expect(eventFormProblems({ ...values, endsAt: '' })).toEqual({});
    expect(eventFormProblems({ ...values, endsAt: values.startsAt })).toEqual({});
  });

  it('posts the contract’s JSON, dates with their offset, and shows the alerts queued', async () => {
    expect(eventFormProblems(values)).toEqual({});
    const event: StatusEvent = { ...maintenance, components: ['web', 'mail'] };
    const calls = stubFetch({
      '/api/admin/status/events': { status: 201, json: { event, alertsQueued: 42 } },
    });
    const posted = await createStatusEvent(toCreateRequest(values));
    expect(posted.alertsQueued).toBe(42);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('/api/admin/status/events');
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.body).toEqual({
      kind: 'maintenance',
      title: 'Mise à jour de la messagerie',
      severity: 'info',
      components: ['web', 'mail'],
      description: 'Interruption de 15 minutes au plus.',
      startsAt: '2026-07-01T22:00:00+02:00',
      endsAt: '2026-07-01T23:00:00+02:00',
      alert: true,
    });
    expect(CreateStatusEventRequest.safeParse(calls[0]?.body).success).toBe(true);
    // An unknown end is sent as null.
    expect(toCreateRequest({ ...values, endsAt: '' }).endsAt).toBeNull();
  });

  it('posts an update with only what changed, and refuses a new end before the start', async () => {
    const event: StatusEvent = {
      id: '7d0e4a52-1f43-4a8e-9a7e-2f0c3c1d9e11',
      kind: 'incident',
      title: 'Messagerie lente',
      severity: 'minor',
      components: ['mail'],
      description: 'Les envois prennent plusieurs minutes.',
      startsAt: '2026-07-01T08:00:00Z',
      endsAt: null,
      state: 'ongoing',
      createdAt: '2026-07-01T08:05:00Z',
      updatedAt: '2026-07-01T08:05:00Z',
      updates: [],
    };
    const form = { ...updateFormFor(event), body: 'Cause trouvée, correctif en cours.' };
    expect(toUpdateRequest(form, event)).toEqual({
      body: 'Cause trouvée, correctif en cours.',
      alert: false,
    });
    expect(updateFormProblems({ ...form, endsAt: '2026-07-01T09:59' }, event)).toEqual({
      endsAt: 'STATUS_EVENT_INVALID',
    });
    const ending = { ...form, endsAt: '2026-07-01T12:30', severity: 'major' as const, alert: true };
    expect(updateFormProblems(ending, event)).toEqual({});
    const calls = stubFetch({
      [`/api/admin/status/events/${event.id}/updates`]: { status: 201, json: { event, alertsQueued: 0 } },
    });
    await addStatusUpdate(event.id, toUpdateRequest(ending, event));
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.body).toEqual({
      body: 'Cause trouvée, correctif en cours.',
      endsAt: '2026-07-01T12:30:00+02:00',
      severity: 'major',
      alert: true,
    });
    expect(AddStatusUpdateRequest.safeParse(calls[0]?.body).success).toBe(true);
  });

  it('postpones a maintenance not begun yet: a new start, and an end checked against it', () => {
    const form = { ...updateFormFor(maintenance), body: 'Reportée d’une semaine.' };
    const postponed = { ...form, startsAt: '2026-07-08T22:00', endsAt: '2026-07-08T23:30' };
    expect(updateFormProblems(postponed, maintenance)).toEqual({});
    expect(toUpdateRequest(postponed, maintenance)).toEqual({
      body: 'Reportée d’une semaine.',
      startsAt: '2026-07-08T22:00:00+02:00',
      endsAt: '2026-07-08T23:30:00+02:00',
      alert: false,
    });
    expect(updateFormProblems({ ...postponed, endsAt: '2026-07-08T21:00' }, maintenance)).toEqual({
      endsAt: 'STATUS_EVENT_INVALID',
    });
  });

  it('labels the form controls as people (and the end-to-end test) find them', async () => {
    const technician: Me = { ...hospitalDoctor, roles: [{ role: 'technician', organisationId: null }] };
    stubFetch({});
    const client = testQueryClient();
    client.setQueryData(['me'], technician);
    client.setQueryData(statusKeys.events, []);
    client.setQueryData(statusKeys.alerts, { pending: 3, sent: 120, waiting: [] });
    const html = plainSpaces(await renderApp('/status/manage', client));
    for (const label of ['Titre', 'Gravité', 'Description', 'Début', 'Fin']) {
      expect(html).toMatch(new RegExp(`<label[^>]*>${label}`));
    }
    expect(html).toMatch(/id="([^"]+)"[^>]*>Type<.*role="radiogroup" aria-labelledby="\1"/s);
    expect(html).toMatch(/id="([^"]+)"[^>]*>Composants concernés<.*role="group" aria-labelledby="\1"/s);
    for (const component of ['Application web', 'Messagerie instantanée', 'Télé-expertise', 'Certificats']) {
      expect(html).toContain(component);
    }
    expect(html).toContain('type="datetime-local"');
    expect(html).toContain('Prévenir les établissements par e-mail');
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>.*?Publier</s);
    expect(html).toMatch(/data-testid="status-alerts-sent" data-value="120"/);
    expect(html).toContain('Envoi des alertes');
  });
});
