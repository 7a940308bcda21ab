import type { AppContext } from '../context.ts';
import type { ZodApp } from '../http/types.ts';

/** Service status over HTTP (public page data, Atom feed, technicians' posting). STUB. */
export function statusRoutes(_app: ZodApp, _ctx: AppContext): void {}
