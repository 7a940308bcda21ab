/** One sentence per stable error code (server and device crypto). */
export const errorsFr = {
  fallback: 'Une erreur est survenue : {{message}}',
  server: 'Le serveur rencontre un problème. Réessayez dans quelques instants.',
  NETWORK_ERROR: 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.',
  BAD_RESPONSE: 'Le serveur a renvoyé une réponse inattendue. Réessayez ou contactez le support.',
  VALIDATION_FAILED: 'Certaines informations sont invalides. Vérifiez le formulaire.',
  MALFORMED_JSON: 'La requête envoyée est mal formée. Rechargez la page et réessayez.',
  UNSUPPORTED_MEDIA_TYPE: "Ce type de contenu n'est pas accepté.",
  BODY_TOO_LARGE: 'Les données envoyées sont trop volumineuses.',
  INVALID_IDENTIFIER: 'Identifiant invalide (RPPS, ADELI ou FINESS) : vérifiez le numéro saisi.',
  UNKNOWN_CODE: 'Cette valeur ne figure pas dans la nomenclature de référence.',
  NO_REPLY_FORBIDDEN:
    'Les adresses « no-reply » ne sont pas acceptées : une adresse doit pouvoir recevoir des réponses.',
  CHARTER_NOT_ACCEPTED: "La charte d'utilisation en vigueur doit être acceptée. Relisez-la puis acceptez-la.",
  NOT_AUTHENTICATED: 'Vous devez vous connecter.',
  SESSION_EXPIRED: 'Votre session a expiré. Reconnectez-vous.',
  SECOND_FACTOR_REQUIRED: 'Le code de double authentification est requis.',
  INVALID_CREDENTIALS: 'Adresse e-mail ou mot de passe incorrect.',
  INVALID_TOTP: 'Code incorrect ou expiré. Saisissez le code actuellement affiché.',
  ACCOUNT_LOCKED: 'Trop de tentatives échouées : le compte est bloqué pour un moment.',
  ACCOUNT_PENDING: "Votre compte n'a pas encore été validé par un technicien.",
  ACCOUNT_REJECTED: "Votre demande d'accès a été refusée.",
  ACCOUNT_DISABLED: 'Ce compte est désactivé. Contactez le support.',
  FORBIDDEN: "Vous n'êtes pas autorisé(e) à effectuer cette action.",
  OUTSIDE_ESTABLISHMENT: 'Vous ne pouvez agir que sur votre propre établissement.',
  TOKEN_INVALID: 'Ce lien est invalide, déjà utilisé ou expiré.',
  SETUP_DONE: 'Cette plateforme a déjà un administrateur.',
  NOT_FOUND: "L'élément demandé n'existe pas.",
  USER_NOT_FOUND: 'Utilisateur introuvable.',
  ORGANISATION_NOT_FOUND: 'Établissement introuvable.',
  REGISTRATION_NOT_FOUND: 'Demande introuvable.',
  MAILBOX_NOT_FOUND: 'Boîte aux lettres introuvable.',
  EMAIL_TAKEN: 'Un compte existe déjà avec cette adresse e-mail.',
  ADDRESS_TAKEN: 'Cette adresse de boîte aux lettres est déjà prise.',
  FINESS_TAKEN: 'Un établissement existe déjà avec ce numéro FINESS.',
  FINESS_REQUIRED:
    'Cet établissement n’a pas encore de numéro FINESS : renseignez-le d’abord (l’annuaire LDAP nomme les établissements par leur FINESS).',
  NATIONAL_ID_TAKEN: 'Ce numéro RPPS/ADELI est déjà utilisé par un autre compte.',
  ALREADY_DECIDED: 'Cette demande a déjà été traitée.',
  TOTP_ALREADY_ENABLED: 'La double authentification est déjà activée sur ce compte.',
  TOTP_NOT_ENROLLED: "Commencez par l'étape d'enrôlement (QR code).",
  RATE_LIMITED: 'Trop de requêtes. Patientez un peu avant de réessayer.',
  INTERNAL: 'Erreur interne du serveur. Réessayez plus tard.',
  CSR_INVALID: 'La demande de certificat (CSR PKCS#10) est illisible.',
  CSR_SIGNATURE_INVALID:
    "La demande de certificat n'est pas signée par sa propre clé (pas de preuve de possession).",
  WEAK_KEY: 'Clé trop faible : une clé RSA d’au moins 3072 bits est exigée.',
  CSR_IDENTITY_MISMATCH: "La demande de certificat ne correspond pas à l'identité vérifiée.",
  CERT_NOT_FOUND: 'Certificat introuvable.',
  ALREADY_REVOKED: 'Ce certificat est déjà révoqué.',
  DEVICE_REQUIRED:
    "Enregistrez d'abord cet appareil : les opérations sur les clés exigent un appareil enrôlé.",
  DEVICE_NOT_APPROVED:
    "Cet appareil attend son approbation : saisissez son code sur l'un de vos appareils enrôlés.",
  DEVICE_REVOKED: 'Cet appareil a été révoqué.',
  DEVICE_NOT_FOUND: 'Appareil introuvable.',
  DEVICE_NOT_PENDING: "Cet appareil n'attend pas d'approbation.",
  DEVICE_CODE_INVALID: "Aucun de vos appareils n'attend avec ce code (ou il a expiré).",
  BACKUP_NOT_FOUND: "Aucune sauvegarde de clés n'a encore été enregistrée.",
  BACKUP_CONFLICT: 'La sauvegarde de clés a changé entre-temps : rechargez-la avant d’enregistrer.',
  ENVELOPE_INVALID: "La clé chiffrée de la boîte partagée n'est pas lisible (CMS attendu).",
  ENVELOPE_WRONG_RECIPIENT:
    "Une clé chiffrée n'est pas adressée au certificat de chiffrement actuel de ce membre.",
  WRAPS_INCOMPLETE: 'La nouvelle clé de la boîte doit être chiffrée pour chaque membre, et seulement eux.',
  NO_ENCRYPTION_CERTIFICATE: "Cette personne n'a pas encore de certificat de chiffrement.",
  NOT_A_MEMBER: "Vous n'êtes ni titulaire ni délégué de cette boîte aux lettres.",
  ALREADY_MEMBER: 'Cette personne est déjà membre de la boîte aux lettres.',
  LAST_OWNER: 'Une boîte partagée garde au moins un titulaire.',
  // Raised in this browser by the crypto core (packages/core/src/crypto/errors.ts), same codes.
  CRYPTO_UNAVAILABLE:
    'Ce navigateur ne permet pas la cryptographie ici : une connexion sécurisée (https) est nécessaire.',
  KEY_MALFORMED: "La clé n'est pas lisible (PKCS#8, SPKI ou PEM attendu).",
  CERT_MALFORMED: "Le certificat n'est pas un certificat X.509 valide.",
  CSR_MALFORMED: "La demande de certificat n'a pas pu être construite (identité incomplète ?).",
  MIME_MALFORMED: "Le message (MIME) n'est pas valide.",
  CMS_MALFORMED: "La structure S/MIME (CMS) du message n'est pas valide.",
  UNSUPPORTED_ALGORITHM: 'Le message utilise un algorithme que Liaison n’accepte pas.',
  KEY_CERT_MISMATCH: 'La clé privée ne correspond pas au certificat.',
  NOT_A_RECIPIENT: "Ce message n'est pas chiffré pour votre certificat.",
  DECRYPT_FAILED: "Le message n'a pas pu être déchiffré (endommagé ou mauvaise clé).",
  NOT_SIGNED: "Le message n'est pas signé.",
  SIGNATURE_INVALID: 'La signature ne correspond pas au contenu : le message a pu être modifié.',
  SIGNING_TIME_INVALID: "L'heure de signature est absente, illisible ou dans le futur.",
  CERT_UNTRUSTED: "Le certificat du signataire n'est pas émis par une autorité de confiance.",
  CERT_EXPIRED_AT_SIGNING: "Le certificat du signataire n'était pas valide au moment de la signature.",
  CERT_WRONG_USAGE: "Le certificat n'est pas prévu pour cet usage.",
  CERT_REVOKED: 'Le certificat du signataire avait été révoqué avant la signature.',
  CERT_SUPERSEDED: 'Le certificat du signataire avait déjà été remplacé au moment de la signature.',
  SIGNER_NOT_ALLOWED: "Le signataire n'était pas autorisé à signer pour cette boîte à ce moment-là.",
  BACKUP_WRONG_PASSPHRASE:
    'Phrase de passe incorrecte : la sauvegarde ne s’ouvre pas. Vérifiez les majuscules, les accents et les espaces.',
  BACKUP_MALFORMED: "La sauvegarde de clés n'est pas un fichier PKCS#12 valide.",
  BACKUP_WEAK_PARAMETERS: 'Les paramètres de la sauvegarde de clés sont trop faibles ou déraisonnables.',
  MESSAGE_ID_CONFLICT:
    'Un autre message a déjà été envoyé avec cet identifiant : recommencez l’envoi depuis un nouveau brouillon.',
  MESSAGE_NOT_FOUND: 'Ce message n’existe pas dans cette boîte (ou il a été supprimé).',
  RECIPIENT_UNKNOWN: 'Aucune boîte vérifiée n’a cette adresse : vérifiez-la dans l’annuaire.',
  RECIPIENT_NO_CERTIFICATE:
    'Ce destinataire n’a pas encore de certificat de chiffrement : il ne peut rien recevoir pour l’instant.',
  RECIPIENT_DUPLICATE: 'La même adresse figure deux fois parmi les destinataires.',
  ATTACHMENTS_REFUSED:
    'Un destinataire n’accepte pas les pièces jointes : retirez-les ou retirez ce destinataire.',
  MESSAGE_TOO_LARGE: 'Le message dépasse la taille acceptée par le serveur.',
  BLOB_SIZE_MISMATCH: 'Le message chiffré ne correspond pas aux tailles annoncées.',
  BLOB_NOT_ENVELOPED: 'Le message ou son résumé n’est pas chiffré au format CMS attendu.',
  BLOB_RECIPIENTS_MISMATCH:
    'Le message n’est pas chiffré pour le certificat actuel de chaque destinataire et de l’expéditeur.',
  SENDER_CERTIFICATE_INVALID:
    'Vous n’avez pas de certificat de signature valide (révoqué ou absent) : renouvelez-le avant d’envoyer.',
  FILE_FORMAT_UNSUPPORTED:
    'Ce format de fichier n’est pas accepté : enregistrez-le au format Excel (.xlsx) ou CSV (les anciens .xls ne sont pas lus).',
  FILE_ENCODING_UNKNOWN:
    'Le fichier n’est pas un texte lisible (ni UTF-8 ni Windows-1252) : enregistrez-le en « CSV UTF-8 ».',
  FILE_COLUMNS_MISSING:
    'Des colonnes obligatoires manquent dans l’en-tête : nom (ou service), spécialité et adresse e-mail.',
  FILE_EMPTY: 'Le fichier ne contient aucune ligne de données.',
  FILE_TOO_LARGE: 'Le fichier est trop volumineux : découpez-le en plusieurs fichiers.',
  LETTER_MALFORMED: 'Le courrier n’est pas lisible (format MIME invalide).',
  LETTER_MISMATCH:
    'Le courrier signé indique un expéditeur ou des destinataires différents de ceux de l’envoi : il a pu être détourné.',
  SUMMARY_TOO_LARGE: 'Le résumé du message dépasse 4 Ko.',
  DIRECTORY_ENTRY_INVALID: 'La fiche d’annuaire n’est pas valide (voir le détail de chaque champ).',
  ENTRY_NOT_FOUND: 'Fiche d’annuaire introuvable.',
  ENTRY_EXISTS: 'Votre établissement a déjà une fiche avec cette adresse : modifiez-la plutôt.',
  ENTRY_RETIRED: 'Cette fiche d’annuaire a été retirée.',
  SUBMISSION_NOT_FOUND: 'Demande de publication introuvable.',
  SUBMISSION_DECIDED: 'Cette demande a déjà été traitée ou remplacée par une plus récente.',
  NO_CHANGE: 'Rien ne diffère de ce qui est publié.',
  NOT_IN_ADDRESS_BOOK: 'Ce correspondant n’est pas dans le carnet d’adresses.',
  ALREADY_IN_ADDRESS_BOOK: 'Ce correspondant est déjà dans le carnet d’adresses.',
  DIRECTORY_IMPORT_INVALID:
    'Le fichier contient des lignes impossibles à importer : rien n’a été importé (voir le détail ligne par ligne).',
  PATIENT_COUNT_INVALID:
    'Un message d’information ne concerne aucun patient, et un courrier patient au moins un : vérifiez la catégorie déclarée.',
  HOLD_NOT_FOUND: 'Ce message retenu est introuvable (il a peut-être déjà été traité).',
  HOLD_ALREADY_DECIDED:
    'Ce message a déjà été distribué ou refusé par un autre technicien : la liste a été mise à jour.',
  REJECT_REASON_REQUIRED:
    'Indiquez le motif du refus : l’expéditeur le lira, avec ce qu’il peut faire à la place.',
  CHARTER_INVALID: 'Le texte de la charte n’est pas valide (articles numérotés 1, 2, 3… attendus).',
  CHARTER_VERSION_STALE:
    'Une nouvelle version de la charte vient d’être publiée : elle s’affiche à la place de la précédente. Lisez-la puis acceptez-la.',
  STATS_PERIOD_INVALID:
    'La période n’est pas valide : indiquez deux dates, la première au plus tard le jour de la seconde.',
  STATS_PERIOD_TOO_LONG: 'La période est trop longue : trois ans au plus (1\u00a0096 jours).',
  STATUS_EVENT_NOT_FOUND: 'Cet incident ou cette maintenance est introuvable.',
  STATUS_EVENT_INVALID: 'La fin d’un incident ou d’une maintenance ne peut pas précéder son début.',
  CHAT_NOT_MEMBER: 'Cette conversation est introuvable parmi les vôtres.',
  CHAT_MEMBER_NOT_ELIGIBLE:
    'Seuls les utilisateurs vérifiés, actifs et munis d’un certificat de chiffrement peuvent rejoindre une conversation.',
  CHAT_ADMIN_REQUIRED: 'Seul un administrateur du groupe peut faire cela.',
  CHAT_DIRECT_FIXED: 'Une conversation à deux garde ses deux membres et n’a pas de nom.',
  CHAT_MESSAGE_CONFLICT: 'Un autre message a déjà été envoyé avec cet identifiant.',
  CHAT_MESSAGE_TOO_LARGE: 'Le message est trop long pour ce serveur.',
  CHAT_PHOTO_TOO_LARGE: 'La photo est trop lourde, même réduite.',
  CHAT_PHOTO_NOT_FOUND: 'Ce message n’a pas de photo.',
  CHAT_LAST_ADMIN: 'Un groupe doit garder au moins un administrateur : nommez-en un autre d’abord.',
  CHAT_ENVELOPE_INVALID: 'Le message n’est pas correctement chiffré.',
  CHAT_RECIPIENTS_MISMATCH:
    'Les membres de la conversation ont changé : rechargez la conversation puis renvoyez le message.',
  CHAT_RATE_LIMITED:
    'Trop de messages en peu de temps : patientez quelques secondes avant d’envoyer à nouveau.',
  // patient movement notices
  NOTICE_SENDER_NOT_ALLOWED:
    'Seule une boîte de service ou d’application d’un hôpital, d’une clinique ou d’un EHPAD peut envoyer des avis de mouvement patient.',
  NOTICE_RECIPIENT_REFUSED:
    'Un avis de mouvement patient ne s’adresse qu’à la boîte personnelle d’un professionnel.',
  // tele-expertise
  RESPONSE_INVALID:
    'Le contenu de la demande ou de la réponse n’a pas la forme attendue : il ne peut pas être affiché.',
  QUESTIONNAIRE_UNSUPPORTED:
    'Ce formulaire utilise des éléments FHIR non pris en charge : voyez la question indiquée.',
  QUESTIONNAIRE_INVALID: 'Ce formulaire n’est pas un questionnaire FHIR valide : voyez la question indiquée.',
  TE_FORM_NOT_FOUND: 'Ce formulaire (ou cette version) est introuvable.',
  TE_FORM_EXISTS: 'Ce formulaire existe déjà dans cette version : donnez un nouveau numéro de version.',
  TE_SERVICE_NOT_FOUND: 'Ce service de télé-expertise est introuvable ou fermé.',
  TE_SERVICE_MAILBOX_UNSUITABLE:
    'L’adresse d’un service doit être une boîte de service (ORG) de l’établissement, non utilisée par un autre service.',
  TE_FORM_NOT_ACCEPTED: 'Ce service n’accepte pas ce formulaire : choisissez l’un des siens.',
  TE_EXPERT_NOT_MEMBER:
    'Un expert doit être titulaire ou délégué de la boîte du service pour pouvoir lire ses demandes.',
  TE_NOT_EXPERT: 'Seuls les experts de ce service peuvent faire cela.',
  TE_REQUEST_NOT_FOUND: 'Cette demande de télé-expertise est introuvable parmi les vôtres.',
  TE_REQUEST_CONFLICT: 'Une autre demande a déjà été envoyée avec cet identifiant.',
  TE_FOLLOW_UP_NOT_FOUND: 'La demande précédente indiquée n’est pas l’une des vôtres.',
  TE_NOT_ASSIGNEE: 'Seul l’expert à qui la demande est confiée peut faire cela.',
  TE_NOT_REQUESTER: 'Seul l’auteur de la demande peut faire cela.',
  TE_TRANSITION_NOT_ALLOWED: 'L’état de la demande ne permet pas cette action : rechargez-la.',
  TE_ENVELOPE_INVALID: 'La demande n’est pas correctement chiffrée.',
  TE_RECIPIENTS_MISMATCH: 'Le certificat du service a changé : rechargez la page puis renvoyez la demande.',
  TE_ENVELOPE_TOO_LARGE: 'La demande est trop lourde : envoyez moins de photos ou des photos plus petites.',
  TE_ANSWER_LETTER_NOT_FOUND:
    'La lettre de réponse n’a pas été trouvée : elle doit partir de la boîte du service vers le demandeur.',
};
