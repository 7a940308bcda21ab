import type { AppContext } from '../context.ts';
import type { ZodApp } from '../http/types.ts';

/** Technicians' review of held messages and per-sender limits over HTTP. (Being built.) */
export function quarantineRoutes(app: ZodApp, ctx: AppContext): void {
  void app;
  void ctx;
}
