/**
 * Milliseconds on CLOCK_MONOTONIC, which every process on the machine shares: a send time taken in
 * the sender and a receive time taken in a receiver process can be subtracted directly (wall-clock
 * Date.now() could step, and performance.now() counts from each process's own start).
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
