import type { TestServer } from '../../packages/cli/test/support/liaison.ts';
import { bearerCall } from '../../packages/cli/test/support/sharedMailbox.ts';
import type { Stack } from './stack.ts';

/** An e2e stack seen through the CLI test helpers, and bare bearer-token calls to its API. */

/** The stack's server as the CLI test helpers see it; `dir` is a scratch directory of our own. */
export function asTestServer(stack: Stack, dir: string): TestServer {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(stack.server.env)) if (value !== undefined) env[name] = value;
  return { url: stack.server.baseUrl, env, dir, stop: () => undefined };
}

export function call(stack: Stack, token: string, method: string, path: string, body?: unknown) {
  return bearerCall(stack.server.baseUrl, token, method, path, body);
}

export function idOf(value: unknown, what: string): string {
  if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string') {
    return value.id;
  }
  throw new Error(`${what}: no id in ${JSON.stringify(value)}`);
}
