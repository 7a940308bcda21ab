import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomRpps } from '@liaison/core/synthetic/index';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { choose } from './support/forms.ts';
import { registerApprovedProfessional, type Professional } from './support/mail.ts';
import { startStack, type Stack } from './support/stack.ts';
import { enrolTotp, expectHeading, submitPassword, type Credentials } from './support/steps.ts';

let stack: Stack;

const ESTABLISHMENT = 'Centre hospitalier de Cornouaille';
const admin = {
  email: 'dsi@cornouaille.liaison.test',
  password: 'administrateur-annuaire-2026',
  firstName: 'Erwan',
  lastName: 'Le Floch',
};
const technician: Credentials = { email: 'tech.annuaire@liaison.test', password: 'technicien-annuaire-2026' };
const gp: Professional = {
  email: 'maiwenn.riou@cabinet.liaison.test',
  password: 'medecin generaliste a Quimper',
  firstName: 'Maïwenn',
  lastName: 'Riou',
  rpps: randomRpps(),
  specialty: 'SM54',
};

/** The doctors the hospital's IT exports from its own directory; accents as their names are written. */
const doctors = [
  {
    lastName: 'Lefèvre',
    firstName: 'Hélène',
    specialty: 'SM04',
    email: 'helene.lefevre@cornouaille.liaison.test',
    rpps: randomRpps(),
  },
  {
    lastName: 'Guéguen',
    firstName: 'Anaël',
    specialty: 'Pédiatrie',
    email: 'anael.gueguen@cornouaille.liaison.test',
    rpps: randomRpps(),
  },
  {
    lastName: 'Kerbrat',
    firstName: 'Solène',
    specialty: 'SM54',
    email: 'solene.kerbrat@cornouaille.liaison.test',
    rpps: randomRpps(),
  },
];
const REJECTION = 'Le Dr Kerbrat a quitté l’établissement en mars : fiche à ne pas publier.';

/** An RPPS with its check digit wrong: refused by the file import like by the form. */
function wrongKey(rpps: string): string {
  return rpps.slice(0, 10) + String((Number(rpps[10]) + 1) % 10);
}

