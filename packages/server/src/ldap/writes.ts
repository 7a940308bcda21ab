/**
 * LDAP add / modify / delete, each turned into one directory proposal. Nothing written here is
 * published: a technician decides (DirectoryService.decide), and meanwhile the establishment reads its
 * entry back with liaisonStatus: pending.
 */
import { checkedFields, type ProposalOrigin } from '../directory/proposals.ts';
import { rowFields } from '../directory/entryRows.ts';
import type { DirectoryService } from '../directory/service.ts';
import type { Deps } from '../deps.ts';
import type { DirectoryTree, Rdn } from './dn.ts';
import { findOwnEntry, pendingProposals, type EntryRow } from './entryScan.ts';
import {
  applyModifications,
  editableValues,
  entryInput,
  writableKey,
  type EditableValues,
  type Modification,
} from './entryInput.ts';
import { LdapFailure, RESULT } from './errors.ts';
import { normaliseText } from './schema.ts';
import type { EstablishmentSession, LdapSession } from './session.ts';

export interface AddedAttribute {
  type: string;
  values: string[];
}

/** Checks a session is still the establishment it bound as (a re-issued password revokes it). */
export type SessionCheck = (session: EstablishmentSession) => Promise<boolean>;

const UID = /^[\p{L}\p{N}._@-]{1,128}$/u;

export class LdapWrites {
  constructor(
    private readonly deps: Pick<Deps, 'db'>,
    private readonly tree: DirectoryTree,
    private readonly directory: Pick<DirectoryService, 'proposeAudited'>,
    private readonly stillValid: SessionCheck,
  ) {}

  async add(session: LdapSession, dn: string, attributes: readonly AddedAttribute[]): Promise<void> {
    const { writer, rdn } = await this.target(session, dn, 'add');
    const values: EditableValues = new Map();
    let classes: string[] = [];
    for (const attribute of attributes) {
      const { key, use } = writableKey(attribute.type);
      if (key === 'objectclass') classes = attribute.values;
      else if (key === 'uid') {
        if (!attribute.values.some((v) => normaliseText(v) === normaliseText(rdn.value))) {
          throw new LdapFailure(RESULT.namingViolation, `uid must include the RDN value "${rdn.value}"`);
        }
      } else if (use === 'edit') values.set(key, [...(values.get(key) ?? []), ...attribute.values]);
    }
    if (!classes.some((c) => normaliseText(c) === 'inetorgperson')) {
      throw new LdapFailure(
        RESULT.objectClassViolation,
        'entries are inetOrgPerson: add objectClass: inetOrgPerson',
      );
    }
    const uid = rdn.value.toLowerCase();
    if (!UID.test(uid)) {
      throw new LdapFailure(
        RESULT.namingViolation,
        'uid values are 1-128 letters, digits, ".", "_", "-" or "@" (e.g. uid=jdupont)',
      );
    }
    await this.deps.db.transaction(async (tx) => {
      const existing = await findOwnEntry(tx.db, writer.organisationId, uid);
      if (existing !== undefined && existing.state !== 'rejected') {
        throw new LdapFailure(RESULT.entryAlreadyExists, `${dn} already exists (modify or delete it)`);
      }
      const input = entryInput(values, null);
      // A rejected proposal under the same name is proposed again rather than duplicated.
      await this.directory.proposeAudited(
        tx,
        this.origin(writer),
        existing === undefined
          ? { action: 'create', input, ldapRdn: `uid=${uid}` }
          : { action: 'update', entryId: existing.id, input },
      );
    });
  }

  async modify(session: LdapSession, dn: string, changes: readonly Modification[]): Promise<void> {
    const { writer, rdn } = await this.target(session, dn, 'modify');
    await this.deps.db.transaction(async (tx) => {
      const row = await this.existing(tx.db, writer, rdn, dn);
      const proposal = (await pendingProposals(tx.db, [row.id])).get(row.id);
      // Changes apply to what the establishment last proposed, as it reads the entry back.
      const current =
        proposal !== undefined && proposal.action !== 'remove' ? proposal.fields : rowFields(row);
      const input = entryInput(applyModifications(editableValues(current), changes), current);
      // Only ignored attributes touched (cn, o…): nothing to propose, and a pending proposal stays as is.
      if (JSON.stringify(checkedFields(input)) === JSON.stringify(current)) return;
      await this.directory.proposeAudited(tx, this.origin(writer), {
        action: 'update',
        entryId: row.id,
        input,
      });
    });
  }

  async delete(session: LdapSession, dn: string): Promise<void> {
    const { writer, rdn } = await this.target(session, dn, 'delete');
    await this.deps.db.transaction(async (tx) => {
      const row = await this.existing(tx.db, writer, rdn, dn);
      await this.directory.proposeAudited(tx, this.origin(writer), { action: 'remove', entryId: row.id });
    });
  }

  private origin(writer: EstablishmentSession): ProposalOrigin {
    return { organisationId: writer.organisationId, submittedBy: `ldap:${writer.finess}`, source: 'ldap' };
  }

  private async existing(
    db: Parameters<typeof findOwnEntry>[0],
    writer: EstablishmentSession,
    rdn: Rdn,
    dn: string,
  ): Promise<EntryRow> {
    const row = await findOwnEntry(db, writer.organisationId, rdn.value);
    if (row === undefined) throw new LdapFailure(RESULT.noSuchObject, `no such entry: ${dn}`);
    return row;
  }

  /** Who may write where: an establishment, under its own branch, on entry names only. */
  private async target(
    session: LdapSession,
    dn: string,
    operation: 'add' | 'modify' | 'delete',
  ): Promise<{ writer: EstablishmentSession; rdn: Rdn }> {
    if (session.kind !== 'establishment') {
      throw new LdapFailure(
        RESULT.insufficientAccessRights,
        `anonymous ${operation} refused: bind as your establishment (cn=admin,ou=<FINESS>,${this.tree.establishmentsDn})`,
      );
    }
    if (!(await this.stillValid(session))) {
      throw new LdapFailure(
        RESULT.insufficientAccessRights,
        'the LDAP password of this establishment was re-issued: bind again with the new one',
      );
    }
    const location = this.tree.locate(dn);
    const ownBranch = this.tree.establishmentDn(session.finess);
    const mine = 'finess' in location && location.finess === session.finess;
    if (!mine) {
      throw new LdapFailure(
        RESULT.insufficientAccessRights,
        `${session.finess} may write only under ${ownBranch}`,
      );
    }
    switch (location.kind) {
      case 'entry':
        return { writer: session, rdn: location.rdn };
      case 'invalid':
        throw new LdapFailure(RESULT.namingViolation, `${dn}: ${location.why}`);
      case 'establishment':
        if (operation === 'add') throw new LdapFailure(RESULT.entryAlreadyExists, `${dn} already exists`);
        throw new LdapFailure(
          operation === 'delete' ? RESULT.notAllowedOnNonLeaf : RESULT.unwillingToPerform,
          `${dn} is the establishment's branch, maintained by Liaison`,
        );
      case 'admin':
        throw new LdapFailure(
          RESULT.unwillingToPerform,
          `${dn} is the establishment's bind identity, not an entry`,
        );
    }
  }
}
