import type {
  DecideSubmissionRequest,
  DirectoryEntry,
  DirectoryEntryInput,
  DirectorySubmission,
  PublishedCertificate,
  SubmissionStatus,
} from '@liaison/core/api/directory';
import { auditActor, hasRole, requireOrganisationAdmin, requireRole, type Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import type { Tx } from '../db/index.ts';
import { fail } from '../errors.ts';
import { decide } from './decisions.ts';
import { propose, type EntryChange, type ProposalOrigin, type ProposalResult } from './proposals.ts';
import { searchDirectory, type DirectorySearchHit } from './search/index.ts';
import { entriesQuery, entryCertificates, loadEntries, loadEntry, toSubmissions } from './views.ts';
import type { EntryWithOrganisation } from './entryRows.ts';
import { toDirectoryEntry } from './entryRows.ts';
import { lookupRpps, type RppsLookup } from './referenceChecks.ts';

export interface EntryDetail extends DirectoryEntry {
  certificates: PublishedCertificate[];
}

export interface DirectorySearchRequest {
  text: string;
  specialty?: string;
  organisationId?: string;
  departement?: string;
  limit: number;
  offset: number;
}

export interface DirectorySearchResult {
  total: number;
  results: (DirectoryEntry & { match: DirectorySearchHit['match'] })[];
}

/**
 * The directory: establishments propose, technicians decide, everyone searches what is published.
 * Adapters (HTTP, file import, LDAP) all come through here; authorisation is checked here.
 */
export class DirectoryService {
  constructor(private readonly deps: Deps) {}

  /** One proposal from an establishment admin (web form, CLI). */
  async submit(actor: Actor, organisationId: string, change: EntryChange): Promise<ProposalResult> {
    requireOrganisationAdmin(actor, organisationId);
    const origin: ProposalOrigin = { organisationId, submittedBy: auditActor(actor), source: 'form' };
    const result = await this.deps.db.transaction((tx) => this.proposeAudited(tx, origin, change));
    if (result.submissionId === null && change.action === 'update') fail('NO_CHANGE');
    return result;
  }

  /** For adapters that authenticated the establishment themselves (LDAP push, file import). */
  async proposeAudited(tx: Tx, origin: ProposalOrigin, change: EntryChange): Promise<ProposalResult> {
    const result = await propose(tx, origin, change, this.deps.clock.now());
    await this.deps.audit.append(tx, {
      actor: origin.submittedBy,
      action: 'directory.submitted',
      target: result.entryId,
      details: {
        action: change.action,
        source: origin.source,
        submission: result.submissionId,
        organisation: origin.organisationId,
      },
    });
    return result;
  }

  async decide(
    actor: Actor,
    submissionId: string,
    request: DecideSubmissionRequest,
  ): Promise<DirectorySubmission> {
    requireRole(actor, 'technician', 'platform_admin');
    await this.deps.db.transaction(async (tx) => {
      const outcome = await decide(tx, submissionId, request, auditActor(actor), this.deps.clock.now());
      await this.deps.audit.append(tx, {
        actor: auditActor(actor),
        action: request.decision === 'approve' ? 'directory.approved' : 'directory.rejected',
        target: outcome.entryId,
        details: { submission: submissionId, action: outcome.action, organisation: outcome.organisationId },
      });
    });
    const row = await this.deps.db.read
      .selectFrom('directory_submissions')
      .selectAll()
      .where('id', '=', submissionId)
      .executeTakeFirstOrThrow();
    const [submission] = await toSubmissions(this.deps.db.read, [row]);
    return submission!;
  }

  /** Technicians: what waits for a decision, oldest first, each with what is published now. */
  async queue(
    actor: Actor,
    options: { status?: SubmissionStatus; organisationId?: string; limit: number; offset: number },
  ): Promise<{ total: number; submissions: DirectorySubmission[] }> {
    requireRole(actor, 'technician', 'platform_admin');
    const status = options.status ?? 'pending';
    let query = this.deps.db.read.selectFrom('directory_submissions').where('status', '=', status);
    if (options.organisationId !== undefined)
      query = query.where('organisation_id', '=', options.organisationId);
    const { total } = await query
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow();
    const rows = await query
      .selectAll()
      .orderBy('submitted_at', status === 'pending' ? 'asc' : 'desc')
      .orderBy('id')
      .limit(options.limit)
      .offset(options.offset)
      .execute();
    return { total: Number(total), submissions: await toSubmissions(this.deps.db.read, rows) };
  }

  /** An establishment's own submissions, newest first: where its admin sees each outcome. */
  async organisationSubmissions(
    actor: Actor,
    organisationId: string,
    limit = 200,
  ): Promise<DirectorySubmission[]> {
    if (!hasRole(actor, 'technician')) requireOrganisationAdmin(actor, organisationId);
    const rows = await this.deps.db.read
      .selectFrom('directory_submissions')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('status', '!=', 'withdrawn')
      .orderBy('submitted_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return toSubmissions(this.deps.db.read, rows);
  }

  /** Every entry of an establishment, whatever its state (its admin's working list). */
  async organisationEntries(actor: Actor, organisationId: string): Promise<DirectoryEntry[]> {
    if (!hasRole(actor, 'technician')) requireOrganisationAdmin(actor, organisationId);
    const rows = (await entriesQuery(this.deps.db.read)
      .where('e.organisation_id', '=', organisationId)
      .orderBy('e.display_name')
      .orderBy('e.id')
      .execute()) as EntryWithOrganisation[];
    return rows.map(toDirectoryEntry);
  }

  /**
   * One entry. Published ones are public (unlisted ones for signed-in users); the establishment's
   * admins and technicians see it in any state.
   */
  async entry(viewer: Actor | null, id: string): Promise<EntryDetail> {
    const entry = await loadEntry(this.deps.db.read, id);
    if (entry === undefined || !this.canSee(viewer, entry)) fail('ENTRY_NOT_FOUND');
    const certificates =
      entry.state === 'published'
        ? await entryCertificates(
            this.deps.db.read,
            entry.fields.mailboxes.map((m) => m.address),
            this.deps.clock.now(),
          )
        : [];
    return { ...entry, certificates };
  }

  async history(
    actor: Actor,
    id: string,
  ): Promise<
    {
      version: number;
      state: string;
      change: string;
      changedAt: string;
      changedBy: string | null;
      fields: unknown;
    }[]
  > {
    const entry = await loadEntry(this.deps.db.read, id);
    if (entry === undefined) fail('ENTRY_NOT_FOUND');
    if (!hasRole(actor, 'technician')) requireOrganisationAdmin(actor, entry.organisationId);
    const rows = await this.deps.db.read
      .selectFrom('directory_entry_history')
      .selectAll()
      .where('entry_id', '=', id)
      .orderBy('changed_at')
      .orderBy('version')
      .execute();
    return rows.map((r) => ({
      version: r.version,
      state: r.state,
      change: r.change,
      changedAt: r.changed_at,
      changedBy: r.changed_by,
      fields: JSON.parse(r.fields) as unknown,
    }));
  }

  async search(viewer: Actor | null, request: DirectorySearchRequest): Promise<DirectorySearchResult> {
    if (viewer === null && !this.deps.config.directoryPublic) fail('NOT_AUTHENTICATED');
    const { hits, total } = await searchDirectory(this.deps.db, {
      text: request.text,
      ...(request.specialty !== undefined && { specialty: request.specialty }),
      ...(request.organisationId !== undefined && { organisationId: request.organisationId }),
      ...(request.departement !== undefined && { departement: request.departement }),
      includeUnlisted: viewer !== null,
      limit: request.limit,
      offset: request.offset,
    });
    const entries = await loadEntries(
      this.deps.db.read,
      hits.map((h) => h.entryId),
    );
    const match = new Map(hits.map((h) => [h.entryId, h.match]));
    return { total, results: entries.map((e) => ({ ...e, match: match.get(e.id) ?? 'exact' })) };
  }

  /** Published entries flagged because their RPPS left the national reference (technicians). */
  async retirementFlags(actor: Actor): Promise<DirectoryEntry[]> {
    requireRole(actor, 'technician', 'platform_admin');
    const rows = (await entriesQuery(this.deps.db.read)
      .where('e.state', '=', 'published')
      .where('e.rpps_left_at', 'is not', null)
      .orderBy('e.rpps_left_at')
      .orderBy('e.id')
      .execute()) as EntryWithOrganisation[];
    return rows.map(toDirectoryEntry);
  }

  /** The national reference's record of an RPPS (public open data): pre-fills registrations and entries. */
  async rpps(rpps: string): Promise<RppsLookup> {
    const found = await lookupRpps(this.deps.db.read, rpps);
    if (found === null) fail('NOT_FOUND', 'This RPPS number is not in the national reference.');
    return found;
  }

  private canSee(viewer: Actor | null, entry: DirectoryEntry): boolean {
    if (entry.state === 'published') {
      if (viewer === null) return this.deps.config.directoryPublic && !entry.fields.unlisted;
      return true;
    }
    if (viewer === null) return false;
    if (hasRole(viewer, 'technician', 'platform_admin')) return true;
    return viewer.roles.some(
      (r) => r.role === 'establishment_admin' && r.organisationId === entry.organisationId,
    );
  }
}

export type { DirectoryEntryInput };
