import { describe, expect, it } from 'vitest';
import type { Device } from '../src/api/devices.ts';
import type { Certificate } from '../src/api/pki.ts';
import { formatApprovalCode } from '../src/lib/approvalCodeStore.ts';
import { groupSerial } from '../src/lib/format.ts';
import { activeCertificates, currentDevice, keyStage } from '../src/pages/keys/keyState.ts';

function certificate(serial: string, usage: Certificate['usage'], state: Certificate['state']): Certificate {
  return {
    serial,
    usage,
    state,
    subject: 'CN=Claire MARTIN',
    emails: ['claire.martin@liaison.test'],
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2029-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    revokedAt: null,
    certificatePem: '',
  };
}

function device(id: string, status: Device['status'], current: boolean): Device {
  return {
    id,
    name: id,
    kind: 'browser',
    status,
    createdAt: '2026-01-01T00:00:00.000Z',
    approvedAt: null,
    revokedAt: null,
    lastSeenAt: null,
    current,
  };
}

describe('which panel the keys page shows', () => {
  const signing = certificate('aa01', 'signing', 'active');
  const encryption = certificate('bb02', 'encryption', 'active');
  const old = certificate('cc03', 'encryption', 'superseded');

  it('waits for an approved device before anything about keys', () => {
    expect(keyStage({ deviceApproved: false, certificates: [], localSerials: [] })).toEqual({
      kind: 'device-first',
    });
    expect(keyStage({ deviceApproved: true, certificates: undefined, localSerials: [] })).toEqual({
      kind: 'loading',
    });
  });

  it('generates when there is no certificate, or not one per usage', () => {
    expect(keyStage({ deviceApproved: true, certificates: [], localSerials: [] })).toEqual({
      kind: 'generate',
      reason: 'none',
    });
    expect(
      keyStage({
        deviceApproved: true,
        certificates: [signing, certificate('dd04', 'encryption', 'revoked')],
        localSerials: [],
      }),
    ).toEqual({ kind: 'generate', reason: 'incomplete' });
  });

  it('restores the keys this browser lacks, and is ready once it holds every current one', () => {
    const certificates = [encryption, signing, old];
    expect(keyStage({ deviceApproved: true, certificates, localSerials: ['cc03'] })).toEqual({
      kind: 'restore',
      missing: [signing, encryption],
    });
    expect(keyStage({ deviceApproved: true, certificates, localSerials: ['aa01', 'bb02'] })).toEqual({
      kind: 'ready',
    });
    expect(activeCertificates(certificates)).toEqual([signing, encryption]);
  });

  it("finds this browser's device, unless it was revoked", () => {
    expect(currentDevice([device('a', 'active', false), device('b', 'pending', true)])?.id).toBe('b');
    expect(currentDevice([device('a', 'revoked', true)])).toBeNull();
    expect(currentDevice([])).toBeNull();
  });
});

describe('codes and serials as people read them', () => {
  it('groups the approval code by three, as the server prints it', () => {
    expect(formatApprovalCode('482913')).toBe('482 913');
    expect(formatApprovalCode(' 482 913 ')).toBe('482 913');
  });

  it('groups a serial by four', () => {
    expect(groupSerial('3fa29c1b0d')).toBe('3fa2 9c1b 0d');
    expect(groupSerial('3fa29c1b')).toBe('3fa2 9c1b');
  });
});
