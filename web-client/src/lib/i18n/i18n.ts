import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { setApiLanguage } from "@/api/client";
import en from "./en.json";
import fr from "./fr.json";

export const languages = ["fr", "en"] as const;
export type Language = (typeof languages)[number];

const storageKey = "koban.language";

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(storageKey);
    return value === "en" ? "en" : "fr";
  } catch {
    return "fr";
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: "fr",
  supportedLngs: languages,
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
setApiLanguage(i18n.language);

export function changeLanguage(language: Language) {
  try {
    globalThis.localStorage?.setItem(storageKey, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  setApiLanguage(language);
  document.documentElement.lang = language;
  return i18n.changeLanguage(language);
}
