/**
 * `liaison stats [--from DATE] [--to DATE] [--establishment ID] [--json | --csv] [--console]`: the
 * figures of the statistics dashboard. Over the network with the signed-in session by default (a
 * platform admin sees the platform, an establishment admin their establishment); with --console,
 * straight from the configured database as the platform, for an operator on the server itself.
 *
 * Exit codes: 0 printed, 1 refused (`CODE: message` on stderr: STATS_PERIOD_INVALID,
 * STATS_PERIOD_TOO_LONG, FORBIDDEN, OUTSIDE_ESTABLISHMENT, NOT_SIGNED_IN…).
 */
import type { Command } from 'commander';
import { StatsQuery, type StatsReport } from '@liaison/core/api/stats';
import { action } from '../failure.ts';
import { connect } from '../remote.ts';
import { formatReport } from '../stats/format.ts';

interface StatsOptions {
  from?: string;
  to?: string;
  establishment?: string;
  json?: boolean;
  csv?: boolean;
  console?: boolean;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The last 30 days ending today (UTC), as the dashboard opens. */
export function defaultPeriod(now = new Date()): { from: string; to: string } {
  const from = new Date(now.getTime() - 29 * 86_400_000);
  return { from: day(from), to: day(now) };
}

function query(opts: StatsOptions): StatsQuery {
  const fallback = defaultPeriod();
  return StatsQuery.parse({
    from: opts.from ?? fallback.from,
    to: opts.to ?? fallback.to,
    ...(opts.establishment ? { establishment: opts.establishment } : {}),
  });
}

async function fromConsole(q: StatsQuery, csv: boolean): Promise<StatsReport | string> {
  // Loaded only here: the console path pulls in the whole server.
  const [{ withContext }, { CONSOLE_ACTOR }] = await Promise.all([
    import('../context.ts'),
    import('@liaison/server/auth/actor'),
  ]);
  return withContext<StatsReport | string>((ctx) =>
    csv ? ctx.stats.csv(CONSOLE_ACTOR, q) : ctx.stats.report(CONSOLE_ACTOR, q),
  );
}

async function fromServer(q: StatsQuery, csv: boolean): Promise<StatsReport | string> {
  const { api } = connect();
  const params = new URLSearchParams({ from: q.from, to: q.to });
  if (q.establishment) params.set('establishment', q.establishment);
  return csv
    ? api.text(`/api/stats/export.csv?${params.toString()}`)
    : api.get<StatsReport>(`/api/stats?${params.toString()}`);
}

async function stats(opts: StatsOptions): Promise<void> {
  const q = query(opts);
  const csv = opts.csv === true;
  const result = await (opts.console ? fromConsole(q, csv) : fromServer(q, csv));
  if (typeof result === 'string') process.stdout.write(result);
  else process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + '\n' : formatReport(result));
}

export function registerStatsCommand(program: Command): void {
  program
    .command('stats')
    .description(
      'figures of the statistics dashboard for a period, compared with the period just before ' +
        '(active users, messages exchanged, establishment flows, top 10, postage saved, EHPAD coverage, ' +
        'bulk mail intercepted)',
    )
    .option('--from <date>', 'first day, YYYY-MM-DD (default: 29 days before --to)')
    .option('--to <date>', 'last day, YYYY-MM-DD (default: today, UTC)')
    .option('--establishment <id>', "one establishment's own figures (its admins, or a platform admin)")
    .option('--json', 'print the report as JSON')
    .option('--csv', 'print the CSV export (semicolon-separated, as the dashboard downloads it)')
    .option('--console', 'read the configured database directly, as the platform (operators on the server)')
    .action(action(stats));
}
