import type { StatsQuery, StatsReport, StatsScope } from '@liaison/core/api/stats';
import { requireOrganisationAdmin, requireRole, type Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { statsCsv } from './csv.ts';
import { establishmentFigures } from './establishmentReport.ts';
import { ehpadFigures, interceptionFigures } from './figures.ts';
import { periodsOf } from './period.ts';
import { platformFigures } from './platformReport.ts';

/**
 * Statistics from message metadata (issue 7), read from the rollups that submission and release keep
 * current (stats/record.ts) plus a few small raw tables (organisations, mail_holds). The queries of a
 * report run side by side: in parallel on PostgreSQL's pool, one after the other on SQLite's single
 * connection.
 */
export class StatsService {
  constructor(private readonly deps: Deps) {}

  async report(actor: Actor, query: StatsQuery): Promise<StatsReport> {
    const scope = await this.scopeFor(actor, query.establishment);
    const periods = periodsOf(query);
    const { db, config } = this.deps;
    const unitCostCents = config.stats.postageUnitCents;
    const organisationId = scope.kind === 'platform' ? null : scope.id;
    const [scoped, ehpad, interceptions] = await Promise.all([
      organisationId === null
        ? platformFigures(db.read, db.dialect, periods, unitCostCents)
        : establishmentFigures(db.read, db.dialect, periods, organisationId, unitCostCents),
      // EHPAD coverage is the platform's on every page: it is what the network as a whole reaches.
      ehpadFigures(db.read, periods, {
        count: config.stats.nationalEhpad,
        beds: config.stats.nationalEhpadBeds,
      }),
      interceptionFigures(db.read, periods, organisationId),
    ]);
    return {
      scope,
      period: periods.current,
      previousPeriod: periods.previous,
      activeUsers: scoped.activeUsers,
      usersByCategory: scoped.usersByCategory,
      messagesExchanged: scoped.messagesExchanged,
      establishments: scoped.establishments,
      topEstablishments: scoped.topEstablishments,
      postage: scoped.postage,
      ehpad,
      interceptions,
      series: scoped.series,
    };
  }

  /** The same report as a spreadsheet-ready CSV (see csv.ts). */
  async csv(actor: Actor, query: StatsQuery): Promise<string> {
    return statsCsv(await this.report(actor, query));
  }

  /**
   * Platform figures are for platform admins. An establishment's page is for platform admins and that
   * establishment's admins; to the latter an unknown id looks like any other establishment's
   * (OUTSIDE_ESTABLISHMENT), so nobody can probe which ids exist.
   */
  private async scopeFor(actor: Actor, establishment: string | undefined): Promise<StatsScope> {
    if (establishment === undefined) {
      requireRole(actor, 'platform_admin');
      return { kind: 'platform' };
    }
    requireOrganisationAdmin(actor, establishment);
    const organisation = await this.deps.db.read
      .selectFrom('organisations')
      .select(['id', 'name', 'kind'])
      .where('id', '=', establishment)
      .executeTakeFirst();
    if (!organisation) fail('ORGANISATION_NOT_FOUND');
    return {
      kind: 'establishment',
      id: organisation.id,
      name: organisation.name,
      orgKind: organisation.kind,
    };
  }
}
