import type { Device } from '../../api/devices.ts';
import type { Certificate, CertificateUsage } from '../../api/pki.ts';

/** Where this browser stands with the person's keys; decides which panel the page shows. */
export type KeyStage =
  /** Certificates or local keys still loading. */
  | { kind: 'loading' }
  /** Not yet an approved device: keys come after the device panel is done. */
  | { kind: 'device-first' }
  /** No current certificate for one usage or both: generate (again). */
  | { kind: 'generate'; reason: GenerateReason }
  /** Certified keys exist (made elsewhere); this browser lacks some: restore from the backup. */
  | { kind: 'restore'; missing: Certificate[] }
  /** This browser holds the private keys of every current certificate. */
  | { kind: 'ready' };

/**
 * Why keys are to be generated: none yet; current certificates incomplete (revoked, or one usage
 * missing); or certified but never backed up (the first generation stopped before the backup).
 */
export type GenerateReason = 'none' | 'incomplete' | 'interrupted';

export const USAGES: CertificateUsage[] = ['signing', 'encryption'];

/** This browser's device: the one the session is bound to, unless it was revoked meanwhile. */
export function currentDevice(devices: Device[]): Device | null {
  return devices.find((device) => device.current && device.status !== 'revoked') ?? null;
}

/** The current (active) certificate per usage; a renewal supersedes the previous one. */
export function activeCertificates(certificates: Certificate[]): Certificate[] {
  return USAGES.flatMap((usage) => {
    const found = certificates.find((c) => c.usage === usage && c.state === 'active');
    return found ? [found] : [];
  });
}

export function keyStage(input: {
  deviceApproved: boolean;
  certificates: Certificate[] | undefined;
  localSerials: string[] | undefined;
}): KeyStage {
  if (!input.deviceApproved) return { kind: 'device-first' };
  if (!input.certificates || !input.localSerials) return { kind: 'loading' };
  const active = activeCertificates(input.certificates);
  if (active.length < USAGES.length) {
    return { kind: 'generate', reason: input.certificates.length === 0 ? 'none' : 'incomplete' };
  }
  const local = new Set(input.localSerials);
  const missing = active.filter((certificate) => !local.has(certificate.serial));
  return missing.length === 0 ? { kind: 'ready' } : { kind: 'restore', missing };
}

/** A passphrase nobody can reset: at least as long as an account password. */
export const MIN_PASSPHRASE_LENGTH = 12;
