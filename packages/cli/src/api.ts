/**
 * A small client for the Liaison HTTP API (docs/api.md): JSON in and out, bearer token, and the
 * server's `{error: {code, message, details}}` turned into an ApiError carrying the same code.
 */

/** What to do when sending waits for the charter in force (CHARTER_NOT_ACCEPTED). */
export const CHARTER_HINT = 'Read and accept the usage charter in force: liaison charter accept';

const SIGN_IN_CODES = ['NOT_AUTHENTICATED', 'SESSION_EXPIRED', 'SECOND_FACTOR_REQUIRED'];

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** What to do next, printed under the error line. */
  get hint(): string | undefined {
    if (SIGN_IN_CODES.includes(this.code)) return 'Sign in again: liaison login';
    if (this.code === 'CHARTER_NOT_ACCEPTED') return CHARTER_HINT;
    if (this.code === 'CHARTER_VERSION_STALE') {
      return 'A newer version was published meanwhile: read it and accept it with liaison charter accept';
    }
    return undefined;
  }
}

export interface ApiOptions {
  token?: string;
  /** Sent as X-Liaison-Device (login only: binds the new session to this enrolled device). */
  deviceToken?: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export class ApiClient {
  constructor(
    readonly server: string,
    private readonly options: ApiOptions = {},
  ) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body ?? {});
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  delete(path: string): Promise<void> {
    return this.request<void>('DELETE', path);
  }

  /** Raw bytes as the body (file uploads), with extra headers such as the file name. */
  async upload<T>(path: string, bytes: Uint8Array, headers: Record<string, string> = {}): Promise<T> {
    const all: Record<string, string> = { 'content-type': 'application/octet-stream', ...headers };
    if (this.options.token) all.authorization = `Bearer ${this.options.token}`;
    const res = await this.fetch(path, { method: 'POST', headers: all, body: bytes });
    if (!res.ok) throw await this.failure(res);
    return (await res.json()) as T;
  }

  /** A text resource: public (the CA chain, the CRL), or the caller's own (a CSV export) when signed in. */
  async text(path: string): Promise<string> {
    const headers: Record<string, string> = {};
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    const res = await this.fetch(path, { method: 'GET', headers });
    if (!res.ok) throw await this.failure(res);
    return res.text();
  }

  private async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    if (this.options.deviceToken) headers['x-liaison-device'] = this.options.deviceToken;
    const res = await this.fetch(path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw await this.failure(res);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  private async fetch(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(new URL(path, this.server), init);
    } catch {
      throw new ApiError('SERVER_UNREACHABLE', `cannot reach ${this.server}`, 0);
    }
  }

  private async failure(res: Response): Promise<ApiError> {
    let answer: { error?: { code?: string; message?: string; details?: unknown } } = {};
    try {
      answer = (await res.json()) as typeof answer;
    } catch {
      // Not JSON (a proxy's error page): the status says enough.
    }
    const code = answer.error?.code ?? `HTTP_${res.status}`;
    return new ApiError(
      code,
      answer.error?.message ?? `HTTP ${res.status}`,
      res.status,
      answer.error?.details,
    );
  }
}

/** `encodeURIComponent` for one path segment (mailbox addresses, serials). */
export const segment = (value: string): string => encodeURIComponent(value);
