/** Keys and devices page. */
export const keysFr = {
  title: 'Clés et appareils',
  intro:
    'Vos clés de signature et de chiffrement sont créées dans votre navigateur : seuls vos appareils approuvés peuvent lire vos messages.',
  insecure: {
    title: 'Connexion non sécurisée : les opérations sur les clés sont bloquées',
    text: "Le chiffrement repose sur WebCrypto, que les navigateurs n'autorisent que sur une connexion sécurisée : https, ou localhost sur le poste du serveur. Cette page est ouverte à l'adresse {{origin}}, sans https : vos clés ne peuvent y être ni créées ni restaurées.",
    admin:
      "Pour l'administrateur : servez Liaison en HTTPS, directement (variables LIAISON_TLS_CERT et LIAISON_TLS_KEY) ou derrière un proxy TLS, puis ouvrez l'adresse en https://.",
  },
  device: {
    title: 'Ce navigateur',
    registerIntro:
      "Ce navigateur n'est pas encore enregistré comme appareil. Enregistrez-le pour y créer ou y installer vos clés.",
    name: "Nom de l'appareil",
    nameHelp: 'Pour le reconnaître dans la liste de vos appareils, par exemple « PC du cabinet ».',
    defaultName: '{{browser}} sur {{os}}',
    unknownBrowser: 'Navigateur',
    unknownOs: 'ordinateur',
    register: 'Enregistrer ce navigateur',
    pendingTitle: "En attente d'approbation",
    pendingText: 'Sur un appareil déjà enregistré, ouvrez Clés et appareils et saisissez ce code\u00a0:',
    codeAria: "Code d'approbation : {{digits}}",
    pendingWaiting: "Cette page continue d'elle-même dès que l'appareil est approuvé.",
    pendingHelp:
      'Le code expire au bout de quelques minutes. Sans appareil enregistré sous la main, un technicien du support peut approuver ce navigateur.',
    codeLost:
      "Le code d'approbation n'est plus affiché dans cet onglet, ou il a expiré. Demandez-en un nouveau pour approuver ce navigateur.",
    newCode: 'Obtenir un nouveau code',
    active: 'Ce navigateur est un appareil approuvé, enregistré sous le nom « {{name}} ».',
  },
  mine: {
    title: 'Mes clés sur ce navigateur',
    noMailbox:
      "Votre compte n'a pas de boîte aux lettres personnelle : il n'a pas besoin de clés personnelles. Vous pouvez tout de même approuver vos appareils ci-dessous.",
    readyTitle: 'Vos clés sont installées sur ce navigateur',
    readyText:
      'Elles y sont conservées de façon non exportable : elles servent à signer et à déchiffrer, mais personne ne peut les copier hors du navigateur.',
    persistent: 'Le navigateur s’engage à conserver ce stockage.',
    notPersistent:
      "Le navigateur n'a pas garanti la conservation de ce stockage : s'il l'efface un jour, restaurez simplement vos clés depuis votre sauvegarde.",
  },
  generate: {
    introNone:
      "Vous n'avez pas encore de clés. Générez-les ici : elles seront certifiées à votre nom et sauvegardées, chiffrées par une phrase de passe que vous seul(e) connaissez.",
    introIncomplete:
      'Vos certificats actuels sont incomplets (révoqués ou émission interrompue). Générez de nouvelles clés : elles remplaceront les précédentes.',
    introInterrupted:
      "Des certificats ont été émis à votre nom, mais aucune sauvegarde de clés n'a été enregistrée (la génération a été interrompue). Générez de nouvelles clés : elles remplaceront ces certificats.",
    subjectTitle: 'Vos certificats porteront :',
    subjectName: 'Nom',
    subjectId: 'Identifiant national',
    subjectIdValue: '{{kind}} {{id}}',
    subjectEmail: 'Adresse',
    passphrase: 'Phrase de passe de sauvegarde',
    passphraseHelp: 'Au moins 12 caractères. Une phrase de plusieurs mots est plus facile à retenir.',
    confirmPassphrase: 'Confirmez la phrase de passe',
    warningTitle: 'Personne ne pourra la retrouver pour vous',
    warningText:
      "Cette phrase de passe chiffre la sauvegarde de vos clés et ne quitte jamais ce navigateur : ni Liaison ni le support ne la connaissent, et personne ne peut la réinitialiser. Elle vous sera demandée pour installer vos clés sur un autre appareil ; sans elle, vos messages chiffrés n'y seront pas lisibles.",
    acknowledge: "J'ai noté ma phrase de passe et je la conserve en lieu sûr",
    submit: 'Générer mes clés',
    running: 'Génération en cours : gardez cette page ouverte, cela prend quelques secondes.',
    retry: 'Reprendre',
    done: 'Vos clés sont prêtes, certifiées et sauvegardées.',
    steps: {
      keys: 'Création des clés',
      keysHelp: 'Deux paires RSA 3072 bits : signature et chiffrement.',
      certificates: 'Certification',
      certificatesHelp: "L'autorité de Liaison certifie vos clés publiques.",
      backup: 'Sauvegarde chiffrée',
      backupHelp: 'Clés chiffrées par votre phrase de passe, puis envoyées au serveur.',
      device: 'Installation sur ce navigateur',
      deviceHelp: 'Clés importées en mode non exportable.',
    },
  },
  restore: {
    intro:
      'Vos clés ont été créées sur un autre appareil. Saisissez la phrase de passe de votre sauvegarde pour les installer sur ce navigateur.',
    passphrase: 'Phrase de passe de sauvegarde',
    submit: 'Restaurer mes clés',
    running: 'Déchiffrement de la sauvegarde…',
    done: 'Vos clés sont installées sur ce navigateur.',
    incomplete:
      'La sauvegarde ne contient pas les clés de tous vos certificats actuels. Ouvrez Clés et appareils sur l’appareil où vos clés ont été créées.',
    lost: 'Phrase de passe perdue ? Personne, pas même le support, ne peut la retrouver.',
  },
  certificates: {
    title: 'Mes certificats',
    empty: 'Aucun certificat pour le moment.',
    caption: 'Certificats ({{count}})',
    usage: 'Usage',
    state: 'État',
    serial: 'N° de série',
    validUntil: "Valide jusqu'au",
    onThisBrowser: 'Clé sur ce navigateur',
    yes: 'Oui',
    no: 'Non',
    usages: { signing: 'Signature', encryption: 'Chiffrement' },
    states: { active: 'Actif', superseded: 'Remplacé', revoked: 'Révoqué' },
  },
  devices: {
    title: 'Mes appareils',
    empty: 'Aucun appareil enregistré.',
    caption: 'Appareils ({{count}})',
    name: 'Nom',
    kind: 'Type',
    status: 'Statut',
    createdAt: 'Enregistré le',
    lastSeen: 'Dernière activité',
    actions: 'Action',
    thisOne: 'Ce navigateur',
    kinds: { browser: 'Navigateur', cli: 'Ligne de commande', connector: 'Connecteur' },
    statuses: { pending: 'En attente', active: 'Approuvé', revoked: 'Révoqué' },
    revoke: 'Révoquer',
    revokeLabel: "Révoquer l'appareil {{name}}",
    revokeTitle: "Révoquer l'appareil « {{name}} » ?",
    revokeText:
      "Ses sessions sont fermées immédiatement et il ne pourra plus recevoir vos clés. Ce qui a déjà été installé sur l'appareil reste à effacer sur place.",
    revokeCurrent:
      'C’est ce navigateur : vos clés y seront effacées et vous serez déconnecté(e). Vous pourrez le réenregistrer ensuite.',
    confirmRevoke: "Révoquer l'appareil",
    revoked: 'Appareil « {{name}} » révoqué.',
  },
  approve: {
    title: 'Approuver un nouvel appareil',
    intro:
      'Le nouvel appareil affiche un code à 6 chiffres. Saisissez-le ici pour lui donner accès à vos clés.',
    code: 'Code affiché sur le nouvel appareil',
    codeHelp: '6 chiffres, par exemple 123 456.',
    submit: "Approuver l'appareil",
    approved: 'Appareil « {{name}} » approuvé.',
    invalid: 'Saisissez les 6 chiffres affichés sur le nouvel appareil.',
    quotedName: '« {{name}} »',
    waiting_one: 'Un appareil attend son approbation : {{names}}.',
    waiting_other: '{{count}} appareils attendent leur approbation : {{names}}.',
  },
};
