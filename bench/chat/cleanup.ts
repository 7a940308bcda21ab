/**
 * What an interrupted run (Ctrl-C, SIGTERM) must still undo: server nodes and receiver processes
 * first, then the database they use (dropping it first would make the nodes crash loudly on their
 * terminated connections). Undone last-registered first, one after the other, then exit 130.
 */
const cleanups: Array<() => Promise<void> | void> = [];
let interrupted = false;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping the nodes and dropping the bench database…\n`);
    void (async () => {
      for (const cleanup of [...cleanups].reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
      process.exit(130);
    })();
  });
}

/** Registers `cleanup` for an interruption; returns the function that unregisters it. */
export function onInterrupt(cleanup: () => Promise<void> | void): () => void {
  cleanups.push(cleanup);
  return () => {
    const i = cleanups.indexOf(cleanup);
    if (i >= 0) cleanups.splice(i, 1);
  };
}
