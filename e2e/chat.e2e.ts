import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jpegMetadataMarkers, jpegSize } from '@liaison/core/chat/photo';
import { randomRpps } from '@liaison/core/synthetic/index';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, SCREENSHOTS } from './support/browser.ts';
import { filesContaining, openChat, writeCameraJpeg } from './support/chat.ts';
import {
  CRYPTO_TIMEOUT,
  registerApprovedProfessional,
  signInWithNewKeys,
  type Professional,
} from './support/mail.ts';
import { startStack, type Stack } from './support/stack.ts';
import { expectHeading, submitPassword } from './support/steps.ts';
import { totpCode } from './support/totp.ts';

let stack: Stack;

const nurse: Professional = {
  email: 'maelle.guegan@ssiad.liaison.test',
  password: 'infirmiere du service de soins',
  firstName: 'Maëlle',
  lastName: 'Guégan',
  rpps: randomRpps(),
  specialty: 'SM54',
};
const doctor: Professional = {
  email: 'paul.kerherve@cabinet.liaison.test',
  password: 'medecin traitant de Mme D',
  firstName: 'Paul',
  lastName: 'Kerhervé',
  rpps: randomRpps(),
  specialty: 'SM54',
};
const passphrase = 'lande granit cormoran embrun';
const groupName = 'Équipe soins — Mme D.';
const caption = 'Plaie talon gauche J3';
const answer = 'Vu, belle évolution. Je passe à 14 h, continuez les pansements.';
const privateNote = 'Pouvez-vous m’appeler après votre tournée ?';
/** Where a camera writes the position: it must not survive the trip, nor reach the server. */
const GPS_MARKER = 'GPS-LIAISON-MARKER 47.7482N 3.3702W';

const ROOT = new URL('..', import.meta.url).pathname;

function failure(error: unknown): Error {
  return new Error(`${String(error)}\n--- server output ---\n${stack.server.output().slice(-4000)}`, {
    cause: error,
  });
}

/** The (synced) message bubbles of the open thread. */
const messages = (page: Page) => page.getByTestId('chat-message');

beforeAll(async () => {
  // Mailboxes in a dotted domain, as on a real instance (the CSR builder refuses "x@localhost").
  stack = await startStack({ LIAISON_MAIL_DOMAIN: 'liaison.test' });
  await registerApprovedProfessional(stack, nurse);
  await registerApprovedProfessional(stack, doctor);
});

afterAll(async () => {
  await stack?.stop();
});

