import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { EventBus } from './bus.ts';
import { InProcessBus } from './inProcessBus.ts';

/**
 * The event bus of one server process: NATS JetStream when LIAISON_NATS_URL is set (several nodes on
 * one PostgreSQL serve one network), else in memory. STUB: NATS comes with issue 8.
 */
export function createBus(config: Config, logger: Logger): Promise<EventBus> {
  void config;
  return Promise.resolve(
    new InProcessBus({ onError: (err) => logger.error({ err }, 'event handler failed') }),
  );
}
