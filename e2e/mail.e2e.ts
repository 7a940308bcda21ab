import { randomNir, randomRpps } from '@liaison/core/synthetic/index';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import {
  CRYPTO_TIMEOUT,
  openMail,
  registerApprovedProfessional,
  signInWithNewKeys,
  writeTinyPdf,
  type Professional,
} from './support/mail.ts';
import { startStack, type Stack } from './support/stack.ts';
import { expectHeading, submitPassword } from './support/steps.ts';
import { totpCode } from './support/totp.ts';

let stack: Stack;

const hospitalDoctor: Professional = {
  email: 'claire.morvan@chbs.liaison.test',
  password: 'cardiologue du centre hospitalier',
  firstName: 'Claire',
  lastName: 'Morvan',
  rpps: randomRpps(),
  specialty: 'SM04',
};
const gp: Professional = {
  email: 'yann.le-bihan@cabinet.liaison.test',
  password: 'medecin generaliste a Lorient',
  firstName: 'Yann',
  lastName: 'Le Bihan',
  rpps: randomRpps(),
  specialty: 'SM54',
};
const passphrase = 'goeland phare maree bruine';

// The patient: a valid NIR consistent with her sex and birth month (key = 97 − body mod 97).
const patient = {
  lastName: 'Guillou',
  firstName: 'Annick',
  /** Typed as a French doctor types it. */
  birthDate: '23/07/1951',
  nir: randomNir(undefined, { sex: 'F', year: 1951, month: 7 }),
  fileNumber: 'HDJ-2026-04417',
};
const subject = 'Compte rendu d’hospitalisation – cardiologie';
const letterBody = [
  'Cher confrère,',
  '',
  'Votre patiente a été hospitalisée du 2 au 6 mai pour une décompensation cardiaque.',
  'Bonne évolution sous diurétiques. Surveillance de la kaliémie et de la créatinine à J7.',
  '',
  'Bien confraternellement,',
  'Dr Claire Morvan',
  '****LAB****',
  'RES|Hémoglobine|HB|N|12,9|g/dL|12|16|N|F',
  'RES|Potassium|K|N|5,9|mmol/L|3,5|5,0|H|F',
  'RES|Créatinine|CREA|N|168|µmol/L|45|90|HH|F',
  'RES|Sodium|NA|N|133|mmol/L|136|145|L|F',
].join('\n');

function failure(error: unknown): Error {
  return new Error(`${String(error)}\n--- server output ---\n${stack.server.output().slice(-4000)}`, {
    cause: error,
  });
}

/** The one row of a list whose subject reads `text`. */
function rowWithSubject(page: Page, text: string | RegExp) {
  return page
    .getByTestId('mail-row')
    .filter({ has: page.getByTestId('mail-subject').filter({ hasText: text }) });
}

beforeAll(async () => {
  // Mailboxes in a dotted domain, as on a real instance (the CSR builder refuses "x@localhost").
  stack = await startStack({ LIAISON_MAIL_DOMAIN: 'liaison.test' });
  hospitalDoctor.organisationId = await stack.createOrganisation('Centre hospitalier Bretagne Sud');
  await registerApprovedProfessional(stack, hospitalDoctor);
  await registerApprovedProfessional(stack, gp);
});

afterAll(async () => {
  await stack?.stop();
});

