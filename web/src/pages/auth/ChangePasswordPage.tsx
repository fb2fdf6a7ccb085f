/** Changing one's own password: the current one, the new one twice (the pool's policy). */
import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconKey } from '@tabler/icons-react'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { translate } from '../../../../shared/i18n/messages'
import { endpoints } from '../../api/endpoints'
import { NewPasswordFields, PasswordField, useNewPassword } from '../../components/PasswordFields'
import { errorMessage } from '../../lib/error-message'
import { useLang } from '../../lib/labels'
import { serverFieldErrors, type FieldErrors } from '../../lib/validation'

export default function ChangePasswordPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const [oldPassword, setOldPassword] = useState('')
  const pair = useNewPassword()
  const [errors, setErrors] = useState<FieldErrors>({})
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => { document.title = `${t('password.changeTitle')} · ${t('app.name')}` }, [t])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const fe: FieldErrors = { ...pair.errors() }
    if (!oldPassword) fe.oldPassword = translate('field.required', lang, { path: t('password.oldPassword') })
    setErrors(fe)
    setDone(false)
    if (Object.keys(fe).length) return
    setBusy(true)
    setError(null)
    try {
      await endpoints.changePassword(oldPassword, pair.newPassword)
      setDone(true)
      setOldPassword('')
      pair.clear()
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
            <PasswordField
              label={t('password.oldPassword')} name="current-password" autoComplete="current-password"
              value={oldPassword} onChange={(e) => setOldPassword(e.currentTarget.value)} error={errors.oldPassword}
            />
            <NewPasswordFields pair={pair} errors={errors} />
            <Button type="submit" loading={busy} leftSection={<IconKey size={18} aria-hidden />}>{t('password.changeSubmit')}</Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  )
}
