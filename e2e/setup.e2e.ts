import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { choose } from './support/forms.ts';
import { startStack, type Stack } from './support/stack.ts';
import { enrolTotp, expectHeading } from './support/steps.ts';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

describe('first start', () => {
  it('creates the platform admin from the one-time setup link, who then creates an establishment', async () => {
    // The server prints the link on its console at first start (token in the fragment, never logged).
    const link = /https?:\/\/\S+\/setup#token=[\w-]+/.exec(stack.server.output())?.[0];
    expect(link, 'setup link printed by `liaison serve`').toBeDefined();
    const { context, page } = await stack.newPage();
    try {
      await page.goto(link ?? '');
      await expectHeading(page, 'Installation : premier administrateur');
      await page.getByLabel('Prénom').fill('Alice');
      await page.getByLabel(/^Nom\b/).fill('Admin');
      await page.getByLabel('Adresse e-mail').fill('admin@liaison.test');
      await page.getByLabel(/^Mot de passe/).fill('administratrice de la plateforme');
      await page.getByLabel('Confirmez le mot de passe').fill('administratrice de la plateforme');
      await screenshot(page, '30-setup');
      await page.getByRole('button', { name: 'Créer le compte administrateur' }).click();
      await enrolTotp(page, '31-platform-admin');
      // The secret left the address bar once used.
      expect(page.url()).not.toContain('token=');

      await page.getByRole('link', { name: 'Établissements' }).click();
      await expectHeading(page, 'Établissements');
      await page.getByRole('button', { name: 'Créer un établissement' }).click();
      const dialog = page.getByRole('dialog');
      await choose(page, "Type d'établissement", '', 'EHPAD');
      await dialog.getByLabel(/^Raison sociale/).fill('EHPAD Les Tilleuls');
      await dialog.getByLabel('Ville').fill('Annecy');
      await screenshot(page, '32-create-establishment');
      await dialog.getByRole('button', { name: "Créer l'établissement" }).click();
      await expectHeading(page, 'EHPAD Les Tilleuls');
      await page.getByTestId('missing-summary').waitFor();
      await screenshot(page, '33-new-establishment');

      // Setup is a one-time thing: the link now says so.
      await page.goto(link ?? '');
      await page.getByText('Cette plateforme a déjà un administrateur').waitFor();
    } catch (error) {
      await screenshot(page, 'failure-setup').catch(() => undefined);
      throw new Error(`${String(error)}\n--- server output ---\n${stack.server.output().slice(-4000)}`, {
        cause: error,
      });
    } finally {
      await context.close();
    }
  });
});
