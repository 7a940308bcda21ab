import type { CreateStatusEventRequest, StatusEventPosted } from '@liaison/core/api/status';
import { CONSOLE_ACTOR } from '../../src/auth/actor.ts';
import type { Client, TestInstance } from './app.ts';

/** The distinct alert addresses `alertContacts` sets up, lower-cased and sorted. */
export const ALERT_ADDRESSES = [
  'alertes-dsi@ch-dunkerque.test',
  'direction@ehpad-tilleuls.test',
  'dsi@ehpad-tilleuls.test',
  'paul.leroy@ch-dunkerque.test',
];

const PASSWORD = 'correct horse battery staple';

/**
 * Three establishments and their contacts: a hospital (alert mailbox + one admin), a nursing home
 * whose alert mailbox is also one admin's address (written in capitals in the older row, to prove
 * that deduplication ignores case), and a clinic with no contact at all. A professional and a
 * disabled admin must receive nothing.
 */
export async function alertContacts(t: TestInstance): Promise<void> {
  const { organisations, users, db } = t.ctx;
  const hospital = await organisations.create(CONSOLE_ACTOR, {
    kind: 'hospital',
    name: 'Centre hospitalier de Dunkerque',
    alertMailbox: 'alertes-dsi@ch-dunkerque.test',
  });
  const ehpad = await organisations.create(CONSOLE_ACTOR, { kind: 'ehpad', name: 'EHPAD Les Tilleuls' });
  await organisations.create(CONSOLE_ACTOR, { kind: 'clinic', name: 'Clinique du Port' });
  await db.raw
    .updateTable('organisations')
    .set({ alert_mailbox: 'DSI@Ehpad-Tilleuls.test' })
    .where('id', '=', ehpad.id)
    .execute();
  const person = (email: string, role: 'establishment_admin' | 'professional', organisationId: string) =>
    users.create(CONSOLE_ACTOR, {
      email,
      password: PASSWORD,
      firstName: 'Camille',
      lastName: 'Contact',
      role,
      organisationId,
    });
  await person('paul.leroy@ch-dunkerque.test', 'establishment_admin', hospital.id);
  await person('dsi@ehpad-tilleuls.test', 'establishment_admin', ehpad.id);
  await person('direction@ehpad-tilleuls.test', 'establishment_admin', ehpad.id);
  await person('dr.martin@ch-dunkerque.test', 'professional', hospital.id);
  const gone = await person('ancien.admin@ch-dunkerque.test', 'establishment_admin', hospital.id);
  await db.raw.updateTable('users').set({ status: 'disabled' }).where('id', '=', gone).execute();
}

/** `minutes` from the instance's clock, as an ISO string. */
export function inMinutes(t: TestInstance, minutes: number): string {
  return new Date(t.clock.now().getTime() + minutes * 60_000).toISOString();
}

export function maintenance(t: TestInstance, overrides: Partial<CreateStatusEventRequest> = {}) {
  return {
    kind: 'maintenance',
    title: 'Mise à jour de la messagerie',
    severity: 'minor',
    components: ['mail', 'directory'],
    description:
      'La messagerie sera indisponible pendant la mise à jour.\n\nLes courriers en attente partiront ensuite.',
    startsAt: inMinutes(t, 30),
    endsAt: inMinutes(t, 50),
    alert: true,
    ...overrides,
  } satisfies CreateStatusEventRequest;
}

export async function post(client: Client, body: unknown) {
  return client.post<StatusEventPosted>('/api/admin/status/events', body);
}

export async function queuedFor(t: TestInstance, eventId: string) {
  return t.ctx.db.read
    .selectFrom('outbound_emails')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('to_address')
    .execute();
}
