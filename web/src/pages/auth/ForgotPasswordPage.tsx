/**
 * Forgotten password, from the sign-in page: the user name, then the 6-digit
 * code mailed to the account's address with the new password (the pool's
 * policy), then back to sign-in with the new password. The same code path on
 * AWS (Cognito mails the code) and locally (the local mailbox).
 */
import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconAlertTriangle, IconMail } from '@tabler/icons-react'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { translate } from '../../../../shared/i18n/messages'
import { endpoints } from '../../api/endpoints'
import { SignInShell } from '../../components/SignInShell'
import { NewPasswordFields, useNewPassword } from '../../components/PasswordFields'
import { errorMessage } from '../../lib/error-message'
import { useLang } from '../../lib/labels'
import { serverFieldErrors, type FieldErrors } from '../../lib/validation'

export default function ForgotPasswordPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const navigate = useNavigate()
  const [username, setUsername] = useState('')
  const [sent, setSent] = useState(false)
  const [code, setCode] = useState('')
  const pair = useNewPassword()
  const [errors, setErrors] = useState<FieldErrors>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => { document.title = `${t('password.forgotTitle')} · ${t('app.name')}` }, [t])

  const run = async (f: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await f()
    } catch (err) {
      setErrors(serverFieldErrors(err))
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  const ask = async (e: FormEvent) => {
    e.preventDefault()
    if (!username.trim()) {
      setErrors({ username: translate('field.required', lang, { path: t('login.username') }) })
      return
    }
    setErrors({})
    await run(async () => {
      await endpoints.forgotPassword(username.trim())
      setSent(true)
    })
  }

  const reset = async (e: FormEvent) => {
    e.preventDefault()
    const fe: FieldErrors = { ...pair.errors() }
    const c = code.replace(/\s/g, '')
    if (!/^\d{6}$/.test(c)) fe.code = t('password.codeFormat')
    setErrors(fe)
    if (Object.keys(fe).length) return
    await run(async () => {
      await endpoints.confirmForgotPassword(username.trim(), c, pair.newPassword)
      navigate('/login', { replace: true, state: { reset: true } })
    })
  }

  const alert = error && (
    <Alert color="red" variant="light" role="alert" title={t('password.failed')} icon={<IconAlertTriangle aria-hidden />}>{error}</Alert>
  )

  return (
    <SignInShell>
          {!sent ? (
            <form onSubmit={ask} noValidate aria-labelledby="forgot-title">
              <Stack gap="md">
                <Title order={1} id="forgot-title" fz="h2">{t('password.forgotTitle')}</Title>
                <Text size="sm">{t('password.forgotIntro')}</Text>
                {alert}
                <TextInput
                  label={t('login.username')} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required
                  value={username} onChange={(e) => setUsername(e.currentTarget.value)} error={errors.username} data-autofocus autoFocus
                />
                <Button type="submit" loading={busy} leftSection={<IconMail size={18} aria-hidden />} fullWidth>{t('password.sendCode')}</Button>
                <Anchor component={Link} to="/login" size="sm" ta="center">{t('password.backToLogin')}</Anchor>
              </Stack>
            </form>
          ) : (
            <form onSubmit={reset} noValidate aria-labelledby="reset-title">
              <Stack gap="md">
                <Title order={1} id="reset-title" fz="h2">{t('password.resetTitle')}</Title>
                <Alert color="blue" variant="light" role="status">{t('password.codeSent')}</Alert>
                {alert}
                <TextInput
                  label={t('password.resetCode')} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]*" maxLength={7} required
                  value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.code} data-autofocus autoFocus
                />
                <NewPasswordFields pair={pair} errors={errors} />
                <Button type="submit" loading={busy} fullWidth>{t('password.resetSubmit')}</Button>
                <Anchor component={Link} to="/login" size="sm" ta="center">{t('password.backToLogin')}</Anchor>
              </Stack>
            </form>
          )}
    </SignInShell>
  )
}
