/**
 * From raw sends and deliveries to the figures: only messages whose send started inside the measured
 * window (after the warm-up) count; each is expected on the socket of every member of its group, the
 * sender's own included (the hub pushes to all members, so the sender's other devices learn of it).
 * Latency is receive time minus the moment the POST was issued, per delivery.
 */
import type { Deliveries } from './protocol.ts';
import type { SendResults } from './sender.ts';

export interface Latency {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface Figures {
  attempted: number;
  ok: number;
  sentPerSecond: number;
  deliveries: number;
  deliveriesPerSecond: number;
  expected: number;
  missing: number;
  duplicates: number;
  /** Send → `chat` event on a member's socket. */
  latency: Latency;
  /** Send → HTTP 201 (the sender's own view). */
  answer: Latency;
  errors: Record<string, number>;
  skipped: number;
  droppedSockets: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summarise(values: number[]): Latency {
  const sorted = Float64Array.from(values).sort();
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
  };
}

export function figures(
  sends: SendResults,
  received: Deliveries[],
  window: { from: number; to: number },
  groupSize: number,
): Figures {
  const seconds = (window.to - window.from) / 1000;
  const inWindow = (t: number) => t >= window.from && t < window.to;
  // (group, seq) → index of the send; seq stays far below 2^24 in a run, so the key is exact.
  const key = (group: number, seq: number) => group * 16_777_216 + seq;
  const sendIndex = new Map<number, number>();
  const answer: number[] = [];
  for (let i = 0; i < sends.seq.length; i++) {
    if (!inWindow(sends.startedAt[i]!)) continue;
    sendIndex.set(key(sends.group[i]!, sends.seq[i]!), i);
    answer.push(sends.answeredAt[i]! - sends.startedAt[i]!);
  }
  const counts = new Uint16Array(sends.seq.length);
  const latencies: number[] = [];
  for (const r of received) {
    for (let j = 0; j < r.seq.length; j++) {
      const i = sendIndex.get(key(r.conversation[j]!, r.seq[j]!));
      if (i === undefined) continue;
      counts[i]!++;
      latencies.push(r.at[j]! - sends.startedAt[i]!);
    }
  }
  let missing = 0;
  let duplicates = 0;
  for (const i of sendIndex.values()) {
    missing += Math.max(0, groupSize - counts[i]!);
    duplicates += Math.max(0, counts[i]! - groupSize);
  }
  const errors: Record<string, number> = {};
  for (const f of sends.failures) if (inWindow(f.startedAt)) errors[f.key] = (errors[f.key] ?? 0) + 1;
  const failed = Object.values(errors).reduce((a, b) => a + b, 0);
  const skipped = sends.skipped.filter((s) => inWindow(s.startedAt)).length;
  return {
    attempted: sendIndex.size + failed + skipped,
    ok: sendIndex.size,
    sentPerSecond: sendIndex.size / seconds,
    deliveries: latencies.length,
    deliveriesPerSecond: latencies.length / seconds,
    expected: sendIndex.size * groupSize,
    missing,
    duplicates,
    latency: summarise(latencies),
    answer: summarise(answer),
    errors,
    skipped,
    droppedSockets: received.reduce((sum, r) => sum + r.dropped, 0),
  };
}
