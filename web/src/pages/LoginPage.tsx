import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconAlertTriangle, IconLogin } from '@tabler/icons-react'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate } from 'react-router-dom'
import { isApiError } from '../api/client'
import { auth, useAuthUser } from '../auth/store'
import { errorMessage } from '../lib/error-message'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { translate } from '../../../shared/i18n/messages'
import { useLang } from '../lib/labels'
import { serverFieldErrors, type FieldErrors } from '../lib/validation'

export default function LoginPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const user = useAuthUser()
  const navigate = useNavigate()
  const location = useLocation()
  const state = (location.state ?? {}) as { from?: string; expired?: boolean }
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [error, setError] = useState<string | null>(null)
  const [expired, setExpired] = useState(!!state.expired)
  const [busy, setBusy] = useState(false)

  useEffect(() => { document.title = `${t('login.title')} · ${t('app.name')}` }, [t])

  if (user && !busy) return <Navigate to={state.from && state.from !== '/login' ? state.from : '/'} replace />

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const fe: FieldErrors = {}
    if (!username.trim()) fe.username = translate('field.required', lang, { path: t('login.username') })
    if (!password) fe.password = translate('field.required', lang, { path: t('login.password') })
    setErrors(fe)
    if (Object.keys(fe).length) {
      setError(null)
      return
    }
    setBusy(true)
    setError(null)
    setExpired(false)
    try {
      await auth.login(username.trim(), password)
      navigate(state.from && state.from !== '/login' ? state.from : '/', { replace: true })
    } catch (err) {
      setErrors(serverFieldErrors(err))
      setError(errorMessage(err))
      if (isApiError(err) && err.status === 401) setPassword('')
    } finally {
      setBusy(false)
    }
  }

  return (
    <Center mih="100dvh" p="sm" bg="gray.1" component="main">
      <Stack w="100%" maw={420} gap="md">
        <Group justify="space-between" align="center">
          <div>
            <Text fw={700} c="brand.8" fz="xl">{t('app.name')}</Text>
            <Text size="sm" c="dimmed">{t('login.subtitle')}</Text>
          </div>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          <form onSubmit={submit} noValidate aria-labelledby="login-title">
            <Stack gap="md">
              <Title order={1} id="login-title" fz="h2">{t('login.title')}</Title>
              {expired && !error && (
                <Alert color="yellow" variant="light" role="status" icon={<IconAlertTriangle aria-hidden />}>
                  {t('errors.sessionExpired')}
                </Alert>
              )}
              {error && (
                <Alert color="red" variant="light" role="alert" title={t('login.failed')} icon={<IconAlertTriangle aria-hidden />}>
                  {error}
                </Alert>
              )}
              <TextInput
                label={t('login.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                error={errors.username}
                data-autofocus
                autoFocus
              />
              <PasswordInput
                label={t('login.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.password}
                visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
              />
              <Button type="submit" loading={busy} leftSection={<IconLogin size={18} aria-hidden />} fullWidth>
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Center>
  )
}