describe('secure mail in the browser', () => {
  it('sends a signed, encrypted patient letter with lab results and a PDF; the GP reads it and replies', async () => {
    let doctor: { context: BrowserContext; page: Page } | undefined;
    let doctorGp: Awaited<ReturnType<typeof signInWithNewKeys>> | undefined;
    let noKeys: { context: BrowserContext; page: Page } | undefined;
    try {
      // 1. Each professional signs in for the first time and makes their keys in their own browser.
      doctor = await signInWithNewKeys(stack, hospitalDoctor, passphrase, '60-mail-hospital');
      doctorGp = await signInWithNewKeys(stack, gp, passphrase, '61-mail-gp');
      const a = doctor.page;
      const b = doctorGp.page;

      // 2. The GP's inbox, empty for now, stays open (no reload from here on).
      await openMail(b);
      await b.getByTestId('mail-empty').waitFor();
      await screenshot(b, '62-mail-gp-inbox-empty');

      // 3. The hospital doctor writes the letter.
      await openMail(a);
      await a.getByTestId('mail-compose').click();
      await expectHeading(a, 'Nouveau message');
      const to = a.getByRole('textbox', { name: 'À' });
      await to.fill('Bihan');
      await a.getByRole('option', { name: /Yann Le Bihan/ }).click();
      await a.getByTestId('recipient-chip').filter({ hasText: 'Yann Le Bihan' }).waitFor();
      await a.getByLabel(/^Objet/).fill(subject);
      expect(await a.getByRole('radio', { name: 'Lettre concernant un patient' }).isChecked()).toBe(true);
      await a.getByLabel(/^Nom/).first().fill(patient.lastName);
      await a.getByLabel(/^Prénom/).fill(patient.firstName);
      await a.getByLabel(/^Date de naissance/).fill(patient.birthDate);
      // A NIR with a wrong key is refused as soon as its 15 characters are in.
      const wrongKey = String((Number(patient.nir.slice(13)) % 97) + 1).padStart(2, '0');
      const nirInput = a.getByLabel(/^NIR/);
      await nirInput.fill(`${patient.nir.slice(0, 13)} ${wrongKey}`);
      await a.getByText('La clé ne correspond pas aux 13 premiers chiffres').waitFor();
      await screenshot(a, '63-mail-compose-nir-key-error');
      await nirInput.fill(`${patient.nir.slice(0, 13)} ${patient.nir.slice(13)}`);
      await a.getByTestId('nir-ok').waitFor();
      await a.getByLabel(/^N° de dossier/).fill(patient.fileNumber);
      await a.getByLabel(/^Texte du courrier/).fill(letterBody);
      await a.getByTestId('compose-lab-detected').waitFor();
      expect(await a.getByTestId('compose-lab-detected').innerText()).toContain('4 résultats');
      const pdf = await writeTinyPdf('compte-rendu-hospitalisation.pdf');
      await a.locator('input[type="file"]').setInputFiles(pdf);
      await a
        .getByTestId('compose-attachment')
        .filter({ hasText: 'compte-rendu-hospitalisation.pdf' })
        .waitFor();
      await screenshot(a, '64-mail-compose-filled');

      // 4. Sent: sealed in the browser, then the Sent view shows it, delivered to nobody yet.
      await a.getByTestId('compose-send').click();
      await a.waitForURL(/\/mail\?.*view=sent/, { timeout: CRYPTO_TIMEOUT });
      const sentRow = rowWithSubject(a, subject);
      await sentRow.waitFor({ timeout: CRYPTO_TIMEOUT });
      expect(await sentRow.getByTestId('mail-patient').innerText()).toContain('GUILLOU Annick');
      await screenshot(a, '65-mail-sent');

      // 5. It appears in the GP's inbox without a reload (WebSocket), unread, decrypted on the GP's device.
      const inboxRow = rowWithSubject(b, subject);
      await inboxRow.waitFor({ timeout: 30_000 });
      expect(await inboxRow.getAttribute('data-unread')).toBe('true');
      await expect.poll(() => inboxRow.getByTestId('mail-patient').innerText()).toContain('GUILLOU Annick');
      expect(await inboxRow.getByTestId('mail-patient').innerText()).toContain('23/07/1951');
      expect(await inboxRow.getByTestId('mail-attachments').getAttribute('aria-label')).toBe(
        '1 pièce jointe',
      );
      expect(await inboxRow.getByTestId('mail-preview').innerText()).toContain('Cher confrère');
      await b.getByTestId('mail-nav-unread').waitFor();
      await screenshot(b, '66-mail-gp-inbox-new-letter');

      // 6. The GP opens it: signature verified, patient banner, lab table, the PDF.
      await inboxRow.getByTestId('mail-subject').click();
      const status = b.getByTestId('signature-status');
      await status.waitFor({ timeout: CRYPTO_TIMEOUT });
      expect(await status.getAttribute('data-status')).toBe('verified');
      expect(await status.innerText()).toContain('Claire MORVAN');
      expect(await status.innerText()).toContain(`RPPS ${hospitalDoctor.rpps}`);
      expect(await b.getByTestId('patient-name').innerText()).toBe('GUILLOU Annick');
      expect(await b.getByTestId('patient-birth-date').innerText()).toContain('23/07/1951');
      expect((await b.getByTestId('patient-nir').innerText()).replace(/\s/g, '')).toBe(patient.nir);
      expect(await b.getByTestId('patient-file-number').innerText()).toBe(patient.fileNumber);
      const labRows = b.getByTestId('lab-row');
      await expect.poll(() => labRows.count()).toBe(4);
      const potassium = labRows.filter({ hasText: 'Potassium' });
      expect(await potassium.getAttribute('data-abnormal')).toBe('true');
      expect(await potassium.getByTestId('lab-flag').innerText()).toContain('Élevé');
      expect(await potassium.getByTestId('lab-value').innerText()).toBe('5,9');
      const creatinine = labRows.filter({ hasText: 'Créatinine' });
      expect(await creatinine.getByTestId('lab-flag').getAttribute('data-level')).toBe('veryHigh');
      expect(await labRows.filter({ hasText: 'Hémoglobine' }).getAttribute('data-abnormal')).toBe('false');
      expect(await b.getByTestId('lab-abnormal-count').innerText()).toContain('3 résultats');
      expect(await b.getByTestId('message-text').innerText()).toContain('décompensation cardiaque');
      expect(await b.getByTestId('attachment-name').innerText()).toBe('compte-rendu-hospitalisation.pdf');
      const download = b.waitForEvent('download');
      await b.getByRole('link', { name: /^Télécharger compte-rendu-hospitalisation\.pdf/ }).click();
      const downloaded = await download;
      expect(downloaded.suggestedFilename()).toBe('compte-rendu-hospitalisation.pdf');
      await screenshot(b, '67-mail-gp-message');
      const messageUrl = b.url();

      // 7. The hospital doctor sees "Lu" on the sent letter, live.
      const readBadge = sentRow.getByTestId('delivery').filter({ hasText: 'Yann Le Bihan' });
      await expect.poll(() => readBadge.getAttribute('data-state'), { timeout: 30_000 }).toBe('read');
      await screenshot(a, '68-mail-sent-read');

      // 8. Forwarding keeps the patient, the lab results (as a LAB section) and the PDF.
      await b.getByRole('link', { name: 'Transférer' }).click();
      await expectHeading(b, 'Transférer');
      expect(await b.getByLabel(/^Objet/).inputValue()).toBe(`TR : ${subject}`);
      expect(await b.getByLabel(/^Date de naissance/).inputValue()).toBe(patient.birthDate);
      await b.getByTestId('compose-lab-detected').waitFor();
      expect(await b.getByTestId('compose-lab-detected').innerText()).toContain('4 résultats');
      await b
        .getByTestId('compose-attachment')
        .filter({ hasText: 'compte-rendu-hospitalisation.pdf' })
        .waitFor();
      expect(await b.getByLabel(/^Texte du courrier/).inputValue()).toContain('Message transféré');
      await screenshot(b, '68b-mail-gp-forward-draft');
      await b.goBack();
      await b.getByTestId('signature-status').waitFor();

      // 9. The GP replies: recipient, subject and patient come prefilled.
      await b.getByRole('link', { name: 'Répondre' }).click();
      await expectHeading(b, 'Répondre');
      await b.getByTestId('recipient-chip').filter({ hasText: 'Claire Morvan' }).waitFor();
      expect(await b.getByLabel(/^Objet/).inputValue()).toBe(`RE : ${subject}`);
      expect(await b.getByLabel(/^Nom/).first().inputValue()).toBe(patient.lastName);
      const reply = b.getByLabel(/^Texte du courrier/);
      const quoted = await reply.inputValue();
      expect(quoted).toContain('> Votre patiente a été hospitalisée');
      expect(quoted).toMatch(
        /Le \d{1,2} \p{L}+ \d{4} à \d{2}:\d{2}, Claire MORVAN <claire\.morvan@liaison\.test> a écrit :/u,
      );
      await reply.fill(
        `Merci pour ce compte rendu, je revois Mme Guillou lundi avec un ionogramme.\n${quoted}`,
      );
      await screenshot(b, '69-mail-gp-reply');
      await b.getByTestId('compose-send').click();
      await b.waitForURL(/\/mail\?.*view=sent/, { timeout: CRYPTO_TIMEOUT });
      await rowWithSubject(b, `RE : ${subject}`).waitFor({ timeout: CRYPTO_TIMEOUT });

      // 10. The reply reaches the hospital doctor's inbox; she opens it.
      await a.getByRole('tab', { name: /^Réception/ }).click();
      const replyRow = rowWithSubject(a, `RE : ${subject}`);
      await replyRow.waitFor({ timeout: 30_000 });
      expect(await replyRow.getAttribute('data-unread')).toBe('true');
      await screenshot(a, '70-mail-hospital-inbox-reply');
      await replyRow.getByTestId('mail-subject').click();
      await a.getByTestId('signature-status').waitFor({ timeout: CRYPTO_TIMEOUT });
      expect(await a.getByTestId('signature-status').getAttribute('data-status')).toBe('verified');
      expect(await a.getByTestId('patient-name').innerText()).toBe('GUILLOU Annick');
      await screenshot(a, '71-mail-hospital-reads-reply');

      // 11. The same screen in English, for the translation; then back to French.
      await a.getByText('English', { exact: true }).click();
      await a.getByText('Signature verified').waitFor();
      await screenshot(a, '72-mail-message-english');
      await a.getByText('Français', { exact: true }).click();
      await a.getByText('Signature vérifiée').waitFor();

      // 12. Archived, the reply leaves the inbox for the Archives.
      await a.getByRole('button', { name: 'Archiver' }).click();
      await a.waitForURL(/view=inbox/);
      await expect.poll(() => rowWithSubject(a, `RE : ${subject}`).count()).toBe(0);
      await a.getByRole('tab', { name: 'Archives' }).click();
      await rowWithSubject(a, `RE : ${subject}`).waitFor();
      await screenshot(a, '73-mail-archives');

      // 13. On a phone-sized screen, the GP's letter still reads well, the verdict next to each value.
      await b.setViewportSize({ width: 390, height: 844 });
      await b.goto(messageUrl);
      await b.getByTestId('signature-status').waitFor({ timeout: CRYPTO_TIMEOUT });
      expect(await potassium.getByTestId('lab-flag-compact').isVisible()).toBe(true);
      await screenshot(b, '74-mail-gp-message-mobile');
      await b.getByRole('link', { name: /Retour à la réception/ }).click();
      await rowWithSubject(b, subject).waitFor();
      await screenshot(b, '74b-mail-gp-inbox-mobile');

      // 14. A browser without the GP's keys lists the letters but cannot read or send them, and says why.
      noKeys = await stack.newPage();
      const c = noKeys.page;
      await submitPassword(c, gp);
      await expectHeading(c, 'Vérification en deux étapes');
      const { code } = await totpCode(doctorGp.totp.secret, doctorGp.totp.step);
      await c.getByLabel('Code de vérification').fill(code);
      await c.getByRole('button', { name: 'Valider' }).click();
      await c.waitForURL('**/account');
      await openMail(c);
      const notice = c.getByTestId('mail-keys-notice');
      await notice.waitFor();
      expect(await notice.innerText()).toContain('Vos clés ne sont pas installées sur ce navigateur');
      await notice.getByRole('link', { name: 'Installer mes clés sur ce navigateur' }).waitFor();
      await rowWithSubject(c, /Ouvrir le message/)
        .first()
        .getByTestId('mail-summary-error')
        .waitFor();
      await screenshot(c, '75-mail-no-keys-inbox');
      await c.getByTestId('mail-compose').click();
      await expectHeading(c, 'Nouveau message');
      await c.getByTestId('mail-keys-notice').waitFor();
      expect(await c.getByTestId('compose-send').isDisabled()).toBe(true);
      await screenshot(c, '76-mail-no-keys-compose');
    } catch (error) {
      if (doctor) await screenshot(doctor.page, 'failure-mail-hospital').catch(() => undefined);
      if (doctorGp) await screenshot(doctorGp.page, 'failure-mail-gp').catch(() => undefined);
      if (noKeys) await screenshot(noKeys.page, 'failure-mail-no-keys').catch(() => undefined);
      throw failure(error);
    } finally {
      await doctor?.context.close();
      await doctorGp?.context.close();
      await noKeys?.context.close();
    }
  }, 300_000);
});
