import { StatsQuery, StatsReport, TeleexpertiseFigures } from '@liaison/core/api/stats';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';
import { teleexpertiseFigures } from './teleexpertise.ts';

const tags = ['stats'];

/** Statistics over HTTP: the report as JSON, and the same as a CSV file. Every rule is in the service. */
export function statsRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/stats',
    { schema: { querystring: StatsQuery, response: { 200: StatsReport }, tags } },
    async (request) => ctx.stats.report(await requireActor(ctx, request), request.query),
  );

  app.get('/api/stats/export.csv', { schema: { querystring: StatsQuery, tags } }, async (request, reply) => {
    const csv = await ctx.stats.csv(await requireActor(ctx, request), request.query);
    const { from, to } = request.query;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="liaison-stats-${from}-${to}.csv"`)
      .send(csv);
  });

  // Tele-expertise delays (issue 9): same period and access rules as the report.
  app.get(
    '/api/stats/teleexpertise',
    { schema: { querystring: StatsQuery, response: { 200: TeleexpertiseFigures }, tags } },
    async (request) => teleexpertiseFigures(ctx, await requireActor(ctx, request), request.query),
  );
}
