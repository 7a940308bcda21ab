import { ApiErrorBody } from '@liaison/core/api/index';

/** What every failed call throws: the HTTP status plus the server's stable error code and message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Codes the client invents itself, for failures that never got a well-formed answer from the server. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  badResponse: 'BAD_RESPONSE',
} as const;

/** The part of a zod schema the client needs; keeps zod itself a dependency of core only. */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = {
    method: options.method ?? 'GET',
    // The session lives in an HttpOnly cookie on the same origin; never send it anywhere else.
    credentials: 'same-origin',
    headers,
    signal: options.signal ?? null,
  };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, CLIENT_ERROR_CODES.network, 'network error');
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // A proxy's HTML error page or an empty body: fall through to the generic error below.
  }
  const parsed = ApiErrorBody.safeParse(json);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details);
  }
  return new ApiError(response.status, `HTTP_${response.status}`, response.statusText || 'error');
}

/**
 * Calls the API and checks the answer against the shared zod schema, so a server that drifts from the
 * contract shows up as a clear error rather than as `undefined` deep inside a page.
 */
export async function api<T>(path: string, schema: Schema<T>, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError(response.status, CLIENT_ERROR_CODES.badResponse, 'response is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(response.status, CLIENT_ERROR_CODES.badResponse, parsed.error.message);
  }
  return parsed.data;
}

/** For calls answered with 204 No Content (logout, password change). */
export async function apiNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
