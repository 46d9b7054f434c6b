import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import id from './id.json';

/** Indonesian by default; the choice is kept in this browser. */
export const LANGUAGES = ['id', 'en'] as const;
export type ConsoleLanguage = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'sigap.language';

function storedLanguage(): ConsoleLanguage {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'id';
}

void i18next.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18next.language;

/** Switches the console's language (and the API's `language` argument, see apiLanguage). */
export function setLanguage(language: ConsoleLanguage): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

/** The GraphQL `Language` for names in the console's language. */
export function apiLanguage(language: string): 'ID' | 'EN' {
  return language === 'en' ? 'EN' : 'ID';
}

export default i18next;
