import { Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LANGS } from '../i18n'

/** VI | EN toggle buttons (aria-pressed); the choice is remembered (see i18n/index.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const current = i18n.language === 'en' ? 'en' : 'vi'
  return (
    <Button.Group aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <Button
          key={l}
          size="compact-sm"
          variant={current === l ? 'filled' : 'default'}
          aria-pressed={current === l}
          // The visible code first, so what is seen is what is said (WCAG 2.5.3), then the language's name.
          aria-label={`${l.toUpperCase()} – ${t(`lang.${l}`)}`}
          title={t(`lang.${l}`)}
          lang={l}
          onClick={() => void i18n.changeLanguage(l)}
        >
          {l.toUpperCase()}
        </Button>
      ))}
    </Button.Group>
  )
}
