import type { AppContext } from '../context.ts';
import type { ZodApp } from '../http/types.ts';

/** Forms, services and experts over HTTP (/api/teleexpertise/forms, /api/teleexpertise/services…). */
export function teleexpertiseAdminRoutes(app: ZodApp, ctx: AppContext): void {
  void app;
  void ctx;
}
