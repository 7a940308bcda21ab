import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { totpCode } from './totp.ts';

export interface Credentials {
  email: string;
  password: string;
}

/** Waits for a heading, the surest sign a page has rendered (French UI unless the test switched). */
export async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

export async function submitPassword(page: Page, who: Credentials): Promise<void> {
  await page.goto('/login');
  await expectHeading(page, 'Connexion');
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel(/^Mot de passe/).fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/**
 * First sign-in: the password leads to the enrolment page; reads the secret the page shows as text,
 * answers with a code, and goes through the one-time recovery codes. Returns what later logins need.
 */
export async function enrolTotp(page: Page, shotPrefix: string): Promise<{ secret: string; step: number }> {
  await page.waitForURL('**/totp');
  await expectHeading(page, 'Activer la double authentification');
  const secretBox = page.getByTestId('totp-secret');
  await secretBox.waitFor();
  const secret = (await secretBox.innerText()).replace(/\s/g, '');
  await page.getByRole('img', { name: /QR code/ }).waitFor();
  await screenshot(page, `${shotPrefix}-totp-enrol`);
  const { code, step } = await totpCode(secret, null);
  await page.getByLabel('Code à 6 chiffres').fill(code);
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await page.getByTestId('recovery-codes').waitFor();
  await screenshot(page, `${shotPrefix}-recovery-codes`);
  await page.getByRole('button', { name: /J'ai conservé mes codes/ }).click();
  await page.waitForURL('**/account');
  await acceptCharterIfAsked(page);
  return { secret, step };
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await page.waitForURL('**/login');
  await expectHeading(page, 'Connexion');
}

/**
 * Accounts made at the console have accepted no charter: the web app asks for it before any page.
 * Self-registered people accepted it when they registered and go straight to their account.
 */
export async function acceptCharterIfAsked(page: Page): Promise<void> {
  const charter = page.getByRole('heading', { name: "Acceptez la charte d'utilisation", level: 1 });
  await charter
    .or(page.getByRole('heading', { name: 'Mon compte', level: 1 }))
    .first()
    .waitFor();
  if (!(await charter.isVisible())) return;
  await page.getByRole('checkbox', { name: /^J'ai lu et j'accepte la charte d'utilisation/ }).check();
  await page.getByRole('button', { name: 'Accepter et continuer' }).click();
  await page.getByRole('heading', { name: 'Mon compte', level: 1 }).waitFor();
}