/** A workbook as an establishment's IT would export it: French headers, one doctor per row. */
async function writeWorkbook(
  name: string,
  rows: { lastName: string; firstName: string; specialty: string; email: string; rpps: string }[],
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Médecins');
  sheet.addRow(['Nom', 'Prénom', 'Spécialité', 'Email', 'Type de BAL', 'RPPS', 'Département']);
  for (const row of rows) {
    sheet.addRow([row.lastName, row.firstName, row.specialty, row.email, 'PER', row.rpps, 29]);
  }
  const dir = await mkdtemp(join(tmpdir(), 'liaison-e2e-directory-'));
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

function failure(error: unknown): Error {
  return new Error(`${String(error)}\n--- server output ---\n${stack.server.output().slice(-4000)}`, {
    cause: error,
  });
}

async function signIn(
  who: Credentials,
  shotPrefix: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await stack.newPage();
  await submitPassword(page, who);
  await enrolTotp(page, shotPrefix);
  return { context, page };
}

/** The text of one of the dry run's four figures. */
async function count(page: Page, key: 'create' | 'update' | 'unchanged' | 'errors'): Promise<string> {
  return page.getByTestId(`import-count-${key}`).getByTestId('import-count-value').innerText();
}

beforeAll(async () => {
  stack = await startStack({ LIAISON_MAIL_DOMAIN: 'liaison.test' });
  const organisationId = await stack.createOrganisation(ESTABLISHMENT);
  await stack.createUser({ ...admin, role: 'establishment_admin', organisationId });
  await stack.createUser({ ...technician, firstName: 'Théo', lastName: 'Support', role: 'technician' });
  await registerApprovedProfessional(stack, gp);
});

afterAll(async () => {
  await stack?.stop();
});

describe('directory in the browser', () => {
  it('an establishment uploads its doctors, a technician decides, a GP finds the new doctor', async () => {
    const open: { context: BrowserContext; page: Page; name: string }[] = [];
    try {
      // 1. The establishment admin opens the establishment's directory from the navigation.
      const a = await signIn(admin, '80-directory-admin');
      open.push({ ...a, name: 'admin' });
      const adminPage = a.page;
      await adminPage.getByRole('link', { name: "Annuaire de l'établissement" }).click();
      await expectHeading(adminPage, "Annuaire de l'établissement");
      await adminPage.getByTestId('directory-entries-empty').waitFor();

      // 2. The form checks as one types, with the rules the server applies.
      await adminPage.getByRole('button', { name: 'Nouvelle fiche' }).click();
      const dialog = adminPage.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Nouvelle fiche' }).waitFor();
      await dialog.getByLabel('Prénom').fill('Yves');
      await dialog.getByLabel(/^Nom$/).focus();
      await dialog.getByLabel(/^Nom$/).blur();
      await dialog.getByText('Indiquez le nom et le prénom (personne) ou le nom du service.').waitFor();
      await dialog.getByLabel(/^Adresse principale/).fill('no-reply@cornouaille.liaison.test');
      await dialog.getByLabel(/^Adresse principale/).blur();
      await dialog.getByText(/Les adresses « no-reply » sont refusées/).waitFor();
      await screenshot(adminPage, '81-directory-entry-form-errors');
      await dialog.getByRole('button', { name: 'Annuler' }).click();
      await dialog.waitFor({ state: 'detached' });

      // 3. A file with mistakes: every bad row is listed, nothing can be imported.
      await adminPage.getByRole('tab', { name: 'Importer un fichier' }).click();
      const fileInput = adminPage.locator('input[type="file"]');
      const bad = await writeWorkbook('medecins-avec-erreurs.xlsx', [
        doctors[0]!,
        { ...doctors[1]!, rpps: wrongKey(doctors[1]!.rpps) },
        { ...doctors[2]!, email: 'ne-pas-repondre@cornouaille.liaison.test' },
      ]);
      await fileInput.setInputFiles(bad);
      await adminPage.getByTestId('import-report').waitFor();
      await adminPage.getByTestId('import-blocked').waitFor();
      expect(await count(adminPage, 'errors')).toBe('2');
      const errorRows = adminPage.getByTestId('import-error-row');
      await expect.poll(() => errorRows.count()).toBe(2);
      expect(await errorRows.nth(0).innerText()).toContain('RPPS');
      expect(await adminPage.getByTestId('import-confirm').count()).toBe(0);
      await screenshot(adminPage, '82-directory-import-errors');

      // 4. The corrected file: dry run with its counts and preview, then the import with its progress.
      const good = await writeWorkbook('medecins-cornouaille.xlsx', doctors);
      await fileInput.setInputFiles(good);
      await adminPage.getByTestId('import-confirm').waitFor();
      expect(await count(adminPage, 'create')).toBe('3');
      expect(await count(adminPage, 'errors')).toBe('0');
      const previewRows = adminPage.getByTestId('import-preview-row');
      await expect.poll(() => previewRows.count()).toBe(3);
      expect(await previewRows.nth(1).innerText()).toContain('Pédiatrie');
      await screenshot(adminPage, '83-directory-import-preview');
      await adminPage.getByRole('button', { name: 'Importer 3 fiches' }).click();
      await adminPage.getByTestId('import-done').waitFor({ timeout: 30_000 });
      expect(await adminPage.getByTestId('import-progress-text').innerText()).toBe('3 / 3 lignes traitées');
      expect(await adminPage.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
      await screenshot(adminPage, '84-directory-import-done');

      // 5. The entries wait for a technician.
      await adminPage.getByRole('button', { name: 'Voir les fiches' }).click();
      const entryRows = adminPage.getByTestId('directory-entry-row');
      await expect.poll(() => entryRows.count()).toBe(3);
      for (let i = 0; i < 3; i++) {
        expect(await entryRows.nth(i).getAttribute('data-state')).toBe('pending');
        expect(await entryRows.nth(i).getByTestId('entry-state').innerText()).toBe('En attente');
      }
      await screenshot(adminPage, '85-directory-entries-pending');

      // The LDAP push account: its password is shown once, when issued.
      await adminPage.getByRole('tab', { name: 'Envoi LDAP' }).click();
      await adminPage.getByText('Aucun compte LDAP n’a encore été créé pour cet établissement.').waitFor();
      await adminPage.getByRole('button', { name: 'Créer le compte LDAP' }).click();
      const password = adminPage.getByTestId('ldap-password');
      await password.waitFor();
      expect(await password.locator('code').innerText()).toMatch(/^[\w-]{20,}$/);
      await adminPage.getByRole('button', { name: 'Générer un nouveau mot de passe' }).waitFor();
      await screenshot(adminPage, '85b-directory-ldap');

      // 6. The technician approves two entries and rejects the third with a reason.
      const tech = await signIn(technician, '86-directory-technician');
      open.push({ ...tech, name: 'technician' });
      const techPage = tech.page;
      await techPage.getByRole('link', { name: "Vérification de l'annuaire" }).click();
      await expectHeading(techPage, "Vérification de l'annuaire");
      const cards = techPage.getByTestId('submission-card');
      await expect.poll(() => cards.count()).toBe(3);
      const first = cards.filter({ hasText: 'Lefèvre Hélène' });
      expect(await first.getByTestId('diff-row').filter({ hasText: 'Spécialité' }).innerText()).toContain(
        'Cardiologie',
      );
      await screenshot(techPage, '87-directory-review-queue');
      await techPage.getByRole('button', { name: 'Approuver la fiche de Lefèvre Hélène' }).click();
      await expect.poll(() => cards.count()).toBe(2);
      await techPage.getByRole('button', { name: 'Approuver la fiche de Guéguen Anaël' }).click();
      await expect.poll(() => cards.count()).toBe(1);
      await techPage.getByRole('button', { name: 'Refuser la fiche de Kerbrat Solène' }).click();
      const reject = techPage.getByRole('dialog');
      await reject.getByLabel(/^Motif du refus/).fill(REJECTION);
      await screenshot(techPage, '88-directory-review-reject');
      await reject.getByRole('button', { name: 'Refuser la fiche' }).click();
      await reject.waitFor({ state: 'detached' });
      await techPage.getByTestId('review-empty').waitFor();
      await screenshot(techPage, '89-directory-review-empty');

      // 7. The establishment sees the decisions and the reason.
      await adminPage.getByRole('tab', { name: 'Décisions' }).click();
      // The list may first show what it held before the decisions, then refreshes.
      const decisions = adminPage.getByTestId('submission-row');
      await expect
        .poll(() => decisions.filter({ hasText: 'Kerbrat' }).getAttribute('data-status'))
        .toBe('rejected');
      expect(await decisions.filter({ hasText: 'Kerbrat' }).innerText()).toContain(REJECTION);
      expect(await adminPage.locator('[data-testid="submission-row"][data-status="approved"]').count()).toBe(
        2,
      );
      await screenshot(adminPage, '90-directory-decisions');

      // 8. A change to a published entry stays a proposal; the technician sees published → proposed.
      await adminPage.getByRole('tab', { name: 'Fiches' }).click();
      await adminPage.getByRole('button', { name: 'Modifier la fiche de Lefèvre Hélène' }).click();
      const edit = adminPage.getByRole('dialog');
      expect(await edit.getByLabel(/^Département/).inputValue()).toBe('29');
      await edit.getByLabel(/^Département/).fill('56');
      await edit.getByLabel(/^Groupement/).fill('GHT Union hospitalière de Cornouaille');
      await screenshot(adminPage, '90b-directory-entry-edit');
      await edit.getByRole('button', { name: 'Proposer la modification' }).click();
      await edit.waitFor({ state: 'detached' });
      const lefevreRow = entryRows.filter({ hasText: 'Lefèvre Hélène' });
      await expect.poll(() => lefevreRow.getAttribute('data-pending')).toBe('true');
      expect(await lefevreRow.getByTestId('entry-state').innerText()).toBe('Publiée');
      await techPage.reload();
      await expect.poll(() => cards.count()).toBe(1);
      const change = cards.first();
      await expect
        .poll(() => change.locator('[data-testid="diff-row"][data-changed="true"]').count())
        .toBe(2);
      expect(await change.locator('[data-field="departement"] del').innerText()).toBe('29');
      expect(await change.locator('[data-field="departement"] ins').innerText()).toBe('56');
      await screenshot(techPage, '90c-directory-review-change');
      await techPage.getByRole('button', { name: 'Approuver la fiche de Lefèvre Hélène' }).click();
      await techPage.getByTestId('review-empty').waitFor();

      // 9. A GP types the name without its accent and finds the new cardiologist.
      const doctor = await signIn(gp, '91-directory-gp');
      open.push({ ...doctor, name: 'gp' });
      const gpPage = doctor.page;
      await gpPage.getByRole('link', { name: 'Annuaire', exact: true }).click();
      await expectHeading(gpPage, 'Annuaire');
      await gpPage.getByTestId('directory-hint').waitFor();
      await gpPage.getByRole('searchbox', { name: 'Rechercher' }).fill('lefevre');
      const result = gpPage.getByTestId('directory-result').filter({ hasText: 'Lefèvre Hélène' });
      await result.waitFor();
      expect(await result.getByTestId('result-practice').innerText()).toContain(
        'Cardiologie et Maladies vasculaires',
      );
      expect(await result.getByTestId('entry-mailbox').first().innerText()).toBe(doctors[0]!.email);
      expect(await result.innerText()).toContain(`${ESTABLISHMENT} (56)`);
      expect(gpPage.url()).toContain('q=lefevre');
      await screenshot(gpPage, '92-directory-search');

      // The same search as a spreadsheet, with the session's rights.
      const csvHref = await gpPage.getByRole('link', { name: 'Exporter (CSV)' }).getAttribute('href');
      expect(csvHref).toBe('/api/directory/export.csv?q=lefevre');
      const csv = await gpPage.request.get(csvHref ?? '');
      expect(csv.ok()).toBe(true);
      expect(await csv.text()).toContain(doctors[0]!.email);

      // The rejected doctor is not published.
      await gpPage.getByRole('searchbox', { name: 'Rechercher' }).fill('kerbrat');
      await gpPage.getByTestId('directory-empty').waitFor();

      // A specialty alone lists its doctors (labels in French, typed without accents).
      await gpPage.getByRole('button', { name: 'Effacer les filtres' }).click();
      await gpPage.getByTestId('directory-hint').waitFor();
      await choose(gpPage, 'Spécialité', 'pediat', 'Pédiatrie');
      await gpPage.getByTestId('directory-result').filter({ hasText: 'Guéguen Anaël' }).waitFor();
      expect(await gpPage.getByTestId('directory-total').innerText()).toBe('1 résultat');
      await gpPage.getByRole('button', { name: 'Effacer les filtres' }).click();

      // 10. Kept in the address book, then opened: every field and the certificates section.
      await gpPage.getByRole('searchbox', { name: 'Rechercher' }).fill('gueguen');
      const paediatrician = gpPage.getByTestId('directory-result').filter({ hasText: 'Guéguen Anaël' });
      await paediatrician.waitFor();
      await paediatrician.getByRole('button', { name: "Ajouter Guéguen Anaël au carnet d'adresses" }).click();
      await paediatrician.getByTestId('in-book').waitFor();
      await paediatrician.getByTestId('result-name').click();
      await expectHeading(gpPage, 'Guéguen Anaël');
      expect(await gpPage.getByTestId('entry-specialty').innerText()).toBe('Pédiatrie');
      await gpPage.getByTestId('entry-no-certificates').waitFor();
      await screenshot(gpPage, '93-directory-entry');
      await gpPage.getByRole('link', { name: "Carnet d'adresses" }).click();
      await expectHeading(gpPage, "Carnet d'adresses");
      await gpPage.getByTestId('book-item').filter({ hasText: 'Guéguen Anaël' }).waitFor();
      const vcard = await gpPage.request.get('/api/address-book.vcf');
      expect(await vcard.text()).toContain('anael.gueguen@cornouaille.liaison.test');
      await screenshot(gpPage, '94-directory-address-book');

      // 11. On a phone, the search still reads well.
      await gpPage.setViewportSize({ width: 390, height: 844 });
      await gpPage.goto('/directory?q=lefevre');
      await gpPage.getByTestId('directory-result').first().waitFor();
      await screenshot(gpPage, '95-directory-search-mobile');

      // 12. Without an account the published directory is open too, in English as well.
      const visitor = await stack.newPage();
      open.push({ ...visitor, name: 'visitor' });
      await visitor.page.goto('/directory?q=lefevre');
      await expectHeading(visitor.page, 'Annuaire');
      const seen = visitor.page.getByTestId('directory-result').filter({ hasText: 'Lefèvre Hélène' });
      await seen.waitFor();
      expect(await seen.getByRole('button').count()).toBe(0);
      await visitor.page.getByText('English', { exact: true }).click();
      await visitor.page.getByRole('heading', { name: '1 result', level: 2 }).waitFor();
      await screenshot(visitor.page, '96-directory-search-visitor-english');
    } catch (error) {
      for (const { page, name } of open) {
        await screenshot(page, `failure-directory-${name}`).catch(() => undefined);
      }
      throw failure(error);
    } finally {
      for (const { context } of open) await context.close();
    }
  }, 300_000);
});
