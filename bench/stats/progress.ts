/**
 * Progress of a long load on stderr (stdout carries only the figures). On a terminal one line is
 * rewritten at each percent; into a log file, one line per tenth so the log stays readable.
 */
export function progressLine(label: string): { update(done: number, total: number): void; end(): void } {
  const tty = process.stderr.isTTY;
  const started = performance.now();
  let shown = -1;
  return {
    update(done, total) {
      const percent = Math.floor((100 * done) / Math.max(1, total));
      const step = tty ? percent : percent - (percent % 10);
      if (step === shown) return;
      shown = step;
      const text = `${label}: ${percent}% (${done.toLocaleString('en')} / ${total.toLocaleString('en')}, ${((performance.now() - started) / 1000).toFixed(0)} s)`;
      process.stderr.write(tty ? `\r${text}` : `${text}\n`);
    },
    end() {
      if (tty && shown >= 0) process.stderr.write('\n');
    },
  };
}
