/**
 * LDAP search: which part of the tree a base and scope cover, what the reader may see there, the
 * filter, the attributes asked for, size limits and paging. Results are streamed batch by batch;
 * nothing here holds more than one batch of rows.
 */
import type { Deps } from '../deps.ts';
import {
  baseObject,
  entryObject,
  establishmentObject,
  entryUid,
  establishmentsObject,
  rootDseObject,
  type AttributeSet,
  type AttributeValue,
  type LdapObject,
} from './attributes.ts';
import { certificatesByAddress, entryCertificates } from './certificates.ts';
import type { DirectoryTree, Location } from './dn.ts';
import { pendingProposals, scanEntries, scanEstablishments, viewOf } from './entryScan.ts';
import { LdapFailure, RESULT, type ResultCode } from './errors.ts';
import { matches, mentions, sqlHints, type FilterNode, type SqlHint } from './filters.ts';
import { decodeCookie, encodeCookie, searchDigest, type PagingRequest, type ScanPosition } from './paging.ts';
import { attributeKey, attributeType } from './schema.ts';
import { ownOrganisation, type LdapSession } from './session.ts';

/** Entries one search may return without the paged results control (more: sizeLimitExceeded). */
export const MAX_UNPAGED = 1000;
/** Largest page served; a client asking for more gets pages of this size (RFC 2696 allows it). */
export const MAX_PAGE = 1000;
const BATCH = 500;

export interface SearchQuery {
  base: string;
  scope: 'base' | 'one' | 'sub';
  filter: FilterNode;
  /** As the client sent them: names, `*`, `+`, `1.1`. */
  attributes: readonly string[];
  typesOnly: boolean;
  /** The client's size limit, 0 for none. */
  sizeLimit: number;
  paging: PagingRequest | null;
}

export interface SearchSink {
  /** Sends one entry; resolves when the connection can take more (backpressure). */
  send(entry: { dn: string; attributes: { name: string; values: AttributeValue[] }[] }): Promise<void>;
  /** The client went away: stop scanning. */
  readonly closed: boolean;
}

export interface SearchOutcome {
  code: ResultCode;
  message: string;
  /** Paged searches: the cookie for the next page (empty when done). */
  cookie: Buffer | null;
}

/** What a base and scope cover: fixed objects, establishment branches, entries. */
interface Plan {
  fixed: LdapObject[];
  establishments: { finess?: string } | null;
  entries: { organisationId?: string; uid?: string } | null;
}

function selectAttributes(attrs: AttributeSet, requested: readonly string[], typesOnly: boolean) {
  const named = new Set(requested.filter((r) => !['*', '+', '1.1'].includes(r)).map(attributeKey));
  const allUser =
    requested.length === 0 || requested.includes('*') || requested.some((r) => r.startsWith('@'));
  const operational = requested.includes('+');
  const out: { name: string; values: AttributeValue[] }[] = [];
  for (const [key, attr] of attrs) {
    const op = attributeType(key)?.operational === true;
    if (named.has(key) || (op ? operational : allUser)) {
      out.push({ name: attr.name, values: typesOnly ? [] : attr.values });
    }
  }
  return out;
}

const noSuchObject = (base: string) => new LdapFailure(RESULT.noSuchObject, `no such object: ${base}`);

export class LdapSearch {
  constructor(
    private readonly deps: Pick<Deps, 'db' | 'clock' | 'config'>,
    private readonly tree: DirectoryTree,
  ) {}

