/**
 * Seeded sampling helpers for the synthetic year. Everything draws from one mulberry32 stream (core's
 * synthetic/rng.ts), so the same flags give the same rows, ids included, on every run and backend.
 */
import type { Rng } from '../../packages/core/src/synthetic/rng.ts';

/** Weighted choice among n items in O(log n): a million messages draw several times each. */
export class WeightedPool {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(
    readonly items: readonly number[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new RangeError('empty or uneven pool');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(rng: Rng): number {
    const target = rng() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! <= target) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

const HEX = '0123456789abcdef';

export function randomHex(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += HEX[Math.floor(rng() * 16)];
  return out;
}

/** A version-4 UUID drawn from the seeded stream (the ids column is checked as a UUID by the API). */
export function seededUuid(rng: Rng): string {
  const h = randomHex(rng, 30);
  const variant = HEX[8 + Math.floor(rng() * 4)]!;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(12, 15)}-${variant}${h.slice(15, 18)}-${h.slice(18, 30)}`;
}

/** Log-normal activity factor: most people write a little, a few write a lot (median 1). */
export function activity(rng: Rng, sigma: number): number {
  const u = Math.max(rng(), 1e-12);
  const v = rng();
  return Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** Integer in [min, max]. */
export function between(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder), so the requested
 * number of messages, users or organisations comes out exactly.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i]!++;
  }
  return parts;
}
