/**
 * The LDAP directory service, free of any LDAP library: binds, searches, compares and writes over
 * plain values. server.ts is the only file that knows ldapjs; replacing it leaves this untouched.
 */
import type { RateLimiter } from '../auth/rateLimit.ts';
import type { Deps } from '../deps.ts';
import type { DirectoryService } from '../directory/service.ts';
import type { AttributeSet } from './attributes.ts';
import { LdapCredentialService } from './credentials.ts';
import { DirectoryTree } from './dn.ts';
import { LdapFailure, RESULT } from './errors.ts';
import { matches } from './filters.ts';
import { LdapSearch, type SearchOutcome, type SearchQuery, type SearchSink } from './search.ts';
import { attributeType } from './schema.ts';
import { ANONYMOUS, type LdapSession } from './session.ts';
import { LdapWrites, type AddedAttribute } from './writes.ts';
import type { Modification } from './entryInput.ts';

export class LdapService {
  readonly tree: DirectoryTree;
  readonly credentials: LdapCredentialService;
  private readonly reads: LdapSearch;
  private readonly writes: LdapWrites;

  constructor(deps: Deps, limiter: RateLimiter, directory: Pick<DirectoryService, 'proposeAudited'>) {
    this.tree = new DirectoryTree(deps.config.ldap.baseDn);
    this.credentials = new LdapCredentialService(deps, this.tree, limiter);
    this.reads = new LdapSearch(deps, this.tree);
    this.writes = new LdapWrites(deps, this.tree, directory, (s) => this.credentials.stillValid(s));
  }

  /** A simple bind with a name: only establishments' push accounts exist. */
  async bind(dn: string, password: string, clientAddress: string): Promise<LdapSession> {
    if (dn.trim() === '' && password === '') return ANONYMOUS;
    if (password === '') {
      // RFC 4513 §5.1.2: a name without a password is an "unauthenticated bind", a classic trap.
      throw new LdapFailure(
        RESULT.unwillingToPerform,
        'unauthenticated bind (a DN without password) refused',
      );
    }
    return this.credentials.verifyBind(dn, password, clientAddress);
  }

  async search(session: LdapSession, query: SearchQuery, sink: SearchSink): Promise<SearchOutcome> {
    return this.reads.search(await this.current(session), query, sink);
  }

  /** Compare (RFC 4511 §4.10): the same visibility as a base search, the same matching as filters. */
  async compare(session: LdapSession, dn: string, attribute: string, value: string): Promise<boolean> {
    if (attributeType(attribute) === undefined) {
      throw new LdapFailure(RESULT.undefinedAttributeType, `unknown attribute ${attribute}`);
    }
    let found: AttributeSet | null = null;
    await this.reads.search(
      await this.current(session),
      {
        base: dn,
        scope: 'base',
        filter: { kind: 'present', attribute: 'objectClass' },
        attributes: ['*', '+'],
        typesOnly: false,
        sizeLimit: 1,
        paging: null,
      },
      {
        closed: false,
        send: (entry) => {
          found = new Map(entry.attributes.map((a) => [a.name.split(';')[0]!.toLowerCase(), a]));
          return Promise.resolve();
        },
      },
    );
    if (found === null) throw new LdapFailure(RESULT.noSuchObject, `no such object: ${dn}`);
    return matches({ kind: 'equal', attribute, value }, found);
  }

  add(session: LdapSession, dn: string, attributes: readonly AddedAttribute[]): Promise<void> {
    return this.writes.add(session, dn, attributes);
  }

  modify(session: LdapSession, dn: string, changes: readonly Modification[]): Promise<void> {
    return this.writes.modify(session, dn, changes);
  }

  delete(session: LdapSession, dn: string): Promise<void> {
    return this.writes.delete(session, dn);
  }

  /** A connection bound with a password since re-issued reads no more than it may write. */
  private async current(session: LdapSession): Promise<LdapSession> {
    if (session.kind === 'establishment' && !(await this.credentials.stillValid(session))) {
      throw new LdapFailure(
        RESULT.insufficientAccessRights,
        'the LDAP password of this establishment was re-issued: bind again with the new one',
      );
    }
    return session;
  }

  /** "Who am I?" (RFC 4532): `dn:<bind DN>`, or empty for anonymous. */
  whoami(session: LdapSession): string {
    return session.kind === 'establishment' ? `dn:${session.bindDn}` : '';
  }
}
