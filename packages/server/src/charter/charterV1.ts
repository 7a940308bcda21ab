/**
 * Usage charter, version 1: the text every instance starts with (migration 009 stores it in
 * `charter_versions`). Articles are numbered because refusals cite them (a no-reply address cites
 * article 4, bulk mail article 5). Later versions are published by a platform admin and live in the
 * database only; acceptance records the number.
 */
export const CHARTER_V1 = {
  version: 1,
  fr: {
    title: "Charte d'utilisation de Liaison — version 1",
    text: `Article 1 — Objet. Liaison sert aux échanges entre professionnels de santé pour la prise en charge de patients : courriers, résultats, messages instantanés et télé-expertise.

Article 2 — Identité. Chaque compte appartient à une personne ou à une structure dont l'identité a été vérifiée. Vous ne prêtez ni votre compte ni vos codes.

Article 3 — Secret médical. Les contenus sont chiffrés de bout en bout. Vous ne transmettez que ce qui est utile à la prise en charge, aux seuls destinataires concernés.

Article 4 — Adresses joignables. Toute adresse doit pouvoir recevoir une réponse : les adresses du type « ne-pas-répondre » ou « no-reply » sont refusées.

Article 5 — Pas d'envois de masse. Liaison n'est pas un outil de diffusion : annonces, invitations, départs en retraite ou enquêtes ne sont pas envoyés à des listes de confrères. Les envois à de nombreux destinataires peuvent être retenus pour vérification.

Article 6 — Format des courriers. Un courrier concernant un patient porte un en-tête HPRIM (nom, prénom, date de naissance) et un texte lisible, afin d'être classé automatiquement dans le dossier du patient.

Article 7 — Annuaire. Les établissements tiennent leurs entrées d'annuaire à jour ; chaque entrée est vérifiée avant publication.

Article 8 — Sécurité. Vous protégez vos appareils, votre mot de passe et votre second facteur, et signalez sans délai toute perte ou compromission.

Article 9 — Traçabilité. Les actions sensibles sont journalisées dans un journal d'audit infalsifiable, consultable par les responsables habilités.`,
  },
  en: {
    title: 'Liaison usage charter — version 1',
    text: `Article 1 — Purpose. Liaison carries exchanges between health professionals about the care of patients: letters, results, instant messages and tele-expertise.

Article 2 — Identity. Every account belongs to a person or an organisation whose identity has been verified. Do not lend your account or your codes.

Article 3 — Medical confidentiality. Content is end-to-end encrypted. Send only what care requires, to the people concerned.

Article 4 — Answerable addresses. Every address must accept replies: "no-reply" style addresses are refused.

Article 5 — No bulk mail. Liaison is not a broadcasting tool: announcements, invitations, retirements or surveys are not sent to lists of colleagues. Messages to many recipients may be held for review.

Article 6 — Letter format. A letter about a patient carries an HPRIM header (surname, first name, birth date) and readable text, so that it files itself into the patient's record.

Article 7 — Directory. Establishments keep their directory entries current; every entry is checked before it is published.

Article 8 — Security. Protect your devices, your password and your second factor, and report any loss or compromise at once.

Article 9 — Traceability. Sensitive actions are recorded in a tamper-evident audit log that authorised officers can read.`,
  },
} as const;
