/** What the run prints: a line per configuration, or Markdown for docs/benchmarks.md. */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import type { ScenarioResult } from './scenario.ts';

const TARGET_P99_MS = 100;

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const pct = (x: number) => `${x.toFixed(0)} %`;

export function machineLine(extra: string[]): string {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? '?';
  return (
    `${availableParallelism()} CPUs (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ` +
    `load average ${loadavg()[0]!.toFixed(2)} at the end, Node ${process.version}, ${extra.join(', ')}`
  );
}

function label(r: ScenarioResult): string {
  return r.options.nodes === 1 ? '1 node' : `${r.options.nodes} nodes + NATS`;
}

function errorsText(r: ScenarioResult): string {
  const parts = Object.entries(r.figures.errors).map(([k, v]) => `${v} × ${k}`);
  if (r.figures.skipped > 0) parts.push(`${r.figures.skipped} not sent (generator backlog)`);
  return parts.length ? parts.join(', ') : 'none';
}

/** Server side CPU (node(s), PostgreSQL, NATS) per message sent: what sets the ceiling on 2 cores. */
function cpuPerMessage(r: ScenarioResult): number {
  const percent =
    r.cpu.servers.reduce((a, b) => a + b, 0) + r.cpu.postgres + (r.options.nodes > 1 ? r.cpu.nats : 0);
  return (percent * r.options.seconds * 10) / Math.max(1, r.figures.ok);
}

function verdict(r: ScenarioResult): string {
  const f = r.figures;
  const met = f.latency.p99 < TARGET_P99_MS && f.sentPerSecond >= r.options.rate * 0.98 && f.missing === 0;
  return met ? 'target met' : 'TARGET MISSED';
}

export function printText(results: ScenarioResult[], machine: string): void {
  for (const r of results) {
    const f = r.figures;
    console.log(
      `${label(r)}: ${f.sentPerSecond.toFixed(0)} msg/s sent (target ${r.options.rate}), ` +
        `${f.deliveriesPerSecond.toFixed(0)} deliveries/s, latency p50 ${ms(f.latency.p50)} ms, ` +
        `p90 ${ms(f.latency.p90)} ms, p99 ${ms(f.latency.p99)} ms, max ${ms(f.latency.max)} ms; ` +
        `POST p50 ${ms(f.answer.p50)} ms, p99 ${ms(f.answer.p99)} ms; errors: ${errorsText(r)}; ` +
        `missing ${f.missing} of ${f.expected}, duplicates ${f.duplicates}, dropped sockets ${f.droppedSockets}; ` +
        `CPU servers ${r.cpu.servers.map(pct).join(' + ')}, PostgreSQL ${pct(r.cpu.postgres)}, ` +
        `NATS ${pct(r.cpu.nats)}, load generator ${pct(r.cpu.generator)}, other processes ${pct(r.cpu.other)} ` +
        `(load average ${r.load.start.toFixed(1)} → ${r.load.end.toFixed(1)}); ` +
        `server RSS ${r.serverRssMb.map((m) => `${m.toFixed(0)} MB`).join(' + ')}; ` +
        `server-side CPU ${cpuPerMessage(r).toFixed(1)} ms/message; seeded in ${r.seedSeconds.toFixed(1)} s — ${verdict(r)}`,
    );
  }
  console.log(`machine: ${machine}`);
}

export function printMarkdown(results: ScenarioResult[], machine: string): void {
  const o = results[0]!.options;
  console.log(`- machine: ${machine}`);
  console.log(
    `- ${o.clients} WebSocket clients in ${results[0]!.groups} groups of ${o.group}, ` +
      `target ${o.rate} messages/s, ${o.warmup} s warm-up then ${o.seconds} s measured; ` +
      `CPU in % of one core over the measured window (the machine has ${availableParallelism() * 100} %); “other processes” is CPU used by anything else running on the machine meanwhile\n`,
  );
  console.log(
    '| configuration | sent msg/s | deliveries/s | p50 ms | p90 ms | p99 ms | max ms | POST p50 / p99 ms | errors | missing deliveries | CPU: server(s) | PostgreSQL | NATS | load generator | other processes | server-side CPU ms/msg | server RSS | verdict |',
  );
  console.log(
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const r of results) {
    const f = r.figures;
    console.log(
      `| ${label(r)} | ${f.sentPerSecond.toFixed(0)} | ${f.deliveriesPerSecond.toFixed(0)} | ` +
        `${ms(f.latency.p50)} | ${ms(f.latency.p90)} | ${ms(f.latency.p99)} | ${ms(f.latency.max)} | ` +
        `${ms(f.answer.p50)} / ${ms(f.answer.p99)} | ${errorsText(r)} | ${f.missing} of ${f.expected} | ` +
        `${r.cpu.servers.map(pct).join(' + ')} | ${pct(r.cpu.postgres)} | ${r.options.nodes > 1 ? pct(r.cpu.nats) : '–'} | ` +
        `${pct(r.cpu.generator)} | ${pct(r.cpu.other)} | ${cpuPerMessage(r).toFixed(1)} | ${r.serverRssMb.map((m) => `${m.toFixed(0)} MB`).join(' + ')} | ${verdict(r)} |`,
    );
  }
}
