export type EventHandler = (payload: unknown) => void | Promise<void>;

/**
 * Cross-component notifications: new mail, chat fan-out, assignment changes (DESIGN §2). Events are
 * hints, not the record: delivery is asynchronous and at most once, and a consumer that missed one
 * catches up from the stream's sequence numbers. Publish only after the data is committed
 * (`publishAfterCommit`).
 *
 * The default is InProcessBus (one process). NATS JetStream comes later behind this same interface,
 * for multi-node deployments; so that nothing here depends on being in-process, payloads must be
 * JSON-serialisable plain data that handlers do not mutate, and topics are dotted NATS-style
 * subjects (`mail.delivered`), with `mail.*` matching anything under `mail.` (NATS `mail.>`).
 */
export interface EventBus {
  publish(topic: string, payload: unknown): void;
  /** `topic` is exact, or a prefix ending in `.*`, or `*` for everything. Returns the unsubscribe. */
  subscribe(topic: string, handler: EventHandler): () => void;
  /** Stops accepting events and waits for deliveries already under way. */
  close(): Promise<void>;
}
