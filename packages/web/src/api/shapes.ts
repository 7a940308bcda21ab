/**
 * Runtime checks for answers whose zod schemas still live in the server only (devices, key backup,
 * PKI: packages/server/src/pki/schemas.ts says they move to packages/core/src/api once clients use
 * them). Same promise as the shared schemas: a server that drifts from the contract gives a clear
 * BAD_RESPONSE, not `undefined` deep inside a page. Unknown extra fields are ignored, as zod does.
 */

/** Reads one value or throws a {@link ShapeError} naming where it went wrong. */
export type Check<T> = (value: unknown, path: string) => T;

export class ShapeError extends Error {
  override readonly name = 'ShapeError';
}

function fail(path: string, expected: string): never {
  throw new ShapeError(`${path || 'answer'}: expected ${expected}`);
}

export const string: Check<string> = (value, path) =>
  typeof value === 'string' ? value : fail(path, 'a string');

export const boolean: Check<boolean> = (value, path) =>
  typeof value === 'boolean' ? value : fail(path, 'a boolean');

export const integer: Check<number> = (value, path) =>
  typeof value === 'number' && Number.isInteger(value) ? value : fail(path, 'an integer');

export function oneOf<const T extends readonly string[]>(values: T): Check<T[number]> {
  return (value, path) =>
    typeof value === 'string' && values.includes(value) ? value : fail(path, values.join(' | '));
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === null ? null : check(value, path));
}

/** A field that may be absent (an absent key and `undefined` read the same). */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path) => (value === undefined ? undefined : check(value, path));
}

export function arrayOf<T>(check: Check<T>): Check<T[]> {
  return (value, path) =>
    Array.isArray(value)
      ? value.map((item, index) => check(item, `${path}[${index}]`))
      : fail(path, 'an array');
}

type Fields = Record<string, Check<unknown>>;
type Read<F extends Fields> = { [K in keyof F]: F[K] extends Check<infer T> ? T : never };

export function object<F extends Fields>(fields: F): Check<Read<F>> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object');
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(fields)) {
      const read = check(source[key], path ? `${path}.${key}` : key);
      if (read !== undefined) out[key] = read;
    }
    return out as Read<F>;
  };
}

/** The `safeParse` face the api client expects (see client.ts), over a check. */
export function schema<T>(check: Check<T>) {
  return {
    safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } } {
      try {
        return { success: true, data: check(value, '') };
      } catch (error) {
        if (error instanceof ShapeError) return { success: false, error: { message: error.message } };
        throw error;
      }
    },
  };
}
