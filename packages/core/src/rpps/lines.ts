/**
 * Turns text chunks (as a file stream decoded with TextDecoder hands them over) into lines, without
 * ever holding more than one incomplete line. Chunk boundaries fall anywhere, including between the
 * `\r` and the `\n` of a CRLF, so line ends are only decided on `\n`.
 */
export class LineSplitter {
  private pending = '';

  /** Complete lines found so far, without their terminator (`\n` or `\r\n`). */
  push(chunk: string): string[] {
    const text = this.pending + chunk;
    const parts = text.split('\n');
    // The last part has no `\n` after it yet: keep it for the next chunk.
    this.pending = parts.pop() ?? '';
    return parts.map(stripCr);
  }

  /** The last line when the text does not end with a line break; nothing otherwise. */
  end(): string[] {
    const rest = this.pending;
    this.pending = '';
    return rest === '' ? [] : [stripCr(rest)];
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Lines of a chunked text; for the CLI: `splitLines(createReadStream(path, { encoding: 'utf8' }))`. */
export async function* splitLines(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  const splitter = new LineSplitter();
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}
