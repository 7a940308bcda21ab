import type { Messages } from '../fr.ts';

/** Keys and devices page. */
export const keysEn: Messages['keys'] = {
  title: 'Keys and devices',
  intro:
    'Your signing and encryption keys are created in your browser: only your approved devices can read your messages.',
  insecure: {
    title: 'Insecure connection: key operations are blocked',
    text: 'Encryption relies on WebCrypto, which browsers allow only over a secure connection: https, or localhost on the server machine itself. This page was opened at {{origin}}, without https: your keys can be neither created nor restored here.',
    admin:
      'For the administrator: serve Liaison over HTTPS, either directly (LIAISON_TLS_CERT and LIAISON_TLS_KEY) or behind a TLS proxy, then open the https:// address.',
  },
  device: {
    title: 'This browser',
    registerIntro:
      'This browser is not registered as a device yet. Register it to create or install your keys here.',
    name: 'Device name',
    nameHelp: 'To recognise it in your list of devices, for example "Practice PC".',
    defaultName: '{{browser}} on {{os}}',
    unknownBrowser: 'Browser',
    unknownOs: 'computer',
    register: 'Register this browser',
    pendingTitle: 'Waiting for approval',
    pendingText: 'On a device that is already registered, open Keys and devices and type this code:',
    codeAria: 'Approval code: {{digits}}',
    pendingWaiting: 'This page moves on by itself as soon as the device is approved.',
    pendingHelp:
      'The code expires after a few minutes. Without a registered device at hand, a support technician can approve this browser.',
    codeLost:
      'The approval code is no longer shown in this tab, or it expired. Ask for a new one to approve this browser.',
    newCode: 'Get a new code',
    active: 'This browser is an approved device, registered as "{{name}}".',
  },
  mine: {
    title: 'My keys on this browser',
    noMailbox:
      'Your account has no personal mailbox, so it needs no personal keys. You can still approve your devices below.',
    readyTitle: 'Your keys are installed on this browser',
    readyText:
      'They are kept non-exportable: they sign and decrypt, but nobody can copy them out of the browser.',
    persistent: 'The browser has agreed to keep this storage.',
    notPersistent:
      'The browser has not guaranteed to keep this storage: should it ever clear it, simply restore your keys from your backup.',
  },
  generate: {
    introNone:
      'You have no keys yet. Generate them here: they will be certified in your name and backed up, encrypted under a passphrase only you know.',
    introIncomplete:
      'Your current certificates are incomplete (revoked, or issuing was interrupted). Generate new keys: they will replace the previous ones.',
    introInterrupted:
      'Certificates were issued in your name, but no key backup was saved (generation was interrupted). Generate new keys: they will replace these certificates.',
    subjectTitle: 'Your certificates will carry:',
    subjectName: 'Name',
    subjectId: 'National identifier',
    subjectIdValue: '{{kind}} {{id}}',
    subjectEmail: 'Address',
    passphrase: 'Backup passphrase',
    passphraseHelp: 'At least 12 characters. A phrase of several words is easier to remember.',
    confirmPassphrase: 'Confirm the passphrase',
    warningTitle: 'Nobody can recover it for you',
    warningText:
      'This passphrase encrypts the backup of your keys and never leaves this browser: neither Liaison nor the support team knows it, and nobody can reset it. You will need it to install your keys on another device; without it, your encrypted messages cannot be read there.',
    acknowledge: 'I have written down my passphrase and keep it somewhere safe',
    submit: 'Generate my keys',
    running: 'Generating: keep this page open, it takes a few seconds.',
    retry: 'Resume',
    done: 'Your keys are ready, certified and backed up.',
    steps: {
      keys: 'Creating the keys',
      keysHelp: 'Two 3072-bit RSA pairs: signing and encryption.',
      certificates: 'Certification',
      certificatesHelp: "Liaison's authority certifies your public keys.",
      backup: 'Encrypted backup',
      backupHelp: 'Keys encrypted under your passphrase, then sent to the server.',
      device: 'Installing on this browser',
      deviceHelp: 'Keys imported as non-exportable.',
    },
  },
  restore: {
    intro:
      'Your keys were created on another device. Type your backup passphrase to install them on this browser.',
    passphrase: 'Backup passphrase',
    submit: 'Restore my keys',
    running: 'Decrypting the backup…',
    done: 'Your keys are installed on this browser.',
    incomplete:
      'The backup does not hold the keys of all your current certificates. Open Keys and devices on the device where your keys were created.',
    lost: 'Lost your passphrase? Nobody, not even the support team, can recover it.',
  },
  certificates: {
    title: 'My certificates',
    empty: 'No certificate yet.',
    caption: 'Certificates ({{count}})',
    usage: 'Use',
    state: 'State',
    serial: 'Serial number',
    validUntil: 'Valid until',
    onThisBrowser: 'Key on this browser',
    yes: 'Yes',
    no: 'No',
    usages: { signing: 'Signing', encryption: 'Encryption' },
    states: { active: 'Active', superseded: 'Superseded', revoked: 'Revoked' },
  },
  devices: {
    title: 'My devices',
    empty: 'No registered device.',
    caption: 'Devices ({{count}})',
    name: 'Name',
    kind: 'Type',
    status: 'Status',
    createdAt: 'Registered on',
    lastSeen: 'Last active',
    actions: 'Action',
    thisOne: 'This browser',
    kinds: { browser: 'Browser', cli: 'Command line', connector: 'Connector' },
    statuses: { pending: 'Waiting', active: 'Approved', revoked: 'Revoked' },
    revoke: 'Revoke',
    revokeLabel: 'Revoke the device {{name}}',
    revokeTitle: 'Revoke the device "{{name}}"?',
    revokeText:
      'Its sessions end at once and it can no longer receive your keys. Whatever is already installed on it must be erased there.',
    revokeCurrent:
      'This is this browser: your keys will be erased from it and you will be signed out. You can register it again afterwards.',
    confirmRevoke: 'Revoke the device',
    revoked: 'Device "{{name}}" revoked.',
  },
  approve: {
    title: 'Approve a new device',
    intro: 'The new device shows a 6-digit code. Type it here to give it access to your keys.',
    code: 'Code shown on the new device',
    codeHelp: '6 digits, for example 123 456.',
    submit: 'Approve the device',
    approved: 'Device "{{name}}" approved.',
    invalid: 'Type the 6 digits shown on the new device.',
    quotedName: '"{{name}}"',
    waiting_one: 'A device waits for approval: {{names}}.',
    waiting_other: '{{count}} devices wait for approval: {{names}}.',
  },
};
