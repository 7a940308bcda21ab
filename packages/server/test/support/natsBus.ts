import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import pino, { type Logger } from 'pino';
import { NatsBus } from '../../src/events/natsBus.ts';
import type { StreamPlacement } from '../../src/events/natsStream.ts';

/**
 * The NATS servers suites run against: none unless LIAISON_TEST_NATS_URL is set (as PostgreSQL with
 * LIAISON_TEST_PG_URL). A set-but-unreachable server fails the suite, never skips it.
 */
export function natsTestUrls(): string[] {
  const url = process.env.LIAISON_TEST_NATS_URL;
  return url ? [url] : [];
}

/** A stream and subject prefix of this test alone, so parallel runs on one NATS never meet. */
export function uniquePlacement(): StreamPlacement {
  const id = randomBytes(6).toString('hex');
  return { stream: `LIAISON_TEST_${id}`, subjectPrefix: `liaison_test_${id}` };
}

/** A logger whose JSON lines a test can read (to check what is, and is not, logged). */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

export async function testNatsBus(
  url: string,
  placement: StreamPlacement,
  nodeId: string,
  logger: Logger = pino({ level: 'silent' }),
): Promise<NatsBus> {
  try {
    return await NatsBus.connect({ servers: url, nodeId, logger, placement, maxAgeMs: 60_000 });
  } catch (err) {
    throw new Error(`LIAISON_TEST_NATS_URL is set but NATS JetStream is unreachable at ${url}`, {
      cause: err,
    });
  }
}

/** Removes a test's stream; already gone is fine (a test may delete it on purpose). */
export async function deleteStream(url: string, placement: StreamPlacement): Promise<void> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(placement.stream).catch(() => false);
  } finally {
    await nc.close();
  }
}

/** Polls until `ready()` holds; events cross the network, so tests wait instead of sleeping blindly. */
export async function until(ready: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for events');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Gives stray duplicates time to arrive before a test asserts "exactly once". */
export function quiet(ms = 250): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
