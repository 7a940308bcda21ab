import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { fr } from './fr.ts';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'liaison.language';

function isLanguage(value: string | null): value is Language {
  return value !== null && (LANGUAGES as readonly string[]).includes(value);
}

/** French unless the person chose otherwise on this device: the product is for French health care. */
function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode, policy); French is then the right default anyway.
  }
  return 'fr';
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'fr';
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across visits, but the switch still applies now.
  }
  await i18n.changeLanguage(language);
}

// Screen readers pick their voice from <html lang>, so it must follow every switch.
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

// With the resources inline, init completes synchronously; the promise carries nothing we wait for.
void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'fr',
  interpolation: { escapeValue: false }, // React already escapes what it renders
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
