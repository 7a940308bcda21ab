import type {
  StatsQuery,
  StatsScope,
  TeleexpertiseCounts,
  TeleexpertiseFigures,
} from '@liaison/core/api/stats';
import { FINAL_TASK_STATUSES, type TaskStatus } from '@liaison/core/teleexpertise/task';
import { requireOrganisationAdmin, requireRole, type Actor } from '../auth/actor.ts';
import type { Reader } from '../db/index.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { addDays, periodsOf } from './period.ts';
import { durations } from './teleexpertisePercentiles.ts';

/**
 * Tele-expertise figures (issue 9): how fast requests created in the period were first accepted and
 * answered, per service and per expert. Read from te_requests' routing times only (no envelope). The
 * rows of a period are few (one per request, not per message), so the percentiles are computed here
 * rather than in two dialects of SQL.
 */

interface RequestTimes {
  service_id: string;
  status: TaskStatus;
  assignee_user_id: string | null;
  created_at: string;
  first_accepted_at: string | null;
  answered_at: string | null;
}

/** The same access rule as the statistics report (stats/service.ts): platform, or one establishment. */
async function scopeFor(db: Reader, actor: Actor, establishment: string | undefined): Promise<StatsScope> {
  if (establishment === undefined) {
    requireRole(actor, 'platform_admin');
    return { kind: 'platform' };
  }
  requireOrganisationAdmin(actor, establishment);
  const organisation = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .where('id', '=', establishment)
    .executeTakeFirst();
  if (!organisation) fail('ORGANISATION_NOT_FOUND');
  return { kind: 'establishment', id: organisation.id, name: organisation.name, orgKind: organisation.kind };
}

const elapsed = (from: string, to: string | null): number | null =>
  to === null ? null : Date.parse(to) - Date.parse(from);

function counts(rows: readonly RequestTimes[]): TeleexpertiseCounts {
  const with_ = (status: TaskStatus) => rows.filter((r) => r.status === status).length;
  return {
    requests: rows.length,
    accepted: rows.filter((r) => r.first_accepted_at !== null).length,
    completed: with_('completed'),
    rejected: with_('rejected'),
    cancelled: with_('cancelled'),
    open: rows.filter((r) => !FINAL_TASK_STATUSES.includes(r.status)).length,
  };
}

function timings(rows: readonly RequestTimes[]) {
  const keep = (values: Array<number | null>) => values.filter((v): v is number => v !== null);
  return {
    toAcceptance: durations(keep(rows.map((r) => elapsed(r.created_at, r.first_accepted_at)))),
    // An answer time counts for completed requests only (answered_at is set by the answer itself).
    toAnswer: durations(
      keep(rows.filter((r) => r.status === 'completed').map((r) => elapsed(r.created_at, r.answered_at))),
    ),
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export async function teleexpertiseFigures(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  query: StatsQuery,
): Promise<TeleexpertiseFigures> {
  const db = deps.db.read;
  const scope = await scopeFor(db, actor, query.establishment);
  const { current } = periodsOf(query);
  let servicesQuery = db
    .selectFrom('te_services')
    .innerJoin('organisations', 'organisations.id', 'te_services.organisation_id')
    .select(['te_services.id', 'te_services.name', 'organisations.name as organisation_name']);
  if (scope.kind === 'establishment')
    servicesQuery = servicesQuery.where('te_services.organisation_id', '=', scope.id);
  const services = await servicesQuery.orderBy('organisations.name').orderBy('te_services.name').execute();
  const serviceIds = services.map((s) => s.id);

  // Days are UTC, as in every other statistic: [from 00:00Z, to + 1 day 00:00Z).
  const rows: RequestTimes[] =
    serviceIds.length === 0
      ? []
      : await db
          .selectFrom('te_requests')
          .select([
            'service_id',
            'status',
            'assignee_user_id',
            'created_at',
            'first_accepted_at',
            'answered_at',
          ])
          .where('service_id', 'in', serviceIds)
          .where('created_at', '>=', `${current.from}T00:00:00.000Z`)
          .where('created_at', '<', `${addDays(current.to, 1)}T00:00:00.000Z`)
          .execute();

  const byService = groupBy(rows, (r) => r.service_id);
  // Per expert: the assignee of requests that were accepted (a request back in the queue has none).
  const byExpert = groupBy(
    rows.filter((r) => r.first_accepted_at !== null),
    (r) => (r.assignee_user_id === null ? null : `${r.service_id}\u0000${r.assignee_user_id}`),
  );
  const expertIds = [...new Set([...byExpert.keys()].map((k) => k.split('\u0000')[1]!))];
  const people =
    expertIds.length === 0
      ? []
      : await db
          .selectFrom('users')
          .select(['id', 'first_name', 'last_name'])
          .where('id', 'in', expertIds)
          .execute();
  const names = new Map(people.map((p) => [p.id, `${p.first_name} ${p.last_name}`]));
  const serviceNames = new Map(services.map((s) => [s.id, s.name]));

  const experts = [...byExpert.entries()].map(([key, group]) => {
    const [serviceId, userId] = key.split('\u0000') as [string, string];
    return {
      userId,
      displayName: names.get(userId) ?? '',
      serviceId,
      serviceName: serviceNames.get(serviceId) ?? '',
      accepted: group.length,
      completed: group.filter((r) => r.status === 'completed').length,
      ...timings(group),
    };
  });
  experts.sort(
    (a, b) => a.serviceName.localeCompare(b.serviceName) || a.displayName.localeCompare(b.displayName),
  );

  return {
    scope,
    period: current,
    services: services.map((s) => {
      const group = byService.get(s.id) ?? [];
      return {
        id: s.id,
        name: s.name,
        organisationName: s.organisation_name,
        counts: counts(group),
        ...timings(group),
      };
    }),
    experts,
  };
}
