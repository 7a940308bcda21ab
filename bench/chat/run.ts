/**
 * Instant-messaging benchmark (issue 8): WebSocket clients in groups, a fixed aggregate send rate,
 * and the send-to-receive latency, on one node (PostgreSQL) and on two nodes sharing PostgreSQL with
 * NATS between them — both in the same run, so the figures are comparable.
 *
 *   npx tsx bench/chat/run.ts [--clients 1000] [--group 10] [--rate 500] [--seconds 30] [--warmup 5]
 *                             [--nodes 1|2] [--receivers 2] [--markdown]
 *
 * PostgreSQL: LIAISON_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres), where a
 * database liaison_bench_chat_<random> is created and dropped. NATS: LIAISON_BENCH_NATS_URL (default
 * nats://127.0.0.1:4222), with JetStream. Either unreachable fails the run (exit code 1).
 *
 * Everything — the node(s), PostgreSQL, NATS, the sender and the receiver processes — shares one
 * machine: the load generator's CPU is reported beside the server's.
 */
import { booleanFlag, numberFlag } from '../stats/args.ts';
import { requireNats } from './database.ts';
import { machineLine, printMarkdown, printText } from './output.ts';
import { runScenario, type ScenarioResult } from './scenario.ts';

const pgUrl = process.env.LIAISON_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const natsUrl = process.env.LIAISON_BENCH_NATS_URL ?? 'nats://127.0.0.1:4222';
const clients = numberFlag('--clients', 1000);
const group = numberFlag('--group', 10);
const rate = numberFlag('--rate', 500);
const onlyNodes = numberFlag('--nodes', 0);
/** The per-user limit is 20 messages per 10 s; the sender spreads the rate evenly over all users. */
const PER_USER_PER_SECOND = 2;

async function main(): Promise<void> {
  if (group < 2 || clients < group) throw new Error('--group must be at least 2 and at most --clients');
  const users = Math.floor(clients / group) * group;
  if (rate / users > PER_USER_PER_SECOND * 0.8) {
    throw new Error(
      `--rate ${rate} over ${users} users is ${(rate / users).toFixed(2)}/s each: too close to the ` +
        `per-user limit of 20 per 10 s (fixed windows); add clients or lower the rate`,
    );
  }
  const configurations = onlyNodes === 0 ? [1, 2] : [onlyNodes];
  const extra: string[] = [];
  if (configurations.some((n) => n > 1)) extra.push(await requireNats(natsUrl));
  const results: ScenarioResult[] = [];
  for (const nodes of configurations) {
    results.push(
      await runScenario({
        pgUrl,
        natsUrl,
        nodes,
        clients: users,
        group,
        rate,
        seconds: numberFlag('--seconds', 30),
        warmup: numberFlag('--warmup', 5),
        receiverProcesses: numberFlag('--receivers', 2),
        envelopesPerGroup: 3,
      }),
    );
  }
  const machine = machineLine([results[0]!.database, ...extra]);
  if (booleanFlag('--markdown')) printMarkdown(results, machine);
  else printText(results, machine);
}

try {
  await main();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
}
