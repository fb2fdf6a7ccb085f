/**
 * Password fields of the sign-in pages: one password (the current one), and
 * the new password with its repetition (the policy shown, a mismatch caught
 * before asking the server) — the same pair on the first sign-in's new
 * password, the forgotten password's reset and the change of password.
 */
import { PasswordInput, type PasswordInputProps } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { translate } from '../../../shared/i18n/messages'
import { useLang } from '../lib/labels'
import type { FieldErrors } from '../lib/validation'

/** A password input with its show/hide button named. */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation()
  return <PasswordInput required visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }} {...props} />
}

export interface NewPassword {
  newPassword: string
  confirm: string
  setNewPassword(v: string): void
  setConfirm(v: string): void
  clear(): void
  /** The pair's own errors (`newPassword`, `confirm`), in the page's language. */
  errors(): FieldErrors
}

export function useNewPassword(): NewPassword {
  const { t } = useTranslation()
  const lang = useLang()
  const [newPassword, setNewPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  return {
    newPassword, confirm, setNewPassword, setConfirm,
    clear: () => { setNewPassword(''); setConfirm('') },
    errors: (): FieldErrors => {
      if (!newPassword) return { newPassword: translate('field.required', lang, { path: t('login.newPassword') }) }
      return newPassword !== confirm ? { confirm: t('login.mismatch') } : {}
    },
  }
}

/** The new password (with the policy) and its repetition. */
export function NewPasswordFields({ pair, errors, autoFocus = false }: { pair: NewPassword; errors: FieldErrors; autoFocus?: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      <PasswordField
        label={t('login.newPassword')} description={t('login.policyHint')} name="new-password" autoComplete="new-password"
        value={pair.newPassword} onChange={(e) => pair.setNewPassword(e.currentTarget.value)} error={errors.newPassword}
        {...(autoFocus ? { 'data-autofocus': true, autoFocus: true } : {})}
      />
      <PasswordField
        label={t('login.confirmPassword')} name="confirm-password" autoComplete="new-password"
        value={pair.confirm} onChange={(e) => pair.setConfirm(e.currentTarget.value)} error={errors.confirm}
      />
    </>
  )
}
