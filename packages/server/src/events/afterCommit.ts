import type { Tx } from '../db/index.ts';
import type { EventBus } from './bus.ts';
import { assertTopic } from './topics.ts';

/**
 * Publishes once `tx` commits and never if it rolls back, so nobody is told about data that does not
 * exist (DESIGN §2). Inside a joined transaction it waits for the outermost commit.
 */
export function publishAfterCommit(tx: Tx, bus: EventBus, topic: string, payload: unknown): void {
  assertTopic(topic); // a bad topic fails the transaction here, not silently inside the commit hook
  tx.onCommit(() => bus.publish(topic, payload));
}
