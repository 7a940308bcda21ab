import {
  DiscardPolicy,
  nanos,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from 'nats';

/** Where the bus lives in NATS; tests use their own so parallel runs never see each other's events. */
export interface StreamPlacement {
  /** JetStream stream name, e.g. `LIAISON_EVENTS`. */
  stream: string;
  /** First subject token: topic `mail.changed` travels as `<prefix>.mail.changed`. */
  subjectPrefix: string;
}

export const DEFAULT_PLACEMENT: StreamPlacement = { stream: 'LIAISON_EVENTS', subjectPrefix: 'liaison' };

/**
 * Events are hints (clients catch up from sequence numbers in PostgreSQL), so the stream only has to
 * bridge a consumer's brief hiccup (an ordered consumer being recreated, a reconnect), not keep history.
 */
export const DEFAULT_MAX_AGE_MS = 5 * 60_000;
/** A hard ceiling so a flood can never exhaust the NATS server's memory; the oldest go first. */
const MAX_BYTES = 256 * 1024 * 1024;

export function streamConfig(placement: StreamPlacement, maxAgeMs: number): Partial<StreamConfig> {
  return {
    name: placement.stream,
    subjects: [`${placement.subjectPrefix}.>`],
    // Memory: losing the buffered hints when NATS restarts costs nothing (the record is in
    // PostgreSQL), and every publish skips a disk write.
    storage: StorageType.Memory,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_age: nanos(maxAgeMs),
    max_bytes: MAX_BYTES,
    // The de-duplication window may not exceed max_age; we publish no message ids anyway.
    duplicate_window: nanos(Math.min(maxAgeMs, 60_000)),
    num_replicas: 1,
  };
}

/**
 * Creates the stream, or brings an existing one to our limits. Several nodes starting at once all call
 * this: adding an identical stream is idempotent on the server, and a stream left by an older
 * configuration is updated in place (its storage type cannot change; that is reported, not fatal).
 */
export async function ensureStream(
  jsm: JetStreamManager,
  placement: StreamPlacement,
  maxAgeMs: number,
): Promise<{ storageMismatch: boolean }> {
  const wanted = streamConfig(placement, maxAgeMs);
  try {
    await jsm.streams.add(wanted);
    return { storageMismatch: false };
  } catch (addError) {
    let existing;
    try {
      existing = await jsm.streams.info(placement.stream);
    } catch {
      throw addError; // not a "different configuration" refusal: JetStream is off, or no permission
    }
    const { subjects, max_age, max_bytes, discard, duplicate_window } = wanted;
    await jsm.streams.update(placement.stream, {
      ...existing.config,
      ...{ subjects, max_age, max_bytes, discard, duplicate_window },
    });
    return { storageMismatch: existing.config.storage !== wanted.storage };
  }
}
