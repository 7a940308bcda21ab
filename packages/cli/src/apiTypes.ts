/**
 * The shapes the CLI reads from the server (packages/server/src/devices, keys, pki). The PKI and
 * device contracts are not in packages/core/src/api yet; these mirror the server's views.
 */
export type KeyUsage = 'signing' | 'encryption';

export interface Device {
  id: string;
  name: string;
  kind: 'browser' | 'cli' | 'connector';
  status: 'pending' | 'active' | 'revoked';
  createdAt: string;
  approvedAt: string | null;
  revokedAt: string | null;
  lastSeenAt: string | null;
  current: boolean;
}

export interface RegisteredDevice {
  device: Device;
  deviceToken: string;
  approvalCode?: string;
}

export interface KeyBackupView {
  backup: string;
  version: number;
  updatedAt: string;
}

export interface ExpectedSubject {
  commonName: string;
  serialNumber: string | null;
  emails: string[];
}

export interface CertificateView {
  serial: string;
  usage: KeyUsage;
  state: 'active' | 'superseded' | 'revoked';
  status: 'good' | 'superseded' | 'revoked';
  userId: string;
  mailboxId: string | null;
  subject: string;
  emails: string[];
  notBefore: string;
  notAfter: string;
  createdAt: string;
  supersededAt: string | null;
  supersededBy: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
  certificatePem: string;
}

export interface MeView {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  mailboxes: Array<{ id: string; address: string; kind: string; access?: string }>;
  /** The charter version the person accepted, and the one in force (absent from older servers). */
  charterVersion?: number | null;
  charterCurrentVersion?: number;
}
