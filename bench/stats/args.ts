/** Command-line flags as the other benchmarks read them: `--name value`, with a default. */
const args = process.argv.slice(2);

export function numberFlag(name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} expects a number`);
  return value;
}

export function stringFlag(name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
}

export function booleanFlag(name: string): boolean {
  return args.includes(name);
}