describe('instant messaging in the browser', () => {
  it('a nurse sends a care-team photo, stripped and reduced; the doctor sees it live and answers', async () => {
    let a: Awaited<ReturnType<typeof signInWithNewKeys>> | undefined;
    let b: Awaited<ReturnType<typeof signInWithNewKeys>> | undefined;
    let noKeys: { context: BrowserContext; page: Page } | undefined;
    try {
      // 1. Each makes their keys in their own browser.
      a = await signInWithNewKeys(stack, nurse, passphrase, '80-chat-nurse');
      b = await signInWithNewKeys(stack, doctor, passphrase, '81-chat-doctor');
      const n = a.page;
      const d = b.page;

      // 2. The doctor opens instant messaging and leaves it open (no reload from here on).
      await openChat(d);
      await d.getByTestId('chat-list-empty').waitFor();
      // Notifications are asked for on a click, never on load; granted here as a person would.
      await b.context.grantPermissions(['notifications']);
      const bell = d.getByTestId('chat-notifications');
      expect(await bell.getAttribute('data-state')).toBe('off');
      await bell.click();
      await expect.poll(() => bell.getAttribute('data-state')).toBe('on');

      // 3. The nurse creates the care team with the doctor.
      await openChat(n);
      await n.getByTestId('chat-new').click();
      await n.getByText('Équipe de soins', { exact: true }).click();
      await n.getByLabel(/^Nom du groupe/).fill(groupName);
      await n.getByRole('textbox', { name: 'Membres' }).fill('Kerherv');
      await n.getByRole('option', { name: /Paul Kerhervé/ }).click();
      await n.getByTestId('colleague-chip').filter({ hasText: 'Paul Kerhervé' }).waitFor();
      await screenshot(n, '82-chat-new-group');
      await n.getByTestId('chat-create').click();
      await n.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
      expect(await n.getByTestId('chat-thread-title').innerText()).toBe(groupName);

      // 4. The group appears in the doctor's list by itself; the doctor opens it.
      const row = d.getByTestId('chat-conversation').filter({ hasText: groupName });
      await row.waitFor({ timeout: 30_000 });
      await row.click();
      await d.getByTestId('chat-thread-title').filter({ hasText: groupName }).waitFor();
      await d.getByText('Aucun message pour l’instant').waitFor();

      // 5. The nurse sends a 3000×2000 photo carrying EXIF with a GPS marker, with a caption.
      const path = await writeCameraJpeg(n, {
        width: 3000,
        height: 2000,
        marker: GPS_MARKER,
        name: 'IMG_20261206_plaie.jpg',
      });
      expect((await readFile(path)).includes(Buffer.from(GPS_MARKER))).toBe(true);
      await n.getByTestId('chat-thread').locator('input[type="file"]').setInputFiles(path);
      await n.getByTestId('chat-photo-draft').waitFor();
      await n.getByLabel(/^Légende/).fill(caption);
      await n.getByTestId('chat-photo-send').click();
      const sentPhoto = messages(n).filter({ has: n.getByTestId('chat-photo-thumb') });
      await sentPhoto.waitFor({ timeout: CRYPTO_TIMEOUT });
      await screenshot(n, '83-chat-nurse-photo-sent');

      // 6. It appears in the doctor's open thread without a reload, thumbnail first, caption as alt text.
      const received = messages(d).filter({ has: d.getByTestId('chat-photo-thumb') });
      await received.waitFor({ timeout: 30_000 });
      expect(await received.getByTestId('chat-message-sender').innerText()).toBe('Maëlle Guégan');
      expect(await received.getByTestId('chat-photo-thumb').getAttribute('alt')).toBe(caption);
      const thumbWidth = await received
        .getByTestId('chat-photo-thumb')
        .evaluate((img) =>
          Math.max((img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight),
        );
      expect(thumbWidth).toBeLessThanOrEqual(320);

      // 7. Opened full size: within 1600 px, and its bytes carry no EXIF and no trace of the marker.
      await received.getByTestId('chat-photo-open').click();
      const full = d.getByTestId('chat-photo-full');
      await full.waitFor({ timeout: CRYPTO_TIMEOUT });
      await expect
        .poll(() => full.evaluate((img) => (img as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
      const size = await full.evaluate((img) => ({
        width: (img as HTMLImageElement).naturalWidth,
        height: (img as HTMLImageElement).naturalHeight,
      }));
      expect(Math.max(size.width, size.height)).toBe(1600);
      expect(size).toEqual({ width: 1600, height: 1067 });
      // The modal fades in: capture it once it is fully there.
      await d.waitForFunction(() => {
        const content = document.querySelector('.mantine-Modal-content');
        return content !== null && getComputedStyle(content).opacity === '1';
      });
      await screenshot(d, '84-chat-doctor-photo-full');
      const download = d.waitForEvent('download');
      await d.getByTestId('chat-photo-download').click();
      const savedPath = await (await download).path();
      const saved = new Uint8Array(await readFile(savedPath));
      expect(jpegSize(saved)).toEqual({ width: 1600, height: 1067 });
      expect(jpegMetadataMarkers(saved)).toEqual([]);
      expect(Buffer.from(saved).includes(Buffer.from('Exif'))).toBe(false);
      expect(Buffer.from(saved).includes(Buffer.from(GPS_MARKER))).toBe(false);
      await d.keyboard.press('Escape');
      await full.waitFor({ state: 'detached' });

      // 8. The doctor answers (Enter sends); the nurse sees the answer, and her photo marked read.
      await d.getByTestId('chat-composer').fill(answer);
      await d.getByTestId('chat-composer').press('Enter');
      await messages(d).filter({ hasText: answer }).waitFor({ timeout: CRYPTO_TIMEOUT });
      const reply = messages(n).filter({ hasText: answer });
      await reply.waitFor({ timeout: 30_000 });
      expect(await reply.getAttribute('data-own')).toBe('false');
      await expect
        .poll(() => sentPhoto.getByTestId('chat-tick').getAttribute('data-tick'), { timeout: 30_000 })
        .toBe('read');
      await screenshot(n, '85-chat-nurse-reads-answer');

      // The members and their roles: the nurse created the group, so she is its admin.
      await n.getByTestId('chat-members-open').click();
      const members = n.getByTestId('chat-members').locator('li');
      await expect.poll(() => members.count()).toBe(2);
      expect(await members.filter({ hasText: 'Maëlle Guégan' }).innerText()).toContain('Administrateur');
      expect(await members.filter({ hasText: 'Paul Kerhervé' }).innerText()).toContain('Membre');
      await n.getByRole('button', { name: 'Retirer Paul Kerhervé du groupe' }).waitFor();
      await screenshot(n, '85b-chat-members');

      // The nurse makes the doctor admin too; his badge changes, and she may now step down (not before).
      const doctorRow = members.filter({ hasText: 'Paul Kerhervé' });
      expect(await n.getByRole('button', { name: /^Retirer le rôle d’administrateur/ }).count()).toBe(0);
      await n.getByRole('button', { name: 'Nommer administrateur : Paul Kerhervé' }).click();
      await expect.poll(() => doctorRow.getAttribute('data-role'), { timeout: 30_000 }).toBe('admin');
      expect(await doctorRow.getByTestId('chat-member-role').innerText()).toBe('Administrateur');
      await n.getByRole('button', { name: 'Retirer le rôle d’administrateur à Maëlle Guégan' }).waitFor();

      // She re-shares the recent history: the doctor sees it live, as her quotation of both messages.
      await n.getByTestId('chat-history-share').click();
      await n.getByTestId('chat-history-shared').filter({ hasText: '2 messages partagés' }).waitFor();
      await n.keyboard.press('Escape');
      const history = messages(d).filter({ has: d.getByTestId('chat-history') });
      await history.waitFor({ timeout: 30_000 });
      expect(await history.getByTestId('chat-history-title').innerText()).toBe(
        'Messages précédents partagés par Maëlle Guégan',
      );
      const quoted = history.getByTestId('chat-history-entry');
      await expect.poll(() => quoted.count(), { timeout: CRYPTO_TIMEOUT }).toBe(2);
      expect(await quoted.nth(0).innerText()).toContain(`[photo] ${caption}`);
      expect(await quoted.nth(0).innerText()).toContain('Maëlle Guégan');
      expect(await quoted.nth(1).innerText()).toContain(answer);
      expect(await quoted.nth(1).innerText()).toContain('Paul Kerhervé');
      await history.scrollIntoViewIfNeeded();
      await screenshot(d, '89-chat-history-shared');

      // 9. The doctor's thread on a phone: the thread alone, with a way back to the list.
      await d.setViewportSize({ width: 390, height: 844 });
      await d.getByTestId('chat-back').waitFor();
      expect(await d.getByTestId('chat-list').isVisible()).toBe(false);
      await received
        .getByTestId('chat-photo-thumb')
        .evaluate((img) => (img as HTMLImageElement).decode().catch(() => undefined));
      await screenshot(d, '86-chat-doctor-phone');
      await mkdir(join(ROOT, 'docs/screenshots'), { recursive: true });
      await copyFile(
        join(SCREENSHOTS, '86-chat-doctor-phone.png'),
        join(ROOT, 'docs/screenshots/chat-phone.png'),
      );
      await d.getByTestId('chat-back').click();
      await d.getByTestId('chat-list').waitFor();

      // 10. Still on the phone, the doctor writes to the nurse alone: a direct conversation.
      await d.getByTestId('chat-new').click();
      await d.getByRole('textbox', { name: 'Collègue' }).fill('Guégan');
      await d.getByRole('option', { name: /Maëlle Guégan/ }).click();
      await d.getByTestId('colleague-chip').filter({ hasText: 'Maëlle Guégan' }).waitFor();
      await d.getByTestId('chat-create').click();
      await d.getByTestId('chat-thread-title').filter({ hasText: 'Maëlle Guégan' }).waitFor();
      await d.getByTestId('chat-composer').fill(privateNote);
      await d.getByTestId('chat-send').click();
      await messages(d).filter({ hasText: privateNote }).waitFor({ timeout: CRYPTO_TIMEOUT });
      // The nurse's list shows it, unread, newest first, and the navigation counts it.
      const direct = n.getByTestId('chat-conversation').first();
      await expect.poll(() => direct.innerText(), { timeout: 30_000 }).toContain('Paul Kerhervé');
      expect(await direct.getAttribute('data-unread')).toBe('true');
      await n.getByTestId('chat-nav-unread').waitFor();
      // Her device synced it in the background without her opening it: delivered, not yet read.
      const note = messages(d).filter({ hasText: privateNote });
      await expect
        .poll(() => note.getByTestId('chat-tick').getAttribute('data-tick'), { timeout: 30_000 })
        .toBe('delivered');
      await screenshot(n, '87-chat-nurse-direct-unread');

      // 10b. From the directory's "Instant message" button (/chat?with=<her address>) the doctor lands
      // in that same conversation: the address is resolved to the person, the server returns the
      // existing one.
      const nurseAddress = await n.evaluate(async () => {
        const me = (await (await fetch('/api/me')).json()) as {
          mailboxes: { address: string; kind: string }[];
        };
        return me.mailboxes.find((m) => m.kind === 'PER')?.address ?? '';
      });
      expect(nurseAddress).toContain('@');
      const directUrl = d.url();
      await d.goto(`${stack.server.baseUrl}/chat?with=${encodeURIComponent(nurseAddress)}`);
      await d.getByTestId('chat-thread-title').filter({ hasText: 'Maëlle Guégan' }).waitFor();
      await expect.poll(() => d.url()).toBe(directUrl);

      // 11. A browser without the doctor's keys lists the conversations but says why it cannot read them.
      noKeys = await stack.newPage();
      const c = noKeys.page;
      await submitPassword(c, doctor);
      await expectHeading(c, 'Vérification en deux étapes');
      const { code } = await totpCode(b.totp.secret, b.totp.step);
      await c.getByLabel('Code de vérification').fill(code);
      await c.getByRole('button', { name: 'Valider' }).click();
      await c.waitForURL('**/account');
      await openChat(c);
      const notice = c.getByTestId('mail-keys-notice');
      await notice.waitFor();
      expect(await notice.innerText()).toContain('Vos clés ne sont pas installées sur ce navigateur');
      await c.getByTestId('chat-conversation').filter({ hasText: groupName }).click();
      await c.getByTestId('chat-message-unreadable').first().waitFor({ timeout: CRYPTO_TIMEOUT });
      expect(await c.getByTestId('chat-composer').isDisabled()).toBe(true);
      await screenshot(c, '88-chat-no-keys');

      // 12. The server never saw the marker, the caption or the answer: not in its files, not in its logs.
      const dataDir = stack.server.env.LIAISON_DATA_DIR!;
      for (const secret of [GPS_MARKER, caption, answer, privateNote]) {
        expect(await filesContaining(dataDir, secret)).toEqual([]);
        expect(stack.server.output()).not.toContain(secret);
      }
    } catch (error) {
      if (a) await screenshot(a.page, 'failure-chat-nurse').catch(() => undefined);
      if (b) await screenshot(b.page, 'failure-chat-doctor').catch(() => undefined);
      if (noKeys) await screenshot(noKeys.page, 'failure-chat-no-keys').catch(() => undefined);
      throw failure(error);
    } finally {
      await a?.context.close();
      await b?.context.close();
      await noKeys?.context.close();
    }
  }, 300_000);
});
