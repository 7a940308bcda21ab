import {
  LoginResponse,
  SetupStatusResponse,
  TotpConfirmResponse,
  TotpEnrolResponse,
  type LoginRequest,
  type SetupRequest,
} from '@liaison/core/api/index';
import { api, apiNoContent } from './client.ts';

export function login(body: LoginRequest) {
  return api('/api/auth/login', LoginResponse, { method: 'POST', body: { ...body, tokenType: 'cookie' } });
}

export function verifyTotp(code: string) {
  return api('/api/auth/totp/verify', LoginResponse, { method: 'POST', body: { code } });
}

export function enrolTotp() {
  return api('/api/auth/totp/enrol', TotpEnrolResponse, { method: 'POST', body: {} });
}

export function confirmTotp(code: string) {
  return api('/api/auth/totp/confirm', TotpConfirmResponse, { method: 'POST', body: { code } });
}

export function logout() {
  return apiNoContent('/api/auth/logout', { method: 'POST', body: {} });
}

export function changePassword(currentPassword: string, newPassword: string) {
  return apiNoContent('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
}

export function setupStatus() {
  return api('/api/setup/status', SetupStatusResponse);
}

export function setup(body: SetupRequest) {
  return api('/api/setup', LoginResponse, { method: 'POST', body });
}

export function activate(token: string, password: string, charterVersion: number) {
  return api('/api/activate', LoginResponse, { method: 'POST', body: { token, password, charterVersion } });
}
