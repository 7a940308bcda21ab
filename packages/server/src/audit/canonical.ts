/**
 * Canonical JSON in the spirit of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
 * whitespace, numbers and strings as JSON.stringify writes them. The audit hash is computed over this
 * text, so an outside verifier (`jq -S -c`, Python `sort_keys`) can recompute it. Plain
 * `JSON.stringify` with a sorting replacer is not enough: JS enumerates integer-like keys ("9", "10")
 * numerically whatever order they were inserted in.
 */
export function canonicalJson(value: unknown): string {
  return encode(value, new Set()) ?? 'null';
}

function encode(input: unknown, ancestors: Set<object>): string | undefined {
  const value = withToJson(input);
  if (value === null || typeof value !== 'object') {
    // Strings, finite numbers, booleans, null; undefined, functions and symbols give undefined (and are
    // then dropped from objects, like JSON); bigint throws, like JSON. (Node's typings say `string`.)
    return JSON.stringify(value);
  }
  if (ancestors.has(value)) throw new TypeError('canonicalJson: circular structure');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${value.map((item: unknown) => encode(item, ancestors) ?? 'null').join(',')}]`;
    }
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const encoded = encode(record[key], ancestors);
      if (encoded !== undefined) members.push(`${JSON.stringify(key)}:${encoded}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

function withToJson(value: unknown): unknown {
  if (
    value !== null &&
    typeof value === 'object' &&
    'toJSON' in value &&
    typeof value.toJSON === 'function'
  ) {
    return (value.toJSON as () => unknown)();
  }
  return value;
}
