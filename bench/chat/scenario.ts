/**
 * One configuration, end to end: a fresh database, the seed, the server node(s), the connected
 * clients, the timed sending, and the figures with CPU and memory over the measured window. The
 * database, the nodes and the receiver processes are removed whatever happens.
 */
import { buildConfig } from '../../packages/server/src/config/config.ts';
import { createDatabase } from './database.ts';
import { sealForGroup } from './envelopes.ts';
import { loadavg } from 'node:os';
import { cpuMeter, cpuSeconds, cpuSecondsByName, machineBusySeconds, rssBytes } from './procstat.ts';
import { startReceivers } from './receivers.ts';
import { runSender } from './sender.ts';
import { planCluster } from './servers.ts';
import { seed } from './seed.ts';
import { figures, type Figures } from './stats.ts';

export interface ScenarioOptions {
  pgUrl: string;
  natsUrl: string;
  nodes: number;
  clients: number;
  group: number;
  rate: number;
  seconds: number;
  warmup: number;
  receiverProcesses: number;
  envelopesPerGroup: number;
}

export interface ScenarioResult {
  options: ScenarioOptions;
  database: string;
  seedSeconds: number;
  groups: number;
  figures: Figures;
  /** CPU over the measured window, in % of one core (the machine has 200 %). */
  cpu: { servers: number[]; postgres: number; nats: number; generator: number; other: number };
  /** 1-minute load average when the measured window began and ended. */
  load: { start: number; end: number };
  serverRssMb: number[];
}

const log = (text: string) => process.stderr.write(`${text}\n`);

export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const label = options.nodes === 1 ? '1 node' : `${options.nodes} nodes + NATS`;
  const database = await createDatabase(options.pgUrl);
  try {
    const plan = await planCluster(database.url, options.nodes, options.nodes > 1 ? options.natsUrl : null);
    log(`[${label}] seeding ${options.clients} users and groups of ${options.group}…`);
    const seeded = await seed(buildConfig(plan.env), { users: options.clients, groupSize: options.group });
    log(`[${label}] seeded in ${seeded.seconds.toFixed(1)} s; sealing envelopes…`);
    const groups = await Promise.all(
      seeded.groups.map(async (g) => ({
        conversationId: g.conversationId,
        members: g.members,
        envelopes: await sealForGroup(
          g.members.map((m) => seeded.users[m]!.encryptionCertificatePem),
          options.envelopesPerGroup,
        ),
      })),
    );
    // Only members of a group connect: a client left over by an uneven split would receive nothing.
    const members = seeded.groups.flatMap((g) => g.members);
    const cluster = await plan.start();
    try {
      log(`[${label}] connecting ${members.length} WebSocket clients…`);
      const receivers = await startReceivers(
        members.map((m, i) => ({
          // With two nodes, half the clients on each: every group has members on both.
          url: `ws://127.0.0.1:${cluster.nodes[i % cluster.nodes.length]!.port}/api/ws`,
          token: seeded.users[m]!.token,
        })),
        seeded.groups.map((g) => g.conversationId),
        options.receiverProcesses,
      );
      try {
        log(
          `[${label}] sending ${options.rate}/s for ${options.warmup} s warm-up + ${options.seconds} s measured…`,
        );
        const meters: Array<{ stop(): number }> = [];
        let used: number[] = [];
        const meterReads = [
          ...cluster.nodes.map((n) => () => cpuSeconds(n.pid)),
          () => cpuSecondsByName('postgres'),
          () => cpuSecondsByName('nats-server'),
          () => {
            const own = process.cpuUsage();
            const receiving = receivers.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
            return (own.user + own.system) / 1e6 + receiving;
          },
          machineBusySeconds,
        ];
        const load = { start: NaN, end: NaN };
        // The meters run over the measured window only, whenever the sender's last answers arrive.
        const windowMeasured = new Promise<void>((resolve) => {
          setTimeout(() => {
            load.start = loadavg()[0]!;
            meters.push(...meterReads.map(cpuMeter));
          }, options.warmup * 1000);
          setTimeout(
            () => {
              used = meters.map((m) => m.stop());
              load.end = loadavg()[0]!;
              resolve();
            },
            (options.warmup + options.seconds) * 1000,
          );
        });
        const sends = await runSender({
          ports: cluster.nodes.map((n) => n.port),
          tokens: seeded.users.map((u) => u.token),
          groups,
          rate: options.rate,
          seconds: options.warmup + options.seconds,
          maxInFlight: 2000,
        });
        await windowMeasured;
        const serverRssMb = cluster.nodes.map((n) => rssBytes(n.pid) / 2 ** 20);
        // Events are published after commit; give the last ones time to reach every socket.
        await new Promise((r) => setTimeout(r, 2000));
        const received = await receivers.collect();
        const from = sends.startedAt0 + options.warmup * 1000;
        const result = figures(sends, received, { from, to: from + options.seconds * 1000 }, options.group);
        const percent = (s: number | undefined) => ((s ?? NaN) / options.seconds) * 100;
        const n = cluster.nodes.length;
        const ours = used.slice(0, n + 3).reduce((a, b) => a + b, 0);
        return {
          options,
          database: database.version,
          seedSeconds: seeded.seconds,
          groups: groups.length,
          figures: result,
          cpu: {
            servers: used.slice(0, n).map(percent),
            postgres: percent(used[n]),
            nats: percent(used[n + 1]),
            generator: percent(used[n + 2]),
            other: percent(Math.max(0, (used[n + 3] ?? NaN) - ours)),
          },
          load,
          serverRssMb,
        };
      } finally {
        receivers.kill();
      }
    } finally {
      await cluster.stop();
    }
  } finally {
    await database.drop();
  }
}
