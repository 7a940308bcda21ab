import type { AppContext } from '../context.ts';
import type { ZodApp } from '../http/types.ts';

/** Charter over HTTP: the version in force, acceptance, publication. (Being built.) */
export function charterRoutes(app: ZodApp, ctx: AppContext): void {
  void app;
  void ctx;
}
