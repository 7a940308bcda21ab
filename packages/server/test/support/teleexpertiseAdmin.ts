import type { CreateServiceRequest, TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import { createCsr, generateEncryptionKeyPair } from '@liaison/core/crypto/index';
import { DERMATOLOGY_FORM } from '@liaison/core/teleexpertise/forms/index';
import type { TaskStatus } from '@liaison/core/teleexpertise/task';
import { CONSOLE_ACTOR } from '../../src/auth/actor.ts';
import { MAIL_DOMAIN, type Answer, type Client, type TestInstance } from './app.ts';
import type { MailUser } from './mail.ts';

/** Helpers of the tele-expertise administration suites: establishments, ORG mailboxes, services. */

export const DERMATOLOGY_REF = { url: DERMATOLOGY_FORM.url, version: DERMATOLOGY_FORM.version };

export function hospital(t: TestInstance, name: string): Promise<string> {
  return t.ctx.organisations.create(CONSOLE_ACTOR, { kind: 'hospital', name }).then((o) => o.id);
}

/** A shared mailbox of an establishment, with `owners` as its owners (rows, as an admin screen makes them). */
export async function sharedMailbox(
  t: TestInstance,
  organisationId: string,
  localPart: string,
  owners: readonly { userId: string }[] = [],
  kind: 'ORG' | 'APP' | 'CAB' = 'ORG',
): Promise<{ id: string; address: string }> {
  const address = `${localPart}@${MAIL_DOMAIN}`;
  const mailbox = await t.ctx.mailboxes.create(CONSOLE_ACTOR, {
    address,
    kind,
    organisationId,
    acceptsAttachments: true,
  });
  await addMembers(t, mailbox.id, owners, 'owner');
  return { id: mailbox.id, address };
}

export async function addMembers(
  t: TestInstance,
  mailboxId: string,
  users: readonly { userId: string }[],
  access: 'owner' | 'delegate',
): Promise<void> {
  if (users.length === 0) return;
  const now = t.clock.now().toISOString();
  await t.ctx.db.transaction((tx) =>
    tx.db
      .insertInto('mailbox_members')
      .values(users.map((u) => ({ mailbox_id: mailboxId, user_id: u.userId, access, created_at: now })))
      .execute(),
  );
}

/** The mailbox's encryption certificate, requested by one of its owners as a device does. */
export async function certifyMailbox(
  owner: MailUser,
  mailbox: { id: string; address: string },
): Promise<string> {
  const keys = await generateEncryptionKeyPair();
  const csrPem = await createCsr({
    keyPair: keys,
    usage: 'encryption',
    subject: { commonName: mailbox.address.split('@')[0]!, email: mailbox.address },
  });
  const cert = await owner.client.post<{ certificatePem: string }>('/api/pki/csr', {
    usage: 'encryption',
    csrPem,
    mailboxId: mailbox.id,
  });
  if (cert.status !== 201) throw new Error(`mailbox certificate refused: ${cert.text}`);
  return cert.body.certificatePem;
}

export function createService(
  admin: Client,
  input: Partial<CreateServiceRequest> & Pick<CreateServiceRequest, 'organisationId' | 'mailboxId'>,
): Promise<Answer<TeleexpertiseService>> {
  return admin.post<TeleexpertiseService>('/api/teleexpertise/services', {
    name: 'Dermatologie',
    specialty: 'SM15',
    forms: [DERMATOLOGY_REF],
    ...input,
  });
}

/** A valid imported form: one required text item and an enableWhen on it. */
export function simpleQuestionnaire(version = '1.0.0', items?: unknown[]): Record<string, unknown> {
  return {
    resourceType: 'Questionnaire',
    url: 'https://chu-exemple.fr/fhir/Questionnaire/rhumatologie',
    version,
    title: 'Avis rhumatologique',
    status: 'active',
    item: items ?? [
      { linkId: 'joint', type: 'string', text: 'Articulation', required: true },
      {
        linkId: 'swollen',
        type: 'boolean',
        text: 'Gonflée ?',
        enableWhen: [{ question: 'joint', operator: 'exists', answerBoolean: true }],
      },
    ],
  };
}

export async function auditActions(t: TestInstance, target: string): Promise<string[]> {
  const rows = await t.ctx.db.read
    .selectFrom('audit_events')
    .select('action')
    .where('target', '=', target)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

export interface RequestRow {
  serviceId: string;
  requesterUserId: string;
  requesterMailboxId: string;
  status: TaskStatus;
  createdAt: string;
  assigneeUserId?: string | null;
  firstAcceptedAt?: string | null;
  answeredAt?: string | null;
}

/**
 * A te_requests row written directly, with a dummy envelope: these suites look at routing and times
 * only, which is all the server ever reads of a request.
 */
export async function insertRequest(t: TestInstance, row: RequestRow): Promise<string> {
  const id = crypto.randomUUID();
  await t.ctx.db.transaction((tx) =>
    tx.db
      .insertInto('te_requests')
      .values({
        id,
        service_id: row.serviceId,
        form_url: DERMATOLOGY_REF.url,
        form_version: DERMATOLOGY_REF.version,
        requester_user_id: row.requesterUserId,
        requester_mailbox_id: row.requesterMailboxId,
        follows_request_id: null,
        status: row.status,
        assignee_user_id: row.assigneeUserId ?? null,
        assigned_at: row.assigneeUserId ? row.createdAt : null,
        first_accepted_at: row.firstAcceptedAt ?? null,
        answered_at: row.answeredAt ?? null,
        sla_ms: 48 * 3600_000,
        due_at: new Date(Date.parse(row.createdAt) + 48 * 3600_000).toISOString(),
        paused_at: null,
        reminded_at: null,
        answer_message_id: null,
        fingerprint: id,
        size: 3,
        created_at: row.createdAt,
        updated_at: row.createdAt,
        last_seq: 0,
        envelope: new Uint8Array([1, 2, 3]),
        answer_envelope: null,
      })
      .execute(),
  );
  return id;
}

/** A person's personal (PER) mailbox id. */
export async function personalMailboxId(t: TestInstance, userId: string): Promise<string> {
  const row = await t.ctx.db.read
    .selectFrom('mailboxes')
    .innerJoin('mailbox_members', 'mailbox_members.mailbox_id', 'mailboxes.id')
    .select('mailboxes.id')
    .where('mailbox_members.user_id', '=', userId)
    .where('mailboxes.kind', '=', 'PER')
    .executeTakeFirstOrThrow();
  return row.id;
}
