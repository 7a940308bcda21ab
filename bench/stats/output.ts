/**
 * What the run prints: one line per case and a final line, or the same figures as Markdown tables for
 * docs/benchmarks.md. A report slower than 1 s is marked, not failed: timing is not a test.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { LIMIT_MS, type Timing } from './cases.ts';
import type { RecordPathResult } from './recordPath.ts';
import type { BackendName } from './backends.ts';

export interface BackendResult {
  name: BackendName;
  version: string;
  rows: { messages: number; recipients: number; holds: number; users: number; mailboxes: number };
  organisations: number;
  generationSeconds: number;
  loadedBytes: number;
  totalBytes: number;
  rebuildSeconds: number;
  cases: Array<{ label: string; timing: Timing }>;
  record: RecordPathResult | { skipped: string };
}

const LABELS: Record<BackendName, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const n = (x: number) => x.toLocaleString('en');
const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const over = (t: Timing) => (t.maxMs > LIMIT_MS ? ' OVER 1 s' : '');
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

/** `loadAtStart`: the 1-minute load average before the run (the end one is read here). */
export function machineLine(versions: string[], loadAtStart: number): string {
  const cpu =
    /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? '?';
  return (
    `${availableParallelism()} CPUs (${cpu.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ` +
    `load average ${loadAtStart.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end, ` +
    `Node ${process.version}, ${versions.join(', ')}`
  );
}

/** All cases of a backend, the record path's reports included, in print order. */
function timings(r: BackendResult): Array<{ label: string; timing: Timing }> {
  if ('skipped' in r.record) return r.cases;
  const k = n(r.record.messages);
  return [
    ...r.cases,
    { label: `platform, year to today, before ${k} recorded`, timing: r.record.before },
    { label: `platform, year to today, after ${k} recorded`, timing: r.record.after },
  ];
}

function recordLine(r: BackendResult): string {
  if ('skipped' in r.record) return `record path skipped: ${r.record.skipped}`;
  const rec = r.record;
  const added = rec.after.messages - rec.before.messages;
  return (
    `record path: ${n(rec.messages)} messages, recordExchanged median ${ms(rec.recordMedianMs)} ms ` +
    `(max ${ms(rec.recordMaxMs)} ms), whole transaction median ${ms(rec.transactionMedianMs)} ms; ` +
    `rollups current: ${added === rec.messages ? 'yes' : `NO (${n(added)} more counted)`}`
  );
}

function setupLine(r: BackendResult): string {
  return (
    `generated ${n(r.rows.messages)} messages (${n(r.rows.recipients)} recipients, ${n(r.rows.holds)} held, ` +
    `${n(r.rows.users)} users, ${n(r.organisations)} organisations) in ${r.generationSeconds.toFixed(1)} s, ` +
    `${gb(r.loadedBytes)}; rollups rebuilt in ${r.rebuildSeconds.toFixed(1)} s (${gb(r.totalBytes)} with them)`
  );
}

function slowest(r: BackendResult): string {
  const worst = timings(r).reduce((a, b) => (b.timing.maxMs > a.timing.maxMs ? b : a));
  return `${LABELS[r.name]} slowest report max ${ms(worst.timing.maxMs)} ms (${worst.label})${over(worst.timing)}`;
}

export function printText(results: BackendResult[], machine: string): void {
  for (const r of results) {
    console.log(`${r.name}: ${setupLine(r)}`);
    for (const { label, timing: t } of timings(r)) {
      console.log(
        `${r.name}: ${label}: median ${ms(t.medianMs)} ms, max ${ms(t.maxMs)} ms ` +
          `(${n(t.messages)} messages, ${n(t.activeUsers)} active users)${over(t)}`,
      );
    }
    console.log(`${r.name}: ${recordLine(r)}`);
  }
  const anyOver = results.some((r) => timings(r).some((c) => c.timing.maxMs > LIMIT_MS));
  console.log(
    `stats dashboard: ${results.map(slowest).join(' | ')} | ${anyOver ? 'SOME REPORT OVER 1 s' : 'every report under 1 s'}`,
  );
  console.log(`machine: ${machine}`);
}

export function printMarkdown(results: BackendResult[], machine: string): void {
  console.log(`- machine: ${machine}\n`);
  console.log(
    '| backend | messages | recipients | held | generation | database | rollup rebuild | with rollups |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.version} | ${n(r.rows.messages)} | ${n(r.rows.recipients)} | ${n(r.rows.holds)} | ` +
        `${r.generationSeconds.toFixed(1)} s | ${gb(r.loadedBytes)} | ${r.rebuildSeconds.toFixed(1)} s | ${gb(r.totalBytes)} |`,
    );
  }
  const labels = [...new Set(results.flatMap((r) => timings(r).map((c) => c.label)))];
  const head = results.map((r) => `${LABELS[r.name]} median ms | ${LABELS[r.name]} max ms`).join(' | ');
  console.log(`\n| report | ${head} | messages counted |`);
  console.log(`| --- | ${results.map(() => '---: | ---:').join(' | ')} | ---: |`);
  for (const label of labels) {
    const counted = new Set<number>();
    const cells = results.map((r) => {
      const t = timings(r).find((c) => c.label === label)?.timing;
      if (!t) return '– | –';
      counted.add(t.messages);
      return `${ms(t.medianMs)} | ${ms(t.maxMs)}${over(t)}`;
    });
    // Both backends hold the same rows: two different counts would be a bug in one dialect's SQL.
    const count = [...counted].map(n).join(' ≠ ');
    console.log(`| ${label} | ${cells.join(' | ')} | ${count} |`);
  }
  console.log('');
  for (const r of results) console.log(`- ${LABELS[r.name]}: ${recordLine(r)}`);
}
