export { Scheduler } from './scheduler.ts';
export type { JobContext, JobHandler, SchedulerOptions } from './types.ts';
