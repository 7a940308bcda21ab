const TOPIC = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/** Topics are NATS-subject-shaped so the NATS bus can carry them unchanged. */
export function assertTopic(topic: string): void {
  if (!TOPIC.test(topic)) throw new Error(`invalid event topic "${topic}"`);
}

/**
 * Splits a subscription pattern into an exact topic or a prefix: `mail.*` → prefix `mail.`,
 * `*` → prefix `` (everything). A `*` anywhere but the last segment is refused, so nothing here
 * needs a pattern the NATS bus could not express.
 */
export function parsePattern(pattern: string): { exact: string } | { prefix: string } {
  if (pattern === '*') return { prefix: '' };
  if (pattern.endsWith('.*')) {
    const base = pattern.slice(0, -2);
    assertTopic(base);
    return { prefix: `${base}.` };
  }
  assertTopic(pattern);
  return { exact: pattern };
}

/** Every prefix a topic falls under: `a.b.c` → ``, `a.`, `a.b.`. */
export function prefixesOf(topic: string): string[] {
  const prefixes = [''];
  for (let i = topic.indexOf('.'); i !== -1; i = topic.indexOf('.', i + 1))
    prefixes.push(topic.slice(0, i + 1));
  return prefixes;
}
