import type { AppContext } from '../context.ts';
import type { ZodApp } from '../http/types.ts';

/** Requests, availability and billing data over HTTP (/api/teleexpertise/requests…). */
export function teleexpertiseRequestRoutes(app: ZodApp, ctx: AppContext): void {
  void app;
  void ctx;
}
