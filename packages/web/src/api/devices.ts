import { api, apiNoContent } from './client.ts';
import { arrayOf, boolean, integer, nullable, object, oneOf, optional, schema, string } from './shapes.ts';

// Contract: packages/server/src/devices/service.ts (Device) and keys/backupService.ts (KeyBackup).
const checkDevice = object({
  id: string,
  name: string,
  kind: oneOf(['browser', 'cli', 'connector']),
  status: oneOf(['pending', 'active', 'revoked']),
  createdAt: string,
  approvedAt: nullable(string),
  revokedAt: nullable(string),
  lastSeenAt: nullable(string),
  /** The device this session is bound to (this browser, through its HttpOnly cookie). */
  current: boolean,
});
export type Device = ReturnType<typeof checkDevice>;
export type DeviceStatus = Device['status'];
export type DeviceKind = Device['kind'];

const Device = schema(checkDevice);
const Devices = schema(arrayOf(checkDevice));
/** The code is present only when the device waits for approval (not for a person's first device). */
const RegisteredDevice = schema(object({ device: checkDevice, approvalCode: optional(string) }));

const checkBackup = object({ backup: string, version: integer, updatedAt: string });
export type KeyBackup = ReturnType<typeof checkBackup>;
const KeyBackup = schema(checkBackup);

export function fetchDevices() {
  return api('/api/devices', Devices);
}

/** Registers this browser; the server answers with its `liaison_device` cookie (HttpOnly). */
export function registerDevice(name: string) {
  return api('/api/devices', RegisteredDevice, { method: 'POST', body: { name, kind: 'browser' } });
}

export function approveDevice(code: string) {
  return api('/api/devices/approve', Device, { method: 'POST', body: { code } });
}

export function revokeDevice(id: string) {
  return apiNoContent(`/api/devices/${encodeURIComponent(id)}/revoke`, { method: 'POST', body: {} });
}

/** The passphrase-encrypted PKCS#12 (base64); served only to an approved device of the person. */
export function fetchKeyBackup() {
  return api('/api/keys/backup', KeyBackup);
}

export function saveKeyBackup(backup: string, expectedVersion: number | null) {
  return api('/api/keys/backup', KeyBackup, { method: 'PUT', body: { backup, expectedVersion } });
}
