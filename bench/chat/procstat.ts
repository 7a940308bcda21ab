/**
 * CPU and memory of the processes under test, read from /proc (Linux): the server nodes by pid, and
 * PostgreSQL and NATS by process name, since they share the same two cores and their share of the
 * CPU is part of the answer to "where does the time go".
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second for utime/stime in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** Fields after the command name: state is [0], so utime (field 14) is [11] and stime [12]. */
function statFields(pid: number): { comm: string; rest: string[] } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const open = text.indexOf('(');
    const close = text.lastIndexOf(')');
    return { comm: text.slice(open + 1, close), rest: text.slice(close + 2).split(' ') };
  } catch {
    return null; // the process ended between listing and reading
  }
}

/** CPU seconds (user + system) a process has used so far; its threads are included. */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  return (Number(fields.rest[11]) + Number(fields.rest[12])) / TICKS;
}

/** CPU seconds of every process with this command name (PostgreSQL runs one per connection). */
export function cpuSecondsByName(comm: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields?.comm === comm) total += (Number(fields.rest[11]) + Number(fields.rest[12])) / TICKS;
  }
  return total;
}

/** Resident memory in bytes (VmRSS). */
export function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+([0-9]+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** A CPU meter over a window: call `stop()` for the seconds used since it was made. */
export function cpuMeter(read: () => number): { stop(): number } {
  const before = read();
  return { stop: () => read() - before };
}

/**
 * CPU seconds the whole machine spent busy (all cores, every process), from /proc/stat: what is left
 * after subtracting the processes under test is other work on the machine, which the run reports so
 * a noisy neighbour is visible in the figures instead of silently inflating the latency.
 */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / TICKS;
}
