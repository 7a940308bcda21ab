/** Usage rules on the sender's and recipient's side: letter-format findings, bulk-mail warnings, held messages. */
export const usageFr = {
  charter: {
    cite: 'charte, article {{number}}',
    citeHeading: 'charte, article {{number}} : {{heading}}',
    citeStart: 'Charte, article {{number}}',
    citeStartHeading: 'Charte, article {{number}} : {{heading}}',
    quoteLabel: 'Texte de l’article {{number}} de la charte d’utilisation',
  },
  findings: {
    blockingTitle: 'Ce courrier ne peut pas encore partir',
    warningTitle: 'À savoir avant l’envoi',
    receivedTitle: 'À propos de ce courrier',
    sender: {
      PATIENT_HEADER_MISSING:
        'Une lettre concernant un patient commence par l’entête HPRIM (nom, prénom et date de naissance du patient), pour que le logiciel du destinataire la classe dans le bon dossier. Remplissez la partie « Patient », ou choisissez « Message sans patient (information) » si aucun patient n’est concerné.',
      PATIENT_SURNAME_MISSING:
        'Indiquez le nom du patient, ou choisissez « Message sans patient (information) » si le message ne concerne aucun patient.',
      PATIENT_FIRST_NAME_MISSING: 'Indiquez le prénom du patient.',
      PATIENT_BIRTH_DATE_MISSING:
        'Indiquez la date de naissance du patient (jj/mm/aaaa) : sans elle, le logiciel du destinataire ne retrouve pas le dossier.',
      PATIENT_BIRTH_DATE_INVALID:
        'La date de naissance du patient doit être une date passée, sous la forme jj/mm/aaaa.',
      PDF_ONLY_LETTER:
        'Ce courrier n’est qu’un PDF, sans texte : les logiciels de cabinet classent le texte d’un courrier, pas ce que montre un PDF, et le destinataire devra le classer à la main. Écrivez aussi l’essentiel dans le texte du courrier.',
      NO_REPLY_FORBIDDEN:
        '{{address}} est une adresse « ne pas répondre » : tout courrier doit pouvoir recevoir une réponse. Écrivez depuis une adresse joignable.',
      noReplyFrom:
        '{{address}} est une adresse « ne pas répondre » : tout courrier doit pouvoir recevoir une réponse. Écrivez depuis une adresse joignable.',
    },
    reader: {
      PATIENT_HEADER_MISSING:
        'Ce courrier est déclaré comme concernant un patient, mais il ne porte pas d’entête HPRIM : votre logiciel ne pourra pas le classer automatiquement. Vérifiez de quel patient il s’agit avant de le classer.',
      PATIENT_SURNAME_MISSING:
        'L’entête HPRIM ne donne pas le nom du patient : le classement automatique risque d’échouer.',
      PATIENT_FIRST_NAME_MISSING:
        'L’entête HPRIM ne donne pas le prénom du patient : le classement automatique risque d’échouer.',
      PATIENT_BIRTH_DATE_MISSING:
        'L’entête HPRIM ne donne pas la date de naissance du patient : vérifiez le dossier avant de classer ce courrier.',
      PATIENT_BIRTH_DATE_INVALID:
        'La date de naissance de l’entête HPRIM est illisible ou dans le futur : vérifiez le dossier avant de classer ce courrier.',
      PDF_ONLY_LETTER:
        'Ce courrier ne contient qu’un PDF, sans texte : votre logiciel ne peut pas le classer automatiquement, il est à classer à la main.',
      NO_REPLY_FORBIDDEN:
        'Les réponses à ce courrier iraient à {{address}}, une adresse qui n’accepte pas de réponse : elles ne parviendraient pas. Pour répondre, écrivez directement à l’expéditeur ({{from}}).',
      noReplyFrom:
        'L’expéditeur {{address}} est une adresse qui n’accepte pas de réponse : une réponse ne lui parviendrait pas. Contactez-le par un autre moyen.',
    },
  },
  trips: {
    message_recipients: '{{observed}} destinataires, au-delà de {{limit}} par message',
    hourly_recipients:
      '{{observed}} destinataires différents en une heure pour vos messages d’information, au-delà de {{limit}}',
    ownLimit: '{{text}} (limite fixée pour votre boîte par un technicien)',
    separator: ' ; ',
  },
  bulk: {
    title: 'Ce message sera retenu pour vérification',
    text: 'Ce message sera retenu pour vérification : {{trips}} ({{citation}}). Un technicien décidera de sa distribution.',
    advice:
      'Pour une annonce, une invitation ou une enquête, utilisez un outil de diffusion hors de Liaison, ou n’écrivez qu’aux quelques confrères concernés.',
    confirm: 'J’envoie quand même, je comprends qu’il sera vérifié',
    confirmRequired: 'Cochez cette case pour envoyer quand même, ou réduisez le nombre de destinataires.',
    unchecked:
      'Le nombre de destinataires n’a pas pu être vérifié à l’avance : si une règle de la charte s’applique, le message sera retenu pour vérification à l’envoi.',
  },
  sent: {
    held: 'Votre message est retenu pour vérification, il n’a pas encore été distribué : {{trips}} ({{citation}}). Un technicien décidera de sa distribution.',
  },
  hold: {
    badge: {
      held: 'Retenu',
      rejected: 'Refusé',
      released: 'Distribué après vérification',
    },
    held: {
      title: 'Message retenu pour vérification',
      text: 'Ce message n’a été distribué à personne : {{trips}} ({{citation}}). Un technicien décidera de sa distribution ; sa décision s’affichera ici.',
    },
    rejected: {
      title: 'Message refusé après vérification',
      text: 'Un technicien a refusé ce message le {{date}} : il n’a été distribué à personne et ne le sera pas ({{citation}}).',
      advice:
        'Pour une annonce, une invitation ou un départ, utilisez un outil de diffusion hors de Liaison, ou écrivez seulement aux quelques confrères concernés.',
    },
    released: {
      title: 'Distribué après vérification',
      text: 'Ce message avait été retenu ({{trips}}). Un technicien l’a vérifié le {{date}} et l’a laissé partir : il a été distribué à ses destinataires.',
    },
    reason: 'Motif du technicien : « {{reason}} »',
    heldAt: 'Retenu le {{date}}',
    delivery: {
      held: 'En attente de vérification',
      rejected: 'Non distribué',
    },
    deliveryNote: {
      held: 'Aucun destinataire ne reçoit ce message tant qu’un technicien ne l’a pas vérifié.',
      rejected: 'Ce message a été refusé : il n’a été distribué à aucun destinataire.',
    },
  },
};
