import { Registration } from '@liaison/core/api/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { choose } from './support/forms.ts';
import { startStack, type Stack } from './support/stack.ts';
import { enrolTotp, expectHeading, logout, submitPassword } from './support/steps.ts';

let stack: Stack;
let organisationId: string;

const ESTABLISHMENT = 'Hôpital de la Vallée';
const admin = {
  email: 'dsi@vallee.liaison.test',
  password: 'administrateur-etablissement',
  firstName: 'Inès',
  lastName: 'Durand',
};
const staff = { email: 'accueil@vallee.liaison.test', firstName: 'Paul', lastName: 'Bernard' };

beforeAll(async () => {
  stack = await startStack();
  organisationId = await stack.createOrganisation(ESTABLISHMENT);
  await stack.createUser({ ...admin, role: 'establishment_admin', organisationId });
});

afterAll(async () => {
  await stack?.stop();
});

/** The technician's decision, taken from the console so this file stays about the establishment. */
async function approveByConsole(email: string): Promise<void> {
  const pending = Registration.array().parse(
    JSON.parse(await stack.server.cli('admin', 'registrations', '--json')),
  );
  const registration = pending.find((entry) => entry.email === email);
  if (!registration) throw new Error(`no pending registration for ${email}`);
  await stack.server.cli('admin', 'approve', registration.id);
}

describe('establishment administration', () => {
  it('completes the profile, registers a staff member, who then activates their account', async () => {
    const { context, page } = await stack.newPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.server.baseUrl });
    try {
      await submitPassword(page, admin);
      await enrolTotp(page, '20-establishment-admin');

      // The profile, with the fields the server reports as missing highlighted.
      await page.getByRole('link', { name: `Mon établissement : ${ESTABLISHMENT}` }).click();
      await expectHeading(page, ESTABLISHMENT);
      await page.getByTestId('missing-summary').waitFor();
      expect(await page.locator('.field-missing').count()).toBeGreaterThan(3);
      await screenshot(page, '21-establishment-incomplete');

      await page.getByLabel(/^Adresse/).fill('1 rue des Soignants');
      await page.getByLabel('Code postal').fill('69003');
      await page.getByLabel('Ville').fill('Lyon');
      await page.getByLabel('Nombre de lits').fill('320');
      await page.getByLabel('Téléphone (standard)').fill('04 72 00 00 00');
      await page.getByLabel("Boîte d'alerte (e-mail)").fill('alerte@vallee.liaison.test');
      const referent = page.getByRole('group', { name: /^Référent administratif/ });
      await referent.getByLabel('Nom', { exact: true }).fill('Marie Lefèvre');
      const itHead = page.getByRole('group', { name: /^Responsable des systèmes/ });
      await itHead.getByLabel('Nom', { exact: true }).fill(admin.firstName + ' ' + admin.lastName);
      await itHead.getByLabel('E-mail').fill(admin.email);
      await page.getByTestId('save-profile').click();
      await page.getByText('Le profil est complet.').waitFor();
      expect(await page.locator('.field-missing').count()).toBe(0);
      await screenshot(page, '22-establishment-complete');

      // Registering a staff member: no password, the establishment is fixed.
      await page.getByRole('button', { name: 'Inscrire un membre du personnel' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Inscrire un membre du personnel' }).waitFor();
      await choose(page, 'Rôle', '', /Secrétaire/);
      await dialog.getByLabel('Prénom').fill(staff.firstName);
      await dialog.getByLabel(/^Nom\b/).fill(staff.lastName);
      await dialog.getByLabel('Adresse e-mail').fill(staff.email);
      await dialog.getByLabel("La personne a été informée de la charte d'utilisation et l'accepte").check();
      await screenshot(page, '23-staff-registration');
      await dialog.getByRole('button', { name: 'Inscrire', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      const row = page.getByTestId('account-row').filter({ hasText: staff.email });
      await row.waitFor();

      // After the technician's approval the account waits for its holder: copy the activation link.
      await approveByConsole(staff.email);
      await page.reload();
      await row.getByRole('button', { name: /^Copier le lien d'activation/ }).click();
      const activationUrl = String(await page.evaluate('navigator.clipboard.readText()'));
      expect(activationUrl).toMatch(/\/activate#token=/);
      await screenshot(page, '24-establishment-accounts');

      const csvLink = page.getByRole('link', { name: 'Exporter (CSV)' });
      const href = await csvLink.getAttribute('href');
      expect(href).toBe(`/api/organisations/${organisationId}/accounts.csv`);
      const csv = await page.request.get(href ?? '');
      expect(csv.headers()['content-type']).toContain('text/csv');
      expect(await csv.text()).toContain(staff.email);
      await logout(page);

      // The staff member opens the link on their own browser.
      const { context: staffContext, page: staffPage } = await stack.newPage();
      try {
        await staffPage.goto(activationUrl);
        await expectHeading(staffPage, 'Activer votre compte');
        const password = 'accueil de la vallée 2026';
        await staffPage.getByLabel(/^Mot de passe/).fill(password);
        await staffPage.getByLabel('Confirmez le mot de passe').fill(password);
        await staffPage.getByTestId('charter-accept').check();
        await screenshot(staffPage, '25-activation');
        await staffPage.getByRole('button', { name: 'Activer mon compte' }).click();
        await enrolTotp(staffPage, '26-staff');
        await expectHeading(staffPage, 'Mon compte');
        expect(await staffPage.getByTestId('account-name').innerText()).toContain(
          `${staff.firstName} ${staff.lastName}`,
        );
        await staffPage.getByText('Secrétaire / assistant(e)').first().waitFor();
        await screenshot(staffPage, '27-staff-account');
      } finally {
        await staffContext.close();
      }
    } catch (error) {
      await screenshot(page, 'failure-establishment').catch(() => undefined);
      throw new Error(`${String(error)}\n--- server output ---\n${stack.server.output().slice(-4000)}`, {
        cause: error,
      });
    } finally {
      await context.close();
    }
  });
});
