import type { AppContext } from '../context.ts';
import type { ZodApp } from '../http/types.ts';

/** Instant messaging over HTTP. STUB: issue 8 fills it in. */
export function chatRoutes(_app: ZodApp, _ctx: AppContext): void {}
