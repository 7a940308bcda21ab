/** react-query keys in one place, so invalidation after a mutation cannot miss a spelling. */
export const queryKeys = {
  me: ['me'] as const,
  charter: (language: string) => ['charter', language] as const,
  setupStatus: ['setup-status'] as const,
  totpEnrolment: ['totp-enrolment'] as const,
  pendingRegistrations: ['registrations', 'pending'] as const,
  organisations: (incompleteOnly: boolean) => ['organisations', { incompleteOnly }] as const,
  organisationsAll: ['organisations'] as const,
  organisation: (id: string) => ['organisation', id] as const,
  accounts: (id: string) => ['organisation', id, 'accounts'] as const,
  organisationSearch: (q: string) => ['organisation-search', q] as const,
  devices: ['devices'] as const,
  certificates: (userId: string) => ['certificates', userId] as const,
  keyBackup: ['key-backup'] as const,
  pkiSubject: ['pki-subject'] as const,
  /** What this browser holds in IndexedDB (not a server call, cached the same way). */
  localKeys: (userId: string) => ['local-keys', userId] as const,
  storagePersisted: ['storage-persisted'] as const,
};
