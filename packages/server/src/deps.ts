import type { Logger } from 'pino';
import type { AuditLog } from './audit/index.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config/config.ts';
import type { Database } from './db/index.ts';
import type { EventBus } from './events/index.ts';

/** What every feature service is built from; one object, wired once in context.ts. */
export interface Deps {
  config: Config;
  /** The instance secret (never logged, never sent). */
  secret: string;
  db: Database;
  clock: Clock;
  audit: AuditLog;
  bus: EventBus;
  logger: Logger;
}
