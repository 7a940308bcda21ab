export type { EventBus, EventHandler } from './bus.ts';
export { InProcessBus, type InProcessBusOptions } from './inProcessBus.ts';
export { publishAfterCommit } from './afterCommit.ts';
