import type {
  FormRef,
  ImportFormRequest,
  TeleexpertiseForm,
  TeleexpertiseService,
  UpdateServiceRequest,
  CreateServiceRequest,
} from '@liaison/core/api/teleexpertise';
import { importQuestionnaire, type Questionnaire } from '@liaison/core/teleexpertise/questionnaire';
import { QuestionnaireError } from '@liaison/core/teleexpertise/questionnaireError';
import type { z } from 'zod';
import { requireOrganisation } from '../accounts/userStore.ts';
import { auditActor, requireOrganisationAdmin, requireRole, type Actor } from '../auth/actor.ts';
import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { isUniqueViolation } from '../pki/store.ts';
import { ensureBuiltInForms, findForm, formTitle, listForms, uniqueForms } from './formsStore.ts';
import {
  requireActiveMember,
  requireForms,
  requireService,
  requireSpecialty,
  requireSuitableMailbox,
  setServiceForms,
} from './servicesStore.ts';
import { proposeServiceEntry } from './servicesDirectory.ts';
import { runsService, serviceRows, serviceViews } from './servicesViews.ts';

/** The core check, its refusal turned into an API error naming the item (linkId) and JSON path. */
function checkedQuestionnaire(json: unknown): Questionnaire {
  try {
    return importQuestionnaire(json);
  } catch (err) {
    if (err instanceof QuestionnaireError) {
      fail(err.code, err.message, { linkId: err.linkId ?? null, path: err.path });
    }
    throw err;
  }
}

/**
 * Tele-expertise administration: forms (built-in and imported), services (a department's ORG mailbox,
 * deadline, accepted forms) and their experts. Nothing here touches patient data: forms are blank
 * questionnaires and services are routing.
 */
export class TeleexpertiseAdminService {
  /** Set once the built-in forms are known to be stored, so later calls skip the upsert. */
  private builtInsStored = false;

  constructor(private readonly deps: Deps) {}

  private now(): string {
    return iso(this.deps.clock.now());
  }

  /** Stores the built-in forms on first use (idempotent across nodes). */
  async ensureBuiltInForms(): Promise<void> {
    if (this.builtInsStored) return;
    await ensureBuiltInForms(this.deps.db, this.now());
    this.builtInsStored = true;
  }

  /** Every signed-in user: requesters need the questionnaire to fill it in. */
  async listForms(): Promise<TeleexpertiseForm[]> {
    await this.ensureBuiltInForms();
    return listForms(this.deps.db.read);
  }

  async getForm(ref: FormRef): Promise<TeleexpertiseForm> {
    await this.ensureBuiltInForms();
    const form = await findForm(this.deps.db.read, ref);
    if (!form) fail('TE_FORM_NOT_FOUND', undefined, { url: ref.url, version: ref.version });
    return form;
  }

