/** Changing one's own password: the current one, the new one twice (the pool's policy). */
import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconKey } from '@tabler/icons-react'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { translate } from '../../../../shared/i18n/messages'
import { endpoints } from '../../api/endpoints'
import { errorMessage } from '../../lib/error-message'
import { useLang } from '../../lib/labels'
import { serverFieldErrors, type FieldErrors } from '../../lib/validation'

export default function ChangePasswordPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const [oldPassword, setOldPassword] = useState('')
  const [newPassword, setNewPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => { document.title = `${t('password.changeTitle')} · ${t('app.name')}` }, [t])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const fe: FieldErrors = {}
    if (!oldPassword) fe.oldPassword = translate('field.required', lang, { path: t('password.oldPassword') })
    if (!newPassword) fe.newPassword = translate('field.required', lang, { path: t('login.newPassword') })
    else if (newPassword !== confirm) fe.confirm = t('login.mismatch')
    setErrors(fe)
    setDone(false)
    if (Object.keys(fe).length) return
    setBusy(true)
    setError(null)
    try {
      await endpoints.changePassword(oldPassword, newPassword)
      setDone(true)
      setOldPassword('')
      setNewPassword('')
      setConfirm('')
    } catch (err) {
      setErrors(serverFieldErrors(err))
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack maw={480} gap="md">
      <Title order={1} fz="h2">{t('password.changeTitle')}</Title>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <form onSubmit={submit} noValidate aria-label={t('password.changeTitle')}>
          <Stack gap="md">
            <Text size="sm">{t('password.changeIntro')}</Text>
            {done && <Alert color="green" variant="light" role="status">{t('password.changed')}</Alert>}
            {error && <Alert color="red" variant="light" role="alert" title={t('password.failed')} icon={<IconAlertTriangle aria-hidden />}>{error}</Alert>}
            <PasswordInput
              label={t('password.oldPassword')} name="current-password" autoComplete="current-password" required
              value={oldPassword} onChange={(e) => setOldPassword(e.currentTarget.value)} error={errors.oldPassword}
              visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
            />
            <PasswordInput
              label={t('login.newPassword')} description={t('login.policyHint')} name="new-password" autoComplete="new-password" required
              value={newPassword} onChange={(e) => setNewPassword(e.currentTarget.value)} error={errors.newPassword}
              visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
            />
            <PasswordInput
              label={t('login.confirmPassword')} name="confirm-password" autoComplete="new-password" required
              value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} error={errors.confirm}
              visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
            />
            <Button type="submit" loading={busy} leftSection={<IconKey size={18} aria-hidden />}>{t('password.changeSubmit')}</Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  )
}
