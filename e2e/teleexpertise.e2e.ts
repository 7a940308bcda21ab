/**
 * Tele-expertise, end to end (docs/teleexpertise.md): a hospital's dermatology service has one address;
 * the dermatologist on duty declares her availability; a GP fills the dermatology form on a phone-sized
 * screen with two photos taken with the camera, encrypted on her device to the service and herself; the
 * request is handed to the expert, who opens it with the service mailbox's key, accepts it and answers;
 * the answer comes back to the GP as a letter with an HPRIM header in her inbox, and on the request's
 * page. The server never sees the patient's name, the question or the answer.
 */
import { randomRpps } from '@liaison/core/synthetic/index';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { filesContaining, writeCameraJpeg } from './support/chat.ts';
import {
  CRYPTO_TIMEOUT,
  openMail,
  registerApprovedProfessional,
  signInWithNewKeys,
  type Professional,
} from './support/mail.ts';
import { startStack, type Stack } from './support/stack.ts';
import { enrolTotp, submitPassword } from './support/steps.ts';
import { dermatologyService, type ServiceSetUp } from './support/teleexpertise.ts';

let stack: Stack;
let service: ServiceSetUp | undefined;

const SERVICE_ADDRESS = 'dermatologie.teleexpertise@liaison.test';
const gp: Professional = {
  email: 'nolwenn.le-bras@cabinet.liaison.test',
  password: 'medecin generaliste a Brest',
  firstName: 'Nolwenn',
  lastName: 'Le Bras',
  rpps: randomRpps(),
  specialty: 'SM54',
};
const expert: Professional = {
  email: 'anne.morvan@chu-iroise.liaison.test',
  password: 'dermatologue de garde au chu',
  firstName: 'Anne',
  lastName: 'Morvan',
  rpps: randomRpps(),
  specialty: 'SM15',
};
let expertUserId = '';
const passphrase = 'lande granit cormoran embrun';
const patient = { lastName: 'Kerguelen', firstName: 'Jeanne', birthDate: '1957-03-14' };
const question = 'Lésion pigmentée du dos qui s’étend depuis trois mois : exérèse à prévoir ?';
const conclusion = 'Aspect de kératose séborrhéique irritée, sans signe de mélanome.';
const advice = 'Surveillance par le médecin traitant ; photographier à nouveau dans six mois.';
const WEEKDAYS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'];

function failure(error: unknown): Error {
  return new Error(`${String(error)}\n--- server output ---\n${stack.server.output().slice(-4000)}`, {
    cause: error,
  });
}

async function openTeleexpertise(page: Page, tab: string): Promise<void> {
  await page
    .getByRole('link', { name: /^Télé-expertise/ })
    .first()
    .click();
  await page.getByRole('heading', { name: 'Télé-expertise', level: 1 }).waitFor();
  await page.getByRole('tab', { name: tab }).click();
}

/** The expert is on duty every day, all day, for up to five open requests. */
async function declareAvailability(page: Page): Promise<void> {
  await openTeleexpertise(page, 'Disponibilités');
  await page.getByLabel('Nombre maximum de demandes en cours').fill('5');
  for (const day of WEEKDAYS) {
    await page.getByRole('button', { name: `Ajouter un créneau (${day})` }).click();
    await page.getByLabel(`${day}, créneau 1 : début`).fill('00:00');
    await page.getByLabel(`${day}, créneau 1 : fin`).fill('23:59');
  }
  await page.getByRole('button', { name: 'Enregistrer mes disponibilités' }).click();
  await page.getByText('Disponibilités enregistrées.').waitFor();
  await page.getByTestId('te-on-duty').filter({ hasText: 'En service maintenant' }).waitFor();
  await screenshot(page, '95-te-availability');
}

beforeAll(async () => {
  // Mailboxes in a dotted domain, as on a real instance (the CSR builder refuses "x@localhost").
  stack = await startStack({ LIAISON_MAIL_DOMAIN: 'liaison.test' });
  await registerApprovedProfessional(stack, gp);
  expertUserId = await registerApprovedProfessional(stack, expert);
}, 300_000);