  /** Platform or establishment admins; forms are instance-wide (any service may then accept them). */
  async importForm(actor: Actor, input: ImportFormRequest): Promise<TeleexpertiseForm> {
    requireRole(actor, 'platform_admin', 'establishment_admin');
    await this.ensureBuiltInForms();
    const questionnaire = checkedQuestionnaire(input.questionnaire);
    const now = this.now();
    const row = {
      url: questionnaire.url,
      version: questionnaire.version,
      title: formTitle(questionnaire),
      // As parsed by the subset's strict schema, which refuses unknown keys: the admin's JSON, checked.
      questionnaire: JSON.stringify(questionnaire),
      built_in: 0,
      imported_by: auditActor(actor),
      imported_at: now,
    };
    try {
      await this.deps.db.transaction(async (tx) => {
        await tx.db.insertInto('te_forms').values(row).execute();
        await this.deps.audit.append(tx, {
          actor: auditActor(actor),
          action: 'teleexpertise.form_imported',
          target: `${row.url}|${row.version}`,
          details: { url: row.url, version: row.version },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) fail('TE_FORM_EXISTS', undefined, { url: row.url, version: row.version });
      throw err;
    }
    return this.getForm(questionnaire);
  }

  /**
   * Active services for everyone (a requester picks one); inactive ones too for those who run them,
   * so they can switch them back on. Experts are listed only to the service's admins and experts.
   */
  async listServices(actor: Actor): Promise<TeleexpertiseService[]> {
    const rows = (await serviceRows(this.deps.db.read)).filter(
      (r) => r.active === 1 || runsService(actor, r.organisation_id),
    );
    return serviceViews(this.deps.db.read, actor, rows, this.deps.clock.now());
  }

  async getService(actor: Actor, serviceId: string): Promise<TeleexpertiseService> {
    const rows = await serviceRows(this.deps.db.read, { id: serviceId });
    const row = rows[0];
    if (!row || (row.active !== 1 && !runsService(actor, row.organisation_id))) fail('TE_SERVICE_NOT_FOUND');
    const [view] = await serviceViews(this.deps.db.read, actor, [row], this.deps.clock.now());
    return view!;
  }

  async createService(
    actor: Actor,
    input: z.output<typeof CreateServiceRequest>,
  ): Promise<TeleexpertiseService> {
    requireOrganisationAdmin(actor, input.organisationId);
    requireSpecialty(input.specialty);
    await this.ensureBuiltInForms();
    const forms = uniqueForms(input.forms);
    const id = crypto.randomUUID();
    try {
      await this.deps.db.transaction(async (tx) => {
        await requireOrganisation(tx, input.organisationId);
        await requireSuitableMailbox(tx, input.mailboxId, input.organisationId);
        await requireForms(tx, forms);
        await tx.db
          .insertInto('te_services')
          .values({
            id,
            organisation_id: input.organisationId,
            mailbox_id: input.mailboxId,
            name: input.name,
            specialty: input.specialty,
            sla_hours: input.slaHours,
            accept_timeout_hours: input.acceptTimeoutHours,
            active: 1,
            created_at: this.now(),
          })
          .execute();
        await setServiceForms(tx, id, forms);
        await proposeServiceEntry(this.deps, tx, actor, input);
        await this.deps.audit.append(tx, {
          actor: auditActor(actor),
          action: 'teleexpertise.service_created',
          target: id,
          details: {
            organisationId: input.organisationId,
            mailboxId: input.mailboxId,
            specialty: input.specialty,
            slaHours: input.slaHours,
            acceptTimeoutHours: input.acceptTimeoutHours,
            forms: forms.map((f) => `${f.url}|${f.version}`),
          },
        });
      });
    } catch (err) {
      // Two admins racing for the same mailbox: the unique index decides, the loser gets the same code.
      if (isUniqueViolation(err))
        fail('TE_SERVICE_MAILBOX_UNSUITABLE', undefined, { mailboxId: input.mailboxId });
      throw err;
    }
    return this.getService(actor, id);
  }

  async updateService(
    actor: Actor,
    serviceId: string,
    input: UpdateServiceRequest,
  ): Promise<TeleexpertiseService> {
    const forms = input.forms ? uniqueForms(input.forms) : undefined;
    await this.deps.db.transaction(async (tx) => {
      const service = await requireService(tx, serviceId);
      requireOrganisationAdmin(actor, service.organisationId);
      const set = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.slaHours !== undefined ? { sla_hours: input.slaHours } : {}),
        ...(input.acceptTimeoutHours !== undefined ? { accept_timeout_hours: input.acceptTimeoutHours } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      };
      if (Object.keys(set).length > 0) {
        await tx.db.updateTable('te_services').set(set).where('id', '=', serviceId).execute();
      }
      if (forms) {
        await requireForms(tx, forms);
        await setServiceForms(tx, serviceId, forms);
      }
      await this.deps.audit.append(tx, {
        actor: auditActor(actor),
        action: 'teleexpertise.service_updated',
        target: serviceId,
        details: {
          ...input,
          ...(forms ? { forms: forms.map((f) => `${f.url}|${f.version}`) } : {}),
        },
      });
    });
    return this.getService(actor, serviceId);
  }

  /**
   * Adds an owner or delegate of the service mailbox as an expert (adding one twice changes nothing).
   * The route then asks the request service to hand queued requests out.
   */
  async addExpert(actor: Actor, serviceId: string, userId: string): Promise<TeleexpertiseService> {
    await this.deps.db.transaction(async (tx) => {
      const service = await requireService(tx, serviceId);
      requireOrganisationAdmin(actor, service.organisationId);
      await requireActiveMember(tx, service.mailboxId, userId);
      const inserted = await tx.db
        .insertInto('te_experts')
        .values({ service_id: serviceId, user_id: userId, added_at: this.now(), last_assigned_at: null })
        .onConflict((oc) => oc.columns(['service_id', 'user_id']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
        await this.deps.audit.append(tx, {
          actor: auditActor(actor),
          action: 'teleexpertise.expert_added',
          target: serviceId,
          details: { userId },
        });
      }
    });
    return this.getService(actor, serviceId);
  }

  /**
   * Requests already assigned to the expert stay with them (they still hold the mailbox key); they
   * simply receive no new ones from this service.
   */
  async removeExpert(actor: Actor, serviceId: string, userId: string): Promise<TeleexpertiseService> {
    await this.deps.db.transaction(async (tx) => {
      const service = await requireService(tx, serviceId);
      requireOrganisationAdmin(actor, service.organisationId);
      const removed = await tx.db
        .deleteFrom('te_experts')
        .where('service_id', '=', serviceId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0)
        fail('NOT_FOUND', 'This person is not an expert of the service.');
      await this.deps.audit.append(tx, {
        actor: auditActor(actor),
        action: 'teleexpertise.expert_removed',
        target: serviceId,
        details: { userId },
      });
    });
    return this.getService(actor, serviceId);
  }
}
