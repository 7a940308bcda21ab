/**
 * A synthetic JPEG for tests and benchmarks: a structurally valid header built byte by byte (SOI, APP0 JFIF, optional APP1 EXIF and comment,
 * a quantisation table, the frame header with the size, a Huffman table, the scan header, a few data
 * bytes, EOI). Enough for the parsers under test; no pixels need to decode.
 */
function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function syntheticJpeg(o: {
  width: number;
  height: number;
  exif?: string;
  comment?: string;
}): Uint8Array {
  const bytes = [
    0xff,
    0xd8,
    ...segment(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...(o.exif === undefined ? [] : segment(0xe1, [...ascii('Exif'), 0, 0, ...ascii(o.exif)])),
    ...(o.comment === undefined ? [] : segment(0xfe, ascii(o.comment))),
    ...segment(0xdb, [0, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, o.height >> 8, o.height & 0xff, o.width >> 8, o.width & 0xff, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0, ...new Array<number>(16).fill(0)]),
    ...segment(0xda, [1, 1, 0, 0, 63, 0]),
    0x12,
    0x34,
    0xff,
    0x00,
    0x56,
    0xff,
    0xd9,
  ];
  return new Uint8Array(bytes);
}
