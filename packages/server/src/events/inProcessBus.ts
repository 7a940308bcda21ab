import type { EventBus, EventHandler } from './bus.ts';
import { assertTopic, parsePattern, prefixesOf } from './topics.ts';

interface Subscription {
  handler: EventHandler;
  active: boolean;
}

export interface InProcessBusOptions {
  /** Told about every handler that throws or rejects; the other handlers still get the event. */
  onError?: (error: unknown, topic: string) => void;
}

/**
 * The single-process bus. Handlers run on a later microtask, never inside `publish`, so a publisher
 * (often an onCommit hook) is never slowed or broken by a subscriber, and code cannot come to rely on
 * synchronous delivery that the NATS bus will not give.
 */
export class InProcessBus implements EventBus {
  private readonly exact = new Map<string, Set<Subscription>>();
  private readonly prefixed = new Map<string, Set<Subscription>>();
  private readonly deliveries = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly options: InProcessBusOptions = {}) {}

  publish(topic: string, payload: unknown): void {
    if (this.closed) throw new Error('event bus is closed');
    assertTopic(topic);
    const targets = [...(this.exact.get(topic) ?? [])];
    for (const prefix of prefixesOf(topic)) targets.push(...(this.prefixed.get(prefix) ?? []));
    for (const subscription of targets) this.deliver(subscription, topic, payload);
  }

  subscribe(topic: string, handler: EventHandler): () => void {
    const pattern = parsePattern(topic);
    const [index, key] = 'exact' in pattern ? [this.exact, pattern.exact] : [this.prefixed, pattern.prefix];
    const subscription: Subscription = { handler, active: true };
    const set = index.get(key) ?? new Set<Subscription>();
    set.add(subscription);
    index.set(key, set);
    return () => {
      // An event published before this call but not yet delivered is dropped too.
      subscription.active = false;
      set.delete(subscription);
      if (set.size === 0 && index.get(key) === set) index.delete(key);
    };
  }

  /** Resolves once every delivery under way (and any event they publish in turn) has finished. */
  async settled(): Promise<void> {
    while (this.deliveries.size > 0) await Promise.all([...this.deliveries]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.settled();
    this.exact.clear();
    this.prefixed.clear();
  }

  private deliver(subscription: Subscription, topic: string, payload: unknown): void {
    const delivery = (async () => {
      await Promise.resolve(); // leave the publisher's call stack first
      if (!subscription.active) return;
      try {
        await subscription.handler(payload);
      } catch (err) {
        this.report(err, topic);
      }
    })();
    this.deliveries.add(delivery);
    void delivery.finally(() => this.deliveries.delete(delivery));
  }

  private report(error: unknown, topic: string): void {
    try {
      this.options.onError?.(error, topic);
    } catch {
      // The error reporter failing must not become an unhandled rejection.
    }
  }
}
