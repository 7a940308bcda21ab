import type { Availability, TeleexpertiseRequestDetail, WeeklySlot } from '@liaison/core/api/teleexpertise';
import {
  base64Encode,
  createCsr,
  encrypt,
  generateEncryptionKeyPair,
  utf8,
  type WebCryptoKeyPair,
} from '@liaison/core/crypto/index';
import { DERMATOLOGY_FORM } from '@liaison/core/teleexpertise/forms/index';
import { CONSOLE_ACTOR } from '../../src/auth/actor.ts';
import { MAIL_DOMAIN, staffUser, type Answer, type Client } from './app.ts';
import { elapse } from './bulk.ts';
import { mailUser, type MailUser } from './mail.ts';
import type { PkiInstance } from './pki.ts';

/**
 * Tele-expertise fixtures. A service is made the way the admin screens will make it, but by writing
 * its rows directly (this suite does not depend on the admin API): an establishment, an ORG mailbox
 * owned by the experts with its own encryption certificate, then te_services, te_service_forms and
 * te_experts. Requests, notes and answers are real CMS envelopes for the right certificates.
 */

export const REQUESTS = '/api/teleexpertise/requests';
export const FORM = { url: DERMATOLOGY_FORM.url, version: DERMATOLOGY_FORM.version };

/** Every hour of every day: on duty whenever the test looks. */
export const ALWAYS: WeeklySlot[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  start: '00:00',
  end: '24:00',
}));

export interface ServiceFixture {
  id: string;
  mailboxId: string;
  address: string;
  keys: WebCryptoKeyPair;
  certificatePem: string;
  organisationId: string;
}

export type Refusal = { error: { code: string; details?: Record<string, unknown> } };

let counter = 0;

/**
 * A service of a new hospital whose ORG mailbox the experts own (the first certifies its key), with
 * the dermatology form accepted. Experts are added in order, one second apart (the round-robin's
 * tie-break is the date they were added).
 */
export async function makeService(
  t: PkiInstance,
  experts: readonly MailUser[],
  options: {
    slaHours?: number;
    acceptTimeoutHours?: number;
    name?: string;
    /** The mailbox's key pair, to save generating one (the property test makes many services). */
    keys?: WebCryptoKeyPair;
  } = {},
): Promise<ServiceFixture> {
  counter++;
  const localPart = `dermato-${counter}-${Math.random().toString(36).slice(2, 6)}`;
  const address = `${localPart}@${MAIL_DOMAIN}`;
  const org = await t.ctx.organisations.create(CONSOLE_ACTOR, {
    kind: 'hospital',
    name: `CHU ${localPart}`,
  });
  const mailbox = await t.ctx.mailboxes.create(CONSOLE_ACTOR, {
    address,
    kind: 'ORG',
    organisationId: org.id,
    acceptsAttachments: true,
  });
  const now = t.clock.now().toISOString();
  await t.ctx.db.transaction(async (tx) => {
    for (const expert of experts) {
      await tx.db
        .insertInto('mailbox_members')
        .values({ mailbox_id: mailbox.id, user_id: expert.userId, access: 'owner', created_at: now })
        .execute();
    }
  });
  const keys = options.keys ?? (await generateEncryptionKeyPair());
  const csrPem = await createCsr({
    keyPair: keys,
    usage: 'encryption',
    subject: { commonName: localPart, email: address },
  });
  const cert = await experts[0]!.client.post<{ certificatePem: string }>('/api/pki/csr', {
    usage: 'encryption',
    csrPem,
    mailboxId: mailbox.id,
  });
  if (cert.status !== 201) throw new Error(`service certificate refused: ${cert.text}`);
  const id = crypto.randomUUID();
  await t.ctx.db.transaction(async (tx) => {
    await tx.db
      .insertInto('te_services')
      .values({
        id,
        organisation_id: org.id,
        mailbox_id: mailbox.id,
        name: options.name ?? 'Dermatologie',
        specialty: 'SM15',
        sla_hours: options.slaHours ?? 48,
        accept_timeout_hours: options.acceptTimeoutHours ?? 4,
        active: 1,
        created_at: now,
      })
      .execute();
    await tx.db
      .insertInto('te_service_forms')
      .values({ service_id: id, form_url: FORM.url, form_version: FORM.version })
      .execute();
    for (const [i, expert] of experts.entries()) {
      await tx.db
        .insertInto('te_experts')
        .values({
          service_id: id,
          user_id: expert.userId,
          added_at: new Date(Date.parse(now) + i * 1000).toISOString(),
          last_assigned_at: null,
        })
        .execute();
    }
  });
  return {
    id,
    mailboxId: mailbox.id,
    address,
    keys,
    certificatePem: cert.body.certificatePem,
    organisationId: org.id,
  };
}

/** Verified professionals with certificates, one per name (key generation is slow: in parallel). */
export async function professionals<const N extends readonly string[]>(
  t: PkiInstance,
  names: N,
): Promise<{ [K in keyof N]: MailUser }> {
  const technician = (await staffUser(t, 'technician')).client;
  const people = await Promise.all(names.map((name) => mailUser(t, technician, name, 'Test')));
  return people as { [K in keyof N]: MailUser };
}

/** Moves the clock, keeping every given session alive (web sessions expire when idle). */
export async function pass(t: PkiInstance, people: readonly MailUser[], ms: number): Promise<void> {
  await elapse(
    t,
    people.map((p) => p.client),
    ms,
  );
}

export async function setAvailability(user: MailUser, availability: Availability): Promise<void> {
  const put = await user.client.put('/api/teleexpertise/availability', availability);
  if (put.status !== 200) throw new Error(`availability refused: ${put.text}`);
}

/** An envelope of this service's request: to the service's certificate and the requester's. */
export async function sealFor(
  service: ServiceFixture,
  requester: MailUser,
  text = 'demande',
): Promise<string> {
  const der = await encrypt({
    content: utf8(text),
    recipients: [service.certificatePem, requester.encryptionCertificatePem],
  });
  return base64Encode(der);
}

export async function sealTo(pems: readonly string[], text = 'x'): Promise<string> {
  return base64Encode(await encrypt({ content: utf8(text), recipients: [...pems] }));
}

export type Detail = TeleexpertiseRequestDetail & Partial<Refusal>;

export async function createRequest(
  service: ServiceFixture,
  requester: MailUser,
  extra: { id?: string; envelope?: string; followsRequestId?: string } = {},
): Promise<Answer<Detail>> {
  return requester.client.post<Detail>(REQUESTS, {
    id: extra.id ?? crypto.randomUUID(),
    serviceId: service.id,
    form: FORM,
    ...(extra.followsRequestId ? { followsRequestId: extra.followsRequestId } : {}),
    envelope: extra.envelope ?? (await sealFor(service, requester)),
  });
}

export function act(client: Client, requestId: string, action: string, body: unknown = {}) {
  return client.post<Detail>(`${REQUESTS}/${requestId}/${action}`, body);
}

/** The service mailbox as a sender: an expert signing as themselves, sealing with the mailbox's key. */
export function asService(expert: MailUser, service: ServiceFixture): MailUser {
  return {
    ...expert,
    address: service.address,
    encryption: service.keys,
    encryptionCertificatePem: service.certificatePem,
  };
}

export async function auditActions(t: PkiInstance, requestId: string): Promise<string[]> {
  const rows = await t.ctx.db.read
    .selectFrom('audit_events')
    .select('action')
    .where('target', '=', requestId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}
