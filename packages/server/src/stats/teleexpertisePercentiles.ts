import type { TeleexpertiseDurations } from '@liaison/core/api/stats';

/**
 * Nearest-rank percentile: the value at rank ⌈p·n⌉ (1-based) of the sorted values. It is always an
 * observed duration, needs no interpolation, and gives the lower middle as the median of an even count.
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Count, median and 90th percentile of durations in milliseconds (any order). */
export function durations(values: readonly number[]): TeleexpertiseDurations {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, medianMs: nearestRank(sorted, 0.5), p90Ms: nearestRank(sorted, 0.9) };
}
