import type { AccountRow } from '@liaison/core/api/organisations';
import type { Organisation, OrganisationInput, OrganisationSummary } from '@liaison/core/api/organisations';
import { checkId } from '@liaison/core/ids/index';
import { isNoReplyAddress } from '@liaison/core/policy/noReply';
import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { auditActor, hasRole, requireOrganisationAdmin, requireRole, type Actor } from '../auth/actor.ts';
import type { ActivationService } from '../accounts/activation.ts';
import type { Tx } from '../db/index.ts';
import { toColumns, toOrganisation } from './mapping.ts';

export class OrganisationService {
  constructor(
    private readonly deps: Deps,
    private readonly activation: ActivationService,
  ) {}

  async create(actor: Actor, input: OrganisationInput): Promise<Organisation> {
    requireRole(actor, 'platform_admin');
    const cols = this.validated(input);
    const id = crypto.randomUUID();
    await this.deps.db.transaction(async (tx) => {
      await this.refuseTakenFiness(tx, cols.finess, null);
      const now = iso(this.deps.clock.now());
      await tx.db
        .insertInto('organisations')
        .values({
          id,
          kind: input.kind,
          name: input.name,
          group_name: null,
          finess: null,
          address_line1: null,
          address_line2: null,
          postal_code: null,
          city: null,
          file_number: null,
          beds: null,
          admin_referent: null,
          it_head: null,
          phone: null,
          mobile_phone: null,
          alert_mailbox: null,
          ...cols,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.deps.audit.append(tx, {
        actor: auditActor(actor),
        action: 'organisation.created',
        target: id,
      });
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<Organisation> {
    if (!hasRole(actor, 'technician')) requireOrganisationAdmin(actor, id);
    const row = await this.deps.db.read
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) fail('ORGANISATION_NOT_FOUND');
    return toOrganisation(row);
  }

  async update(actor: Actor, id: string, input: Partial<OrganisationInput>): Promise<Organisation> {
    requireOrganisationAdmin(actor, id);
    const cols = this.validated(input);
    await this.deps.db.transaction(async (tx) => {
      const exists = await tx.db
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!exists) fail('ORGANISATION_NOT_FOUND');
      await this.refuseTakenFiness(tx, cols.finess, id);
      await tx.db
        .updateTable('organisations')
        .set({ ...cols, updated_at: iso(this.deps.clock.now()) })
        .where('id', '=', id)
        .execute();
      await this.deps.audit.append(tx, {
        actor: auditActor(actor),
        action: 'organisation.updated',
        target: id,
        details: { fields: Object.keys(input) },
      });
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, onlyIncomplete: boolean): Promise<Organisation[]> {
    requireRole(actor, 'platform_admin', 'technician');
    const rows = await this.deps.db.read
      .selectFrom('organisations')
      .selectAll()
      .orderBy('name')
      .limit(5000)
      .execute();
    const orgs = rows.map(toOrganisation);
    return onlyIncomplete ? orgs.filter((o) => o.missing.length > 0) : orgs;
  }

  /** Public picker for the registration form: names and towns only. */
  async search(query: string): Promise<OrganisationSummary[]> {
    const q = `%${query
      .trim()
      .toLowerCase()
      .replace(/[%_\\]/g, '')}%`;
    const rows = await this.deps.db.read
      .selectFrom('organisations')
      .select(['id', 'name', 'kind', 'city', 'finess'])
      .where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['name']), 'like', q),
          eb(eb.fn('lower', ['city']), 'like', q),
          eb('finess', 'like', q),
        ]),
      )
      .orderBy('name')
      .limit(20)
      .execute();
    return rows.map((r) => ({ ...r, kind: r.kind as OrganisationSummary['kind'] }));
  }

  /** Every account and address created for the establishment (its admin's view and CSV export). */
  async accounts(actor: Actor, id: string): Promise<AccountRow[]> {
    requireOrganisationAdmin(actor, id);
    const db = this.deps.db.read;
    const org = await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
    if (!org) fail('ORGANISATION_NOT_FOUND');
    const users = await db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select([
        'users.id',
        'users.email',
        'users.first_name',
        'users.last_name',
        'users.status',
        'users.national_id',
        'users.created_at',
        'user_roles.role',
      ])
      .where('user_roles.organisation_id', '=', id)
      .orderBy('users.last_name')
      .orderBy('users.first_name')
      .execute();
    const userIds = users.map((u) => u.id);
    const boxes =
      userIds.length === 0
        ? []
        : await db
            .selectFrom('mailbox_members')
            .innerJoin('mailboxes', 'mailboxes.id', 'mailbox_members.mailbox_id')
            .select(['mailbox_members.user_id', 'mailboxes.address', 'mailboxes.kind'])
            .where('mailbox_members.user_id', 'in', userIds)
            .execute();
    const links = await this.activation.pendingLinks(userIds);
    await this.deps.db.transaction((tx) =>
      this.deps.audit.append(tx, {
        actor: auditActor(actor),
        action: 'organisation.accounts.read',
        target: id,
      }),
    );
    return users.map((u) => ({
      userId: u.id,
      email: u.email,
      firstName: u.first_name,
      lastName: u.last_name,
      role: u.role,
      status: u.status,
      nationalId: u.national_id,
      mailboxes: boxes.filter((b) => b.user_id === u.id).map((b) => ({ address: b.address, kind: b.kind })),
      createdAt: u.created_at,
      activationUrl: links.get(u.id) ?? null,
    }));
  }

  /** The establishment's shared mailboxes (ORG/APP/CAB) that belong to no listed account. */
  async sharedMailboxes(
    actor: Actor,
    id: string,
  ): Promise<Array<{ address: string; kind: string; createdAt: string }>> {
    requireOrganisationAdmin(actor, id);
    const rows = await this.deps.db.read
      .selectFrom('mailboxes')
      .select(['address', 'kind', 'created_at'])
      .where('organisation_id', '=', id)
      .where('kind', '!=', 'PER')
      .orderBy('address')
      .execute();
    return rows.map((r) => ({ address: r.address, kind: r.kind, createdAt: r.created_at }));
  }

  private validated(input: Partial<OrganisationInput>) {
    if (input.finess) {
      const check = checkId('finess', input.finess);
      if (!check.valid) {
        fail('INVALID_IDENTIFIER', `FINESS ${check.value}: ${check.reason ?? 'invalid'}`, {
          field: 'finess',
          reason: check.reason,
        });
      }
      input = { ...input, finess: check.value };
    }
    if (input.alertMailbox && isNoReplyAddress(input.alertMailbox)) {
      fail('NO_REPLY_FORBIDDEN', undefined, { field: 'alertMailbox', charterArticle: 4 });
    }
    return toColumns(input);
  }

  private async refuseTakenFiness(
    tx: Tx,
    finess: string | null | undefined,
    selfId: string | null,
  ): Promise<void> {
    if (!finess) return;
    const other = await tx.db
      .selectFrom('organisations')
      .select('id')
      .where('finess', '=', finess)
      .executeTakeFirst();
    if (other && other.id !== selfId) fail('FINESS_TAKEN');
  }
}
