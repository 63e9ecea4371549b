import { createI18n } from "vue-i18n";
import en from "./en.json";
import ru from "./ru.json";

export type Language = "ru" | "en";
export const LANGUAGES: Language[] = ["ru", "en"];
const STORED = "gifthub.language";

function initial(): Language {
  const stored = localStorage.getItem(STORED);
  return stored === "en" || stored === "ru" ? stored : "ru";
}

export const i18n = createI18n({ legacy: false, locale: initial(), fallbackLocale: "ru", messages: { ru, en } });

export function setLanguage(language: Language): void {
  i18n.global.locale.value = language;
  localStorage.setItem(STORED, language);
  document.documentElement.lang = language;
}
