/**
 * i18next set-up: Vietnamese first, English second. The choice is kept in
 * localStorage and mirrored on <html lang> and on every API call
 * (Accept-Language), so server messages come back in the same language.
 */
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Lang } from '../../../shared/i18n/messages'
import { en } from './en'
import { vi } from './vi'

export const LANGS: readonly Lang[] = ['vi', 'en']
const STORAGE_KEY = 'do.lang'

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    return v === 'en' ? 'en' : 'vi'
  } catch {
    return 'vi'
  }
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
})

function applyLang(lng: string): void {
  document.documentElement.lang = lng
  document.title = i18n.t('app.name')
}
applyLang(i18n.language)
i18n.on('languageChanged', (lng) => {
  try { localStorage.setItem(STORAGE_KEY, lng) } catch { /* private mode */ }
  applyLang(lng)
})

/** The current UI language as the shared message table knows it. */
export const currentLang = (): Lang => (i18n.language === 'en' ? 'en' : 'vi')

export default i18n

let docStrings: Promise<void> | null = null
/**
 * Adds the official documents strings (`docs.*`) in both languages; the
 * document pages' routes await it before rendering, so the strings travel
 * with those pages instead of with the first load of the app.
 */
export function ensureDocStrings(): Promise<void> {
  if (!docStrings) {
    docStrings = import('./docs').then(({ docsVi, docsEn }) => {
      i18n.addResourceBundle('vi', 'translation', { docs: docsVi }, true, true)
      i18n.addResourceBundle('en', 'translation', { docs: docsEn }, true, true)
    })
    docStrings.catch(() => { docStrings = null })
  }
  return docStrings
}

let memberStrings: Promise<void> | null = null
/** Adds the Party members strings (`members.*`) in both languages, with the first members page (as ensureDocStrings). */
export function ensureMemberStrings(): Promise<void> {
  if (!memberStrings) {
    memberStrings = import('./members').then(({ membersVi, membersEn }) => {
      i18n.addResourceBundle('vi', 'translation', { members: membersVi }, true, true)
      i18n.addResourceBundle('en', 'translation', { members: membersEn }, true, true)
    })
    memberStrings.catch(() => { memberStrings = null })
  }
  return memberStrings
}
