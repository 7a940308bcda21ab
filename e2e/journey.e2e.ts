import { randomRpps } from '@liaison/core/synthetic/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { choose } from './support/forms.ts';
import { startStack, type Stack } from './support/stack.ts';
import { enrolTotp, expectHeading, logout, submitPassword, type Credentials } from './support/steps.ts';
import { totpCode } from './support/totp.ts';

let stack: Stack;

const ESTABLISHMENT = 'Centre hospitalier de Test';
const technician: Credentials = { email: 'tech@liaison.test', password: 'technicien-de-test-2026' };
const professional = {
  email: 'claire.martin@liaison.test',
  password: 'une phrase de passe solide',
  firstName: 'Claire',
  lastName: 'Martin',
  rpps: randomRpps(),
};

const impostor = {
  email: 'doute@liaison.test',
  password: 'un autre mot de passe',
  firstName: 'Jean',
  lastName: 'Douteux',
  profession: '10',
};

beforeAll(async () => {
  stack = await startStack();
  await stack.createUser({ ...technician, firstName: 'Théo', lastName: 'Support', role: 'technician' });
  await stack.createOrganisation(ESTABLISHMENT);
});

afterAll(async () => {
  await stack?.stop();
});

describe('web app', () => {
  it('switches the login page to English and back', async () => {
    const { context, page } = await stack.newPage();
    try {
      await page.goto('/login');
      await expectHeading(page, 'Connexion');
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      await screenshot(page, '01-login-fr');

      await page.getByText('English', { exact: true }).click();
      await expectHeading(page, 'Sign in');
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.getByLabel('Email address').count()).toBe(1);
      await screenshot(page, '02-login-en');

      // The choice is remembered on this device.
      await page.reload();
      await expectHeading(page, 'Sign in');
      await page.getByText('Français', { exact: true }).click();
      await expectHeading(page, 'Connexion');
    } finally {
      await context.close();
    }
  });

  it('registers a professional, has a technician approve them, and signs them in with TOTP', async () => {
    const { context, page } = await stack.newPage();
    try {
      // 1. Registration, as the professional.
      await page.goto('/register');
      await expectHeading(page, "Demande d'accès");
      await page.getByLabel('Prénom').fill(professional.firstName);
      await page.getByLabel(/^Nom\b/).fill(professional.lastName);
      await page.getByLabel('Adresse e-mail').fill(professional.email);
      await page.getByLabel(/^Mot de passe/).fill(professional.password);
      await page.getByLabel('Confirmez le mot de passe').fill(professional.password);
      await page.getByTestId('national-id').fill(professional.rpps);
      await choose(page, 'Profession', 'Médecin', /^Médecin$/);
      await choose(page, 'Spécialité', 'générale', /Médecine générale/);
      await choose(page, "Établissement d'exercice", 'Test', new RegExp(ESTABLISHMENT));
      await page.getByTestId('charter-text').scrollIntoViewIfNeeded();
      await page.getByLabel("J'ai lu et j'accepte la charte d'utilisation").check();
      await screenshot(page, '03-register-form');
      await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
      await page.getByTestId('registration-sent').waitFor();
      await screenshot(page, '04-register-sent');

      // Before approval, the password alone gets nowhere.
      await submitPassword(page, professional);
      await expect
        .poll(() => page.getByTestId('error-alert').innerText())
        .toContain("n'a pas encore été validé");

      // A second, doubtful request, sent straight to the API as any client could.
      const sent = await fetch(`${stack.server.baseUrl}/api/registrations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          ...impostor,
          role: 'professional',
          nationalIdKind: 'rpps',
          nationalId: randomRpps(),
          charterVersion: 1,
        }),
      });
      expect(sent.status).toBe(201);

      // 2. The technician's first sign-in enrols TOTP, then approves the request.
      await submitPassword(page, technician);
      await enrolTotp(page, '05-technician');
      await expectHeading(page, 'Mon compte');
      await page.getByRole('link', { name: 'Vérification des inscriptions' }).click();
      await expectHeading(page, 'Vérification des inscriptions');
      const row = page.locator(`[data-testid="registration-row"][data-email="${professional.email}"]`);
      await row.waitFor();
      expect(await row.innerText()).toContain(professional.rpps);
      expect(await row.innerText()).toContain(ESTABLISHMENT);
      await screenshot(page, '06-verification-queue');

      // A doubtful request is refused, with a written reason.
      const doubtful = page.locator(`[data-testid="registration-row"][data-email="${impostor.email}"]`);
      await doubtful.getByRole('button', { name: 'Refuser' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Motif du refus/).fill('Identifiant RPPS sans rapport avec la personne.');
      await screenshot(page, '06b-reject-modal');
      await dialog.getByRole('button', { name: 'Refuser la demande' }).click();
      await doubtful.waitFor({ state: 'detached' });

      await row.getByRole('button', { name: 'Approuver' }).click();
      await row.waitFor({ state: 'detached' });
      await page.getByTestId('verification-empty').waitFor();
      await screenshot(page, '07-verification-approved');

      // The technician also sees the establishments, with a filter for incomplete profiles.
      await page.getByRole('link', { name: 'Établissements' }).click();
      await expectHeading(page, 'Établissements');
      await page.getByRole('switch', { name: 'Profil incomplet' }).check();
      await page.getByRole('link', { name: ESTABLISHMENT }).waitFor();
      await screenshot(page, '07b-establishments-incomplete');
      await logout(page);

      // 3. The professional's first sign-in: enrol TOTP.
      await submitPassword(page, professional);
      const { secret, step } = await enrolTotp(page, '08-professional');
      await logout(page);

      // 4. Sign in again with password + TOTP code.
      await submitPassword(page, professional);
      await expectHeading(page, 'Vérification en deux étapes');
      const { code } = await totpCode(secret, step);
      await page.getByLabel('Code de vérification').fill(code);
      await screenshot(page, '09-login-totp');
      await page.getByRole('button', { name: 'Valider' }).click();
      await page.waitForURL('**/account');
      await expectHeading(page, 'Mon compte');
      await expect
        .poll(() => page.getByTestId('account-name').innerText())
        .toContain(`${professional.firstName} ${professional.lastName}`);
      expect(await page.getByTestId('account-national-id').innerText()).toContain(professional.rpps);
      await screenshot(page, '10-account');

      // Narrow screens: the navigation folds behind a menu button.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('button', { name: 'Ouvrir le menu de navigation' }).click();
      await page.getByRole('link', { name: 'Mon compte' }).waitFor();
      await screenshot(page, '11-account-mobile-menu');
    } catch (error) {
      await screenshot(page, 'failure').catch(() => undefined);
      throw new Error(`${String(error)}\n--- server output ---\n${stack.server.output().slice(-4000)}`, {
        cause: error,
      });
    } finally {
      await context.close();
    }
  });
});
