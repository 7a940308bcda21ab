import {
  connect,
  DeliverPolicy,
  Events,
  type Consumer,
  type ConsumerMessages,
  type JetStreamClient,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import type { Logger } from 'pino';
import type { EventBus, EventHandler } from './bus.ts';
import { InProcessBus } from './inProcessBus.ts';
import { DEFAULT_MAX_AGE_MS, DEFAULT_PLACEMENT, ensureStream, type StreamPlacement } from './natsStream.ts';
import { assertTopic } from './topics.ts';

export interface NatsBusOptions {
  /** One NATS URL or several separated by commas (LIAISON_NATS_URL). */
  servers: string;
  /** Names the connection (`liaison-<nodeId>`) so an operator can tell the nodes apart in NATS. */
  nodeId: string;
  logger: Logger;
  placement?: StreamPlacement;
  maxAgeMs?: number;
  /** How long the first connection may take before start-up fails. */
  connectTimeoutMs?: number;
}

export interface NatsBusStats {
  published: number;
  publishFailures: number;
  received: number;
  /** Messages on our subjects that were not JSON or not a valid topic (another writer's?). */
  dropped: number;
}

/** A publish waits this long for JetStream's ack (through a reconnect) before it counts as lost. */
const PUBLISH_TIMEOUT_MS = 5_000;
const CONSUMER_INACTIVE_MS = 60_000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The event bus of a multi-node deployment (DESIGN §2). Every node publishes to one JetStream stream
 * and reads it back through its own ephemeral ordered consumer (new messages only), so an event from
 * any node, this one included, reaches each local subscriber once. Local fan-out is an InProcessBus:
 * the same wildcard matching, per-handler error isolation and draining `close` as a single process.
 */
export class NatsBus implements EventBus {
  readonly stats: NatsBusStats = { published: 0, publishFailures: 0, received: 0, dropped: 0 };
  private readonly local: InProcessBus;
  private readonly pending = new Set<Promise<void>>();
  private messages: ConsumerMessages | null = null;
  private closed = false;
  /** Tracked from status events: a consumer delete while cut off would only wait for its timeout. */
  private connected = true;
  private closing: Promise<void> | null = null;
  private readonly status: ReturnType<NatsConnection['status']>;
  private readonly statusLoop: Promise<void>;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly consumer: Consumer,
    private readonly placement: StreamPlacement,
    private readonly logger: Logger,
  ) {
    this.local = new InProcessBus({
      onError: (err, topic) => logger.error({ err, topic }, 'event handler failed'),
    });
    this.status = nc.status();
    this.statusLoop = this.watchConnection();
  }

  /** Connects, ensures the stream and starts consuming; rejects if NATS or JetStream is unavailable. */
  static async connect(options: NatsBusOptions): Promise<NatsBus> {
    const placement = options.placement ?? DEFAULT_PLACEMENT;
    const nc = await connect({
      servers: options.servers.split(',').map((s) => s.trim()),
      name: `liaison-${options.nodeId}`,
      // Once started, never give up: the client buffers and reconnects, events meanwhile are lost
      // (they are hints) and clients catch up from sequence numbers.
      maxReconnectAttempts: -1,
      timeout: options.connectTimeoutMs ?? 5_000,
    });
    try {
      const jsm = await nc.jetstreamManager();
      const { storageMismatch } = await ensureStream(jsm, placement, options.maxAgeMs ?? DEFAULT_MAX_AGE_MS);
      if (storageMismatch) {
        options.logger.warn(
          { stream: placement.stream },
          'event stream exists with another storage type; JetStream cannot change it in place',
        );
      }
      const js = nc.jetstream();
      const consumer = await js.consumers.get(placement.stream, {
        filterSubjects: `${placement.subjectPrefix}.>`,
        deliver_policy: DeliverPolicy.New,
        // A node that dies without closing leaves its consumer behind; the server drops it after
        // this long. A longer outage of a live node is fine: the client recreates it on reconnect.
        inactive_threshold: CONSUMER_INACTIVE_MS,
      });
      const bus = new NatsBus(nc, js, consumer, placement, options.logger);
      // Consuming has started (the server-side consumer exists) before `connect` resolves, so anything
      // published from now on, by any node, reaches this one.
      bus.messages = await consumer.consume({ callback: (m) => bus.receive(m) });
      options.logger.info({ stream: placement.stream }, 'event bus connected to NATS');
      return bus;
    } catch (err) {
      await nc.close().catch(() => undefined);
      throw err;
    }
  }

  publish(topic: string, payload: unknown): void {
    if (this.closed) throw new Error('event bus is closed');
    assertTopic(topic);
    const subject = `${this.placement.subjectPrefix}.${topic}`;
    // JSON.stringify(undefined) is undefined: an empty message stands for "no payload".
    const json = JSON.stringify(payload) as string | undefined;
    const data = json === undefined ? new Uint8Array(0) : encoder.encode(json);
    // Not awaited by the caller (often a commit hook): the ack comes later, a failure is only logged.
    const sent = this.js.publish(subject, data, { timeout: PUBLISH_TIMEOUT_MS }).then(
      () => void this.stats.published++,
      (err: unknown) => {
        this.stats.publishFailures++;
        this.logger.warn({ err, subject }, 'event publish failed');
      },
    );
    this.pending.add(sent);
    void sent.finally(() => this.pending.delete(sent));
  }

  subscribe(topic: string, handler: EventHandler): () => void {
    return this.local.subscribe(topic, handler);
  }

  /** Sends what was published, stops consuming, waits for local deliveries, then drains the connection. */
  close(): Promise<void> {
    this.closed = true;
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    await this.messages
      ?.close()
      .catch((err: unknown) => this.logger.warn({ err }, 'event consumer close failed'));
    // Ephemeral consumers expire on their own; deleting it now just spares the server the wait.
    if (this.connected) await this.consumer.delete().catch(() => false);
    await this.local.close();
    if (!this.nc.isClosed()) {
      await this.nc.drain().catch((err: unknown) => this.logger.warn({ err }, 'NATS drain failed'));
    }
    // The status iterator outlives a drained connection; typed as a bare AsyncIterable, but the
    // client's iterator has stop(), which ends the loop below.
    (this.status as Partial<{ stop(): void }>).stop?.();
    await this.statusLoop;
  }

  private receive(message: JsMsg): void {
    if (this.closed) return;
    const topic = message.subject.slice(this.placement.subjectPrefix.length + 1);
    let payload: unknown;
    try {
      payload = message.data.length === 0 ? undefined : JSON.parse(decoder.decode(message.data));
      this.local.publish(topic, payload);
      this.stats.received++;
    } catch (err) {
      this.stats.dropped++;
      this.logger.warn({ err, subject: message.subject }, 'undeliverable event dropped');
    }
  }

  /** Logs connection changes (never payloads) so an operator sees why live events paused. */
  private async watchConnection(): Promise<void> {
    for await (const status of this.status) {
      const server = typeof status.data === 'string' ? status.data : undefined;
      if (status.type === Events.Error) this.logger.error({ err: status.data }, 'NATS connection error');
      else if (status.type === Events.Disconnect || status.type === Events.Reconnect) {
        this.connected = status.type === Events.Reconnect;
        this.logger.warn({ server, status: status.type }, 'NATS connection changed');
      }
    }
  }
}
