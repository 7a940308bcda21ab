/**
 * Patient movement notices on the chat page (docs/notices.md): a hospital's patient-record system sends
 * a GP an admission notice and a discharge notice with `liaison notice send` from its APP mailbox; the
 * GP's chat page lists the hospital under "Mouvements de patients" with two unread, shows the notices as
 * cards decrypted on the device from their encrypted summaries, and marks them read once shown. The
 * server never sees a patient's name.
 */
import { Me } from '@liaison/core/api/index';
import { randomRpps } from '@liaison/core/synthetic/index';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { filesContaining, openChat } from './support/chat.ts';
import {
  CRYPTO_TIMEOUT,
  registerApprovedProfessional,
  signInWithNewKeys,
  type Professional,
} from './support/mail.ts';
import { hospitalSystem, sendNotice, type HospitalSystem, type NoticeOptions } from './support/notices.ts';
import { startStack, type Stack } from './support/stack.ts';

let stack: Stack;
let system: HospitalSystem | undefined;

const HOSPITAL = 'Hôpital de Cornouaille';
const SYSTEM_ADDRESS = 'dpi.cornouaille@liaison.test';

const gp: Professional = {
  email: 'soizic.le-gall@cabinet.liaison.test',
  password: 'medecin traitant a Quimper',
  firstName: 'Soizic',
  lastName: 'Le Gall',
  rpps: randomRpps(),
  specialty: 'SM54',
};
const passphrase = 'aber menhir goeland bruine';

const admission: NoticeOptions = {
  kind: 'admission',
  lastName: 'Kervella',
  firstName: 'Maïwenn',
  birthDate: '1948-05-12',
  sex: 'F',
  ipp: 'P-004217',
  at: '2026-12-05T10:40:00+01:00',
  service: 'Cardiologie',
  note: 'Arrivée par les urgences, famille prévenue.',
};
const discharge: NoticeOptions = {
  kind: 'discharge',
  lastName: 'Tanguy',
  firstName: 'Jean-Yves',
  birthDate: '1939-11-02',
  sex: 'M',
  at: '2026-12-05T16:15:00+01:00',
  service: 'Pneumologie',
  note: 'Retour à domicile, passage infirmier deux fois par jour.',
};

function failure(error: unknown): Error {
  return new Error(`${String(error)}\n--- server output ---\n${stack.server.output().slice(-4000)}`, {
    cause: error,
  });
}

/** The GP's personal mailbox, as the signed-in browser's session sees it. */
async function personalAddress(page: Page): Promise<string> {
  const response = await page.request.get('/api/me');
  if (!response.ok()) throw new Error(`GET /api/me: ${response.status()} ${await response.text()}`);
  const me = Me.parse(await response.json());
  const address = me.mailboxes.find((box) => box.kind === 'PER')?.address;
  if (!address) throw new Error('the GP has no personal mailbox');
  return address;
}

/** The word on a card's kind badge. */
async function kindOf(card: Locator): Promise<string | null> {
  return card.locator('.mantine-Badge-label').first().textContent();
}

/**
 * After a resize to a phone, the navigation slides away and the page's margin shrinks (CSS transitions):
 * a capture taken meanwhile shows the navigation's edge and the content off by a few pixels.
 */
async function navigationHidden(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const navbar = document.querySelector('.mantine-AppShell-navbar');
    const away = navbar === null || navbar.getBoundingClientRect().right <= 0;
    const moving = document
      .getAnimations()
      .some((animation) => animation instanceof CSSTransition && animation.playState === 'running');
    return away && !moving;
  });
}

beforeAll(async () => {
  // Mailboxes in a dotted domain, as on a real instance (the CSR builder refuses "x@localhost").
  stack = await startStack({ LIAISON_MAIL_DOMAIN: 'liaison.test' });
  await registerApprovedProfessional(stack, gp);
  system = await hospitalSystem(stack, HOSPITAL, SYSTEM_ADDRESS);
}, 300_000);

afterAll(async () => {
  await system?.cleanup();
  await stack?.stop();
});

