import { createReadStream, statSync } from 'node:fs';
import { splitLines } from '@liaison/core/rpps/index';

/** The lines of an extraction file, read as a UTF-8 stream (never the whole file in memory). */
export function rppsFileLines(
  path: string,
  onBytes?: (bytesRead: number, totalBytes: number) => void,
): AsyncGenerator<string> {
  const total = statSync(path).size;
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  if (onBytes) stream.on('data', () => onBytes(stream.bytesRead, total));
  return splitLines(stream as AsyncIterable<string>);
}
