import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { EventBus } from './bus.ts';
import { InProcessBus } from './inProcessBus.ts';
import { NatsBus } from './natsBus.ts';

/**
 * The event bus of one server process: NATS JetStream when LIAISON_NATS_URL is set (several nodes on
 * one PostgreSQL serve one network), else in memory.
 */
export async function createBus(config: Config, logger: Logger): Promise<EventBus> {
  if (config.natsUrl === null) {
    return new InProcessBus({ onError: (err) => logger.error({ err }, 'event handler failed') });
  }
  try {
    return await NatsBus.connect({ servers: config.natsUrl, nodeId: config.nodeId, logger });
  } catch (err) {
    // The operator asked for a cluster: running alone would silently split the network, so refuse.
    throw new Error(
      `LIAISON_NATS_URL is set but NATS JetStream is unreachable at ${redactCredentials(config.natsUrl)}: ` +
        `${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
}

/** `nats://user:secret@host` → `nats://***@host`: the message ends up in logs. */
export function redactCredentials(urls: string): string {
  return urls.replace(/\/\/[^@/,]*@/g, '//***@');
}
