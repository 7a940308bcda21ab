import type { AppContext } from '../context.ts';
import type { ZodApp } from '../http/types.ts';

/** Statistics over HTTP. STUB: the stats feature fills it in. */
export function statsRoutes(_app: ZodApp, _ctx: AppContext): void {}