describe('patient movement notices on the chat page', () => {
  it('a hospital’s notices show as cards under the conversations, read once shown, unseen by the server', async () => {
    let gpSession: Awaited<ReturnType<typeof signInWithNewKeys>> | undefined;
    try {
      // 1. The GP makes their keys in the browser: their personal mailbox gets its certificate.
      gpSession = await signInWithNewKeys(stack, gp, passphrase, '90-notices-gp');
      const page = gpSession.page;
      const to = await personalAddress(page);

      // 2. The hospital's system sends an admission, then a discharge for another patient.
      await sendNotice(system!, to, admission);
      await sendNotice(system!, to, discharge);

      // 3. Under the conversations: the hospital, two unread.
      await openChat(page);
      await page.getByText('Mouvements de patients', { exact: true }).waitFor({ timeout: 30_000 });
      const row = page.getByTestId('notice-thread').filter({ hasText: HOSPITAL });
      await row.waitFor();
      expect(await row.getAttribute('data-unread')).toBe('true');
      await row.getByLabel('2 avis non lus', { exact: true }).waitFor();
      expect(await row.innerText()).toContain('2 avis');
      await screenshot(page, '90-notices-list');

      // 4. Opened: two cards, drawn from the summaries decrypted on this device.
      await row.click();
      await page.waitForURL(/\/chat\/notices\/[^/]+$/);
      await page.getByRole('heading', { name: HOSPITAL, level: 2 }).waitFor();
      const cards = page.getByTestId('notice-card');
      await expect.poll(() => cards.count(), { timeout: CRYPTO_TIMEOUT }).toBe(2);
      const admitted = cards.and(page.locator('[data-kind="admission"]'));
      const discharged = cards.and(page.locator('[data-kind="discharge"]'));
      await admitted.waitFor({ timeout: CRYPTO_TIMEOUT });
      await discharged.waitFor({ timeout: CRYPTO_TIMEOUT });
      // The kind in words (the badge's CSS writes it in capitals; its text is the word itself).
      expect(await kindOf(admitted)).toBe('Admission');
      expect(await kindOf(discharged)).toBe('Sortie');
      // Non-breaking spaces keep "né(e) le" with its date on a phone: compared as plain spaces.
      const admissionText = (await admitted.innerText()).replace(/\u00a0/g, ' ');
      expect(admissionText).toContain('KERVELLA Maïwenn');
      expect(admissionText).toContain('né(e) le 12/05/1948');
      expect(admissionText).toContain('Service : Cardiologie');
      expect(admissionText).toContain(admission.note);
      const dischargeText = await discharged.innerText();
      expect(dischargeText).toContain('TANGUY Jean-Yves');
      expect(dischargeText).toContain('Service : Pneumologie');
      expect(dischargeText).toContain(discharge.note);
      // Newest first: the discharge was sent second.
      expect(await cards.first().getAttribute('data-kind')).toBe('discharge');

      // 5. Shown, so read: back in the list (beside the thread on a desk), the count is gone.
      await expect.poll(() => row.getAttribute('data-unread'), { timeout: 30_000 }).toBe('false');
      expect(await row.getByLabel(/avis non lus?$/).count()).toBe(0);
      await expect.poll(() => cards.filter({ hasText: 'Non lu' }).count(), { timeout: 30_000 }).toBe(0);
      await screenshot(page, '90-notices-thread');

      // 6. On a phone: the thread alone, with the way back to the list.
      await page.setViewportSize({ width: 390, height: 844 });
      const back = page.getByRole('link', { name: 'Retour à la liste des conversations' });
      await back.waitFor();
      expect(await page.getByTestId('notice-list').isVisible()).toBe(false);
      await admitted.waitFor();
      await navigationHidden(page);
      await screenshot(page, '91-notices-phone');
      await back.click();
      await page.waitForURL(/\/chat$/);
      await row.waitFor();
      expect(await row.getAttribute('data-unread')).toBe('false');
      expect(await row.getByLabel(/avis non lus?$/).count()).toBe(0);

      // 7. Read on the server too: a fresh load of the page lists nothing unread.
      await page.reload();
      await row.waitFor({ timeout: 30_000 });
      expect(await row.getAttribute('data-unread')).toBe('false');

      // 8. The server never saw the patients' names nor the notes: not in its files, not in its logs.
      const dataDir = stack.server.env.LIAISON_DATA_DIR!;
      // The search does read the database: what the server does know (the GP, the hospital) is found.
      expect(await filesContaining(dataDir, gp.email)).not.toEqual([]);
      expect(await filesContaining(dataDir, SYSTEM_ADDRESS)).not.toEqual([]);
      const secrets = [
        'Kervella',
        'KERVELLA',
        'Maïwenn',
        'Tanguy',
        'TANGUY',
        'Jean-Yves',
        'par les urgences, famille',
        'passage infirmier deux fois',
      ];
      for (const secret of secrets) {
        expect(await filesContaining(dataDir, secret), secret).toEqual([]);
        expect(stack.server.output()).not.toContain(secret);
      }
    } catch (error) {
      if (gpSession) await screenshot(gpSession.page, 'failure-notices-gp').catch(() => undefined);
      throw failure(error);
    } finally {
      await gpSession?.context.close();
    }
  }, 300_000);
});
