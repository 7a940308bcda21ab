/**
 * Seeded pseudo-random numbers for synthetic data: tests and demos must produce the same people and
 * identifiers on every run, which Math.random cannot do. Not for anything secret.
 */

/** A source of numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: a 32-bit state generator, small and good enough to spread test data. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shared default stream: one fixed seed per process, so a run without an explicit rng is reproducible. */
export const defaultRng: Rng = mulberry32(0x11a150);

/** Integer in [min, max], both included. */
export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function randomDigits(rng: Rng, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(randomInt(rng, 0, 9));
  return out;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[randomInt(rng, 0, items.length - 1)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