  async search(session: LdapSession, query: SearchQuery, sink: SearchSink): Promise<SearchOutcome> {
    const location = this.tree.locate(query.base);
    if (session.kind === 'anonymous' && !this.deps.config.directoryPublic && location.kind !== 'root') {
      throw new LdapFailure(
        RESULT.insufficientAccessRights,
        'this directory is not public: bind as an establishment to read it',
      );
    }
    const plan = await this.plan(session, location, query);
    const digest = searchDigest([
      query.base.toLowerCase(),
      query.scope,
      JSON.stringify(query.filter),
      session.kind === 'anonymous' ? '' : session.organisationId,
    ]);
    const paging = query.paging;
    // RFC 2696 §3: a page size of zero abandons the paged search.
    if (paging !== null && paging.size === 0)
      return { code: RESULT.success, message: '', cookie: Buffer.alloc(0) };
    const start = paging === null ? null : decodeCookie(paging.cookie, digest);
    const pageSize = paging === null ? null : Math.min(paging.size, MAX_PAGE);
    const clientLimited = query.sizeLimit > 0 && (pageSize === null || query.sizeLimit < pageSize);
    const cap = clientLimited ? Math.min(query.sizeLimit, MAX_UNPAGED) : (pageSize ?? MAX_UNPAGED);

    let sent = 0;
    let last: ScanPosition | null = start;
    // The first batch of rows is sized to what the page still needs (plus one, to know there is more).
    const wanted = () => cap - sent + 1;
    for await (const { position, object } of this.candidates(session, plan, query, start, wanted)) {
      if (sink.closed) return { code: RESULT.success, message: '', cookie: null };
      if (!matches(query.filter, object.attributes)) continue;
      if (sent === cap) {
        if (pageSize !== null && !clientLimited && last !== null) {
          return { code: RESULT.success, message: '', cookie: encodeCookie(last, digest) };
        }
        const advice = clientLimited ? '' : ': use the paged results control (ldapsearch -E pr=500/noprompt)';
        return {
          code: RESULT.sizeLimitExceeded,
          message: `more than ${cap} entries match${advice}`,
          cookie: paging === null ? null : Buffer.alloc(0),
        };
      }
      await sink.send({
        dn: object.dn,
        attributes: selectAttributes(object.attributes, query.attributes, query.typesOnly),
      });
      sent += 1;
      last = position;
    }
    return { code: RESULT.success, message: '', cookie: paging === null ? null : Buffer.alloc(0) };
  }

  private async plan(session: LdapSession, location: Location, query: SearchQuery): Promise<Plan> {
    const { scope } = query;
    const none: Plan = { fixed: [], establishments: null, entries: null };
    switch (location.kind) {
      case 'root':
        // The root DSE answers base searches only (RFC 4512 §5.1); the tree starts at namingContexts.
        if (scope !== 'base') throw noSuchObject('(root DSE: search the base DN instead)');
        return { ...none, fixed: [rootDseObject(this.tree)] };
      case 'base':
        if (scope === 'base') return { ...none, fixed: [baseObject(this.tree)] };
        if (scope === 'one') return { ...none, fixed: [establishmentsObject(this.tree)] };
        return {
          fixed: [baseObject(this.tree), establishmentsObject(this.tree)],
          establishments: {},
          entries: {},
        };
      case 'establishments':
        if (scope === 'base') return { ...none, fixed: [establishmentsObject(this.tree)] };
        if (scope === 'one') return { ...none, establishments: {} };
        return { fixed: [establishmentsObject(this.tree)], establishments: {}, entries: {} };
      case 'establishment': {
        const [org] = await scanEstablishments(this.deps.db.read, {
          afterFiness: null,
          limit: 1,
          finess: location.finess,
        });
        if (org === undefined) throw noSuchObject(query.base);
        const own = establishmentObject(this.tree, org);
        if (scope === 'base') return { ...none, fixed: [own] };
        return {
          fixed: scope === 'sub' ? [own] : [],
          establishments: null,
          entries: { organisationId: org.id },
        };
      }
      case 'entry': {
        const [org] = await scanEstablishments(this.deps.db.read, {
          afterFiness: null,
          limit: 1,
          finess: location.finess,
        });
        if (org === undefined) throw noSuchObject(query.base);
        const entries = { organisationId: org.id, uid: location.rdn.value.toLowerCase() };
        // The base must exist for this reader, even for a one-level search (which finds nothing below).
        const found = await scanEntries(this.deps.db.read, {
          own: ownOrganisation(session),
          organisationId: org.id,
          afterId: null,
          limit: 10,
          hints: [{ column: 'uid', op: '=', value: entries.uid }],
        });
        if (!found.some((row) => entryUid(row.id, row.ldap_rdn).toLowerCase() === entries.uid)) {
          throw noSuchObject(query.base);
        }
        return { ...none, entries: scope === 'one' ? null : entries };
      }
      case 'admin':
      case 'invalid':
      case 'outside':
        throw noSuchObject(query.base);
    }
  }

