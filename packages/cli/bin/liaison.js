#!/usr/bin/env node
// The CLI runs its TypeScript through tsx so `npm install` alone leaves it runnable (no build step).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Streaming imports of the national RPPS file hold one professional at a time, but V8 lets its heap
// grow lazily on a roomy machine (≈350 MB resident for a 1.9 M-person file). A fixed heap keeps the
// resident memory under 300 MB everywhere; an explicit --max-old-space-size still wins.
const BOUNDED_HEAP_MB = 192;
const bounded = process.argv.slice(2).includes('import-rpps');
const sized = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) =>
  a.includes('max-old-space-size'),
);
if (bounded && !sized) {
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${BOUNDED_HEAP_MB}`,
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  );
  process.exit(child.status ?? 1);
}

register();
await import('../src/main.ts');
