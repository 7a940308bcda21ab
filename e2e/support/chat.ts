import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectHeading } from './steps.ts';

/** Opens instant messaging from the navigation and waits for the list (or its empty state). */
export async function openChat(page: Page): Promise<void> {
  await page
    .getByRole('link', { name: /^Messagerie instantanée/ })
    .first()
    .click();
  await expectHeading(page, 'Messagerie instantanée');
  await page.locator('[data-testid="chat-list"], [data-testid="chat-list-empty"]').first().waitFor();
}

/**
 * A big photo as a phone takes it: a real JPEG drawn by the browser's own encoder (so the page can
 * decode it), `width`×`height`, into which an APP1 EXIF segment carrying `marker` (think GPS
 * coordinates) is spliced right after SOI, where cameras put it. Returns the file's path.
 */
export async function writeCameraJpeg(
  page: Page,
  o: { width: number; height: number; marker: string; name: string },
): Promise<string> {
  const base64 = await page.evaluate(async ({ width, height }) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d')!;
    const gradient = context.createLinearGradient(0, 0, width, height);
    gradient.addColorStop(0, '#f4d6c6');
    gradient.addColorStop(1, '#b45f4a');
    context.fillStyle = gradient;
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#7a1f14';
    context.beginPath();
    context.ellipse(width / 2, height / 2, width / 6, height / 8, 0.3, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = '#ffffff';
    context.font = `${Math.round(height / 12)}px sans-serif`;
    context.fillText('Photo test Liaison', width / 20, height / 8);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', 0.9),
    );
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, o);
  const jpeg = Buffer.from(base64, 'base64');
  // 'Exif\0\0', then a big-endian TIFF header with an empty IFD, then the marker where GPS tags would be.
  const tiff = Buffer.concat([
    Buffer.from('MM\0*', 'latin1'),
    Buffer.from([0, 0, 0, 8, 0, 0, 0, 0, 0, 0]),
    Buffer.from(o.marker, 'latin1'),
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = payload.length + 2;
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, length >> 8, length & 0xff]), payload]);
  const withExif = Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
  const dir = await mkdtemp(join(tmpdir(), 'liaison-e2e-chat-'));
  const path = join(dir, o.name);
  await writeFile(path, withExif);
  return path;
}

/** Every file under `dir` (the server's data directory: SQLite database, its WAL, blobs), read raw. */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (path: string): Promise<void> => {
    const info = await stat(path).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      for (const entry of await readdir(path)) await walk(join(path, entry));
      return;
    }
    const bytes = await readFile(path).catch(() => null);
    if (bytes?.includes(Buffer.from(needle, 'utf8'))) found.push(path);
  };
  await walk(dir);
  return found;
}