  private async *candidates(
    session: LdapSession,
    plan: Plan,
    query: SearchQuery,
    start: ScanPosition | null,
    wanted: () => number,
  ): AsyncGenerator<{ position: ScanPosition; object: LdapObject }> {
    const from = start ?? { phase: 0, key: null };
    if (from.phase === 0) {
      const skip = from.key === null ? 0 : Number(from.key) + 1;
      for (let i = skip; i < plan.fixed.length; i++) {
        yield { position: { phase: 0, key: String(i) }, object: plan.fixed[i]! };
      }
    }
    if (plan.establishments !== null && from.phase <= 1) {
      let after = from.phase === 1 ? from.key : null;
      for (;;) {
        const batch = await scanEstablishments(this.deps.db.read, { afterFiness: after, limit: BATCH });
        for (const org of batch) {
          yield { position: { phase: 1, key: org.finess }, object: establishmentObject(this.tree, org) };
        }
        if (batch.length < BATCH) break;
        after = batch[batch.length - 1]!.finess;
      }
    }
    if (plan.entries !== null)
      yield* this.entryCandidates(session, plan.entries, query, from.phase === 2 ? from.key : null, wanted);
  }

  private async *entryCandidates(
    session: LdapSession,
    scope: NonNullable<Plan['entries']>,
    query: SearchQuery,
    startAfter: string | null,
    wanted: () => number,
  ): AsyncGenerator<{ position: ScanPosition; object: LdapObject }> {
    const own = ownOrganisation(session);
    const hints: SqlHint[] = sqlHints(query.filter);
    if (scope.uid !== undefined) hints.push({ column: 'uid', op: '=', value: scope.uid });
    const wantsCertificates =
      ['usercertificate', 'usersmimecertificate'].some((k) => mentions(query.filter, k)) ||
      query.attributes.length === 0 ||
      query.attributes.some((a) =>
        ['*', 'usercertificate', 'usersmimecertificate'].includes(attributeKey(a)),
      );
    let after = startAfter;
    let limit = Math.min(BATCH, Math.max(wanted(), 1));
    for (;;) {
      const rows = await scanEntries(this.deps.db.read, {
        own,
        afterId: after,
        limit,
        hints,
        ...(scope.organisationId !== undefined && { organisationId: scope.organisationId }),
      });
      const mine = rows.filter((r) => r.organisation_id === own).map((r) => r.id);
      const proposals = await pendingProposals(this.deps.db.read, mine);
      const views = rows
        .map((row) => viewOf(row, proposals.get(row.id), own))
        .filter((v) => scope.uid === undefined || v.uid.toLowerCase() === scope.uid);
      const published = views.filter((v) => v.status === 'published');
      const certs = wantsCertificates
        ? await certificatesByAddress(
            this.deps.db.read,
            published.flatMap((v) => v.fields.mailboxes.map((m) => m.address)),
            this.deps.clock.now(),
          )
        : new Map();
      for (const view of views) {
        if (view.status === 'published' && wantsCertificates) {
          view.certificates = entryCertificates(
            certs,
            view.fields.mailboxes.map((m) => m.address),
          );
        }
        yield { position: { phase: 2, key: view.id }, object: entryObject(this.tree, view) };
      }
      if (rows.length < limit) return;
      after = rows[rows.length - 1]!.id;
      limit = BATCH;
    }
  }
}
