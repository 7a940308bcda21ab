import type { LoginStage } from '@liaison/core/api/index';

/** Where each login stage leads; `totp` is handled in place on the login page. */
export function pathForStage(stage: Exclude<LoginStage, 'totp'>): string {
  switch (stage) {
    case 'enrol-totp':
      return '/totp';
    case 'done':
      return '/account';
  }
}
