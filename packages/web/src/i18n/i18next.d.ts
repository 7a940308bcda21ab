import 'i18next';
import type { fr } from './fr.ts';

// Typed keys: a misspelt translation key is a compile error rather than a raw key shown to a user.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}
