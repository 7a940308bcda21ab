import { createInterface } from 'node:readline';

/**
 * Reads answers line by line from stdin. On a terminal the secret answers are not echoed; piped
 * input (scripts, tests) is read as it comes.
 */
export class Prompter {
  private readonly lines: string[] = [];
  private readonly waiting: Array<(line: string | null) => void> = [];
  private closed = false;

  constructor(private readonly input = process.stdin) {
    const rl = createInterface({ input, terminal: false });
    rl.on('line', (line) => {
      const next = this.waiting.shift();
      if (next) next(line);
      else this.lines.push(line);
    });
    rl.on('close', () => {
      this.closed = true;
      for (const w of this.waiting.splice(0)) w(null);
    });
  }

  async ask(question: string, secret = false): Promise<string> {
    process.stderr.write(question);
    const tty = this.input.isTTY && secret;
    if (tty) this.input.setRawMode?.(false);
    const line =
      this.lines.shift() ??
      (this.closed ? null : await new Promise<string | null>((r) => this.waiting.push(r)));
    if (secret) process.stderr.write('\n');
    if (line === null) throw new Error('no answer on standard input');
    return line.trim();
  }

  close(): void {
    this.input.pause();
    this.input.destroy();
  }
}