afterAll(async () => {
  await service?.cleanup();
  await stack?.stop();
});

describe('tele-expertise', () => {
  it('a GP asks the dermatology service with two photos; the expert on duty accepts and answers; the GP reads the answer in her inbox', async () => {
    try {
      // 1. The dermatologist makes her keys; the hospital sets up the service with her as an expert
      //    (the service mailbox's key is wrapped to her certificate), and she declares her availability.
      const e = (await signInWithNewKeys(stack, expert, passphrase, '95-te-expert')).page;
      service = await dermatologyService(stack, {
        hospital: 'CHU Iroise',
        address: SERVICE_ADDRESS,
        expertUserId,
      });
      await e.reload();
      await declareAvailability(e);

      // 2. The GP, on a phone-sized screen, fills the dermatology form.
      const g = (await signInWithNewKeys(stack, gp, passphrase, '96-te-gp')).page;
      await g.setViewportSize({ width: 390, height: 844 });
      await g.goto('/teleexpertise/new');
      await g.getByRole('heading', { name: 'Télé-expertise', level: 1 }).waitFor();
      await g.getByRole('radio', { name: 'Dermatologie' }).check();
      await screenshot(g, '96-te-wizard-service');
      await g.getByRole('button', { name: 'Suivant' }).click();
      await g.getByLabel('Nom de naissance du patient').fill(patient.lastName);
      await g.getByLabel('Prénom du patient').fill(patient.firstName);
      await g.getByLabel('Date de naissance').fill(patient.birthDate);
      await g.getByLabel('Votre question à l’expert').fill(question);
      await g.getByRole('button', { name: 'Suivant' }).click();
      await g.getByRole('radio', { name: 'Tronc' }).check();
      await g.getByLabel(/^Taille/).fill('8');
      await g.getByRole('radio', { name: '1 à 6 mois' }).check();
      await g.getByRole('checkbox', { name: 'Augmente de taille' }).check();
      const photos = await Promise.all(
        ['lesion-proche.jpg', 'lesion-situation.jpg'].map((name, i) =>
          writeCameraJpeg(g, { width: 2400 + i * 200, height: 1800, marker: 'GPS-48.39N-4.48W', name }),
        ),
      );
      await g.getByLabel(/choisir des fichiers$/).setInputFiles(photos);
      await expect
        .poll(() => g.getByRole('button', { name: /^Retirer / }).count(), { timeout: 30_000 })
        .toBe(2);
      await screenshot(g, '96-te-wizard-photos');
      await g.getByRole('button', { name: 'Suivant' }).click();
      await g.getByText('Tout est prêt : la demande peut être envoyée.').waitFor();
      await g.getByRole('button', { name: 'Suivant' }).click();
      await g.getByRole('button', { name: 'Envoyer la demande' }).click();
      await g.waitForURL(/\/teleexpertise\/requests\/[^/]+$/, { timeout: CRYPTO_TIMEOUT });
      await g.getByRole('heading', { name: 'Demande de télé-expertise' }).waitFor();
      // Handed at once to the expert on duty.
      await g.getByText('Confiée à un expert').first().waitFor({ timeout: 30_000 });
      await screenshot(g, '96-te-request-sent');

      // 3. The expert sees it in her queue, decrypted with the service's key, and accepts it.
      await openTeleexpertise(e, 'File d’attente');
      const row = e.getByTestId('te-queue-row').filter({ hasText: 'KERGUELEN Jeanne' }).first();
      await row.waitFor({ timeout: CRYPTO_TIMEOUT });
      await screenshot(e, '97-te-queue');
      await row.getByRole('link', { name: /^Ouvrir la demande : KERGUELEN Jeanne/ }).click();
      await e.getByText(question).waitFor({ timeout: CRYPTO_TIMEOUT });
      await expect
        .poll(() => e.getByRole('img', { name: /, photo \d sur 2$/ }).count(), { timeout: 30_000 })
        .toBe(2);
      await e.getByRole('button', { name: 'Accepter' }).click();
      await e.getByText('Acceptée').first().waitFor({ timeout: 30_000 });

      // 4. She answers: conclusion, advice, a consultation within the week.
      await e.getByRole('button', { name: 'Répondre' }).click();
      await e.getByLabel('Conclusion').fill(conclusion);
      await e.getByLabel('Conseils de prise en charge').fill(advice);
      await e.getByRole('radio', { name: 'Consultation nécessaire' }).check();
      await e.getByRole('radio', { name: 'Dans la semaine' }).check();
      await screenshot(e, '97-te-answer-form');
      await e.getByRole('button', { name: 'Envoyer la réponse' }).click();
      await e
        .getByText('Réponse envoyée : le demandeur la reçoit dans sa messagerie.')
        .waitFor({ timeout: CRYPTO_TIMEOUT });
      await screenshot(e, '97-te-answered');

      // 5. The GP's request page shows the answer, decrypted on her device, and the timeline.
      await g.getByText('Répondue').first().waitFor({ timeout: 60_000 });
      const answer = g.getByRole('heading', { name: 'Réponse de l’expert' });
      await answer.waitFor({ timeout: CRYPTO_TIMEOUT });
      await g.getByText(conclusion).waitFor({ timeout: CRYPTO_TIMEOUT });
      await screenshot(g, '98-te-answer-phone');

      // 6. And the answer letter is in her inbox: the patient's banner from its HPRIM header, the text.
      await g.setViewportSize({ width: 1280, height: 900 });
      await openMail(g);
      const letter = g
        .getByTestId('mail-row')
        .filter({ has: g.getByTestId('mail-subject').filter({ hasText: 'Réponse de télé-expertise' }) });
      await letter.waitFor({ timeout: 30_000 });
      await letter.getByTestId('mail-subject').click();
      const status = g.getByTestId('signature-status');
      await status.waitFor({ timeout: CRYPTO_TIMEOUT });
      expect(await status.getAttribute('data-status')).toBe('verified');
      expect(await g.getByTestId('patient-name').innerText()).toBe('KERGUELEN Jeanne');
      expect(await g.getByTestId('patient-birth-date').innerText()).toContain('14/03/1957');
      const text = await g.getByTestId('message-text').innerText();
      expect(text).toContain(conclusion);
      expect(text).toContain('Consultation nécessaire');
      expect(await g.getByTestId('attachment-name').innerText()).toBe('teleexpertise.json');
      await screenshot(g, '98-te-answer-letter');

      // 7. The platform's director sees the service's delays in the statistics dashboard.
      const director = { email: 'direction@liaison.test', password: 'directrice de la plateforme régionale' };
      await stack.createUser({
        ...director,
        firstName: 'Dana',
        lastName: 'Direction',
        role: 'platform_admin',
      });
      const d = (await stack.newPage()).page;
      await submitPassword(d, director);
      await enrolTotp(d, '99-te-director');
      const today = new Date().toISOString().slice(0, 10);
      await d.goto(`/stats?${new URLSearchParams({ from: today, to: today }).toString()}`);
      const figures = d.getByTestId('stats-teleexpertise');
      await figures.getByRole('table').first().waitFor({ timeout: 30_000 });
      const serviceRow = figures.getByRole('row').filter({ hasText: 'Dermatologie' }).first();
      await serviceRow.waitFor();
      expect(await figures.getByRole('row').filter({ hasText: 'Anne Morvan' }).count()).toBeGreaterThan(0);
      await figures.scrollIntoViewIfNeeded();
      await screenshot(d, '99-te-figures');

      // 8. The server never saw the patient, the question, the answer nor the photos' GPS marker.
      const dataDir = stack.server.env.LIAISON_DATA_DIR!;
      expect(await filesContaining(dataDir, SERVICE_ADDRESS)).not.toEqual([]);
      for (const secret of [
        'Kerguelen',
        'KERGUELEN',
        'kératose séborrhéique',
        'Lésion pigmentée',
        'GPS-48',
      ]) {
        expect(await filesContaining(dataDir, secret), secret).toEqual([]);
        expect(stack.server.output()).not.toContain(secret);
      }
    } catch (error) {
      throw failure(error);
    }
  }, 600_000);
});
